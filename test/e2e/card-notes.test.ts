/**
 * The reader's own facts on the card, in real Chromium: their notes under "Your notes", where each
 * fact comes from (an imported pack never passes for the bundled base), a fact-checker's rating, and
 * "Save to my facts" opening the options page's form; axe-core on a card with notes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReviewsToPack } from '../../lib/pages/facts/claimreview';
import { bundledPack } from '../../lib/shared/facts/bundled';
import type { ImportedPack } from '../../lib/shared/facts/layers';
import type { FactPack } from '../../lib/shared/facts/schema';
import { readNoteTarget, readPrefill } from '../../lib/shared/prefill';
import { conflictPage, newsPage, seedArticle } from '../fixtures/news-page';
import { type Box, currentBoxes, open, overlaps, reveal } from './card-steps';
import { clickInCard, inCard, readCard } from './card-view';
import { exposeCardToPage } from './closed-shadow';
import { ROOT } from './harness';
import { axeViolations, mentionsOf, summaryOf } from './page-helpers';
import { browser, ext, itCausedNoErrors, usePageSession } from './page-session';

usePageSession();

/** Sets the reader's own facts and imported packs, as the options page stores them. */
async function setReaderFacts(yours: FactPack, imported: ImportedPack[]): Promise<void> {
  await ext.evaluate(
    async ({ yours, imported }) => {
      const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
      await chrome.storage.local.set({
        readerPack: yours,
        readerPack$: { v: 2 },
        importedPacks: imported,
        importedPacks$: { v: 1 },
      });
    },
    { yours, imported },
  );
}

describe('the reader’s notes, and where each fact comes from', () => {
  const yours: FactPack = {
    format: 1,
    sources: [{ id: 'reader.src', title: 'fbi.gov', url: 'https://www.fbi.gov/news/wray' }],
    entities: [],
    claims: [],
    notes: [
      {
        id: 'reader.note.wray',
        about: { kind: 'entity', id: 'christopher-wray' },
        text: 'Stepped down as FBI director.',
        sourceIds: ['reader.src'],
      },
    ],
  };
  const lazarus: ImportedPack = {
    id: 'pack-1',
    importedAt: '2026-05-03T10:00:00Z',
    pack: {
      format: 1,
      name: 'Lazarus notes',
      author: 'Jane Doe',
      sources: [{ id: 'jane.src', title: 'jane.example', url: 'https://jane.example/post' }],
      entities: [],
      claims: [
        {
          id: 'jane.5b',
          statement: 'North Korea stole $5 billion in crypto.',
          subjects: ['north-korea'],
          sourceId: 'jane.src',
          figure: { value: 5e9, unit: 'USD', qualifier: 'exact', period: 'total' },
          measure: 'dprk.crypto-theft.usd',
        },
      ],
    },
  };
  /** A fact-checker's review, imported as the options page imports ClaimReview markup. */
  const claimReview = claimReviewsToPack(
    JSON.parse(
      readFileSync(join(ROOT, 'test/unit/pages/facts/fixtures/claimreview/single.json'), 'utf8'),
    ),
    bundledPack.entities,
  ).pack;

  beforeAll(async () => {
    await setReaderFacts(yours, [
      lazarus,
      { id: 'pack-2', importedAt: '2026-05-04T10:00:00Z', pack: claimReview },
    ]);
  });
  afterAll(() => setReaderFacts({ format: 1, sources: [], entities: [], claims: [] }, []));

  it('shows the reader’s note under “Your notes”, beside the bundled summary', async () => {
    const page = await open(conflictPage());
    const wray = mentionsOf(await summaryOf(ext, page)).find((m) => m.fact === 'christopher-wray');
    await reveal(page, wray?.id ?? -1);
    const card = await readCard(page);
    expect(card?.dialog?.querySelector('.summary')?.textContent).toMatch(/^Director of the FBI/);
    expect(card?.dialog?.querySelector('.notes h3')?.textContent).toBe('Your notes');
    expect(
      [...(card?.dialog?.querySelectorAll('.notes li p') ?? [])].map((p) => p.textContent),
    ).toEqual(['Stepped down as FBI director.', 'fbi.gov']);
    await page.close();
  });

  it('marks an imported pack’s figure as that pack’s, never as the bundled base', async () => {
    const page = await open(conflictPage());
    const [conflict] = (await summaryOf(ext, page)).figures;
    await reveal(page, conflict?.mentions[0]?.id ?? -1);
    await clickInCard(page, 'details.more > summary');
    await expect
      .poll(() => inCard(page, 'details.more', 'function () { return this.open; }'))
      .toBe(true);
    const card = await readCard(page);
    const rows = [...(card?.dialog?.querySelectorAll('details li') ?? [])];
    const origins = rows.map((li) => [
      li.querySelector('strong')?.textContent,
      li.querySelector('.origin')?.getAttribute('data-origin'),
      li.querySelector('.origin')?.textContent,
    ]);
    expect(origins).toContainEqual([
      '$5 billion',
      'imported',
      'From “Lazarus notes” by Jane Doe, imported 3 May 2026',
    ]);
    expect(origins).toContainEqual(['about $2 billion', 'bundled', 'Bundled with Backstory']);
    // A source given by its link alone is named by its site; no quote was given, none is shown.
    const jane = rows.find((li) => li.textContent?.includes('$5 billion'));
    expect(jane?.querySelector('.meta a')?.textContent).toBe('jane.example');
    expect(jane?.querySelector('.quote')).toBeNull();
    // Still clear of its annotation once the disclosure is open.
    const box = (await readCard(page))?.box as Box;
    for (const mark of await currentBoxes(page)) expect(overlaps(box, mark)).toBe(false);
    await page.close();
  });

  it('shows a fact-checker’s rating on a page that retells the claim it reviewed', async () => {
    const page = await open(
      newsPage({
        ...seedArticle(1),
        paragraphs: [
          ...seedArticle(1).paragraphs,
          'North Korea stole billions in cryptocurrency in 2022 alone, a viral post said.',
        ],
      }),
    );
    const rated = (await summaryOf(ext, page)).restated.find((c) => c.label.startsWith('Rated'));
    expect(rated?.label).toBe('Rated “Mostly False”');
    await reveal(page, rated?.mentions[0]?.id ?? -1);
    const card = await readCard(page);
    expect(card?.dialog?.querySelector('.rating')?.textContent).toBe(
      'Rated “Mostly False” (2 on a scale from 1 to 6) by Example Fact Check, 3 May 2023',
    );
    expect(card?.dialog?.querySelector('.rating a')?.getAttribute('href')).toBe(
      'https://factcheck.example/2023/may/03/north-korea-crypto-3-billion/',
    );
    await page.close();
  });

  it('passes axe-core on a card with notes and provenance, light and dark', async () => {
    for (const dark of [false, true]) {
      const page = await open(conflictPage({ dark }));
      const [conflict] = (await summaryOf(ext, page)).figures;
      await reveal(page, conflict?.mentions[0]?.id ?? -1);
      await clickInCard(page, 'details.more > summary');
      await exposeCardToPage(page);
      expect(await axeViolations(page, [['backstory-tooltip', '.card']])).toEqual([]);
      await page.close();
    }
  });
});

describe('Save to my facts', () => {
  it('opens the options page’s form on a note about what the card shows, the page as its source', async () => {
    const page = await open(conflictPage());
    const wray = mentionsOf(await summaryOf(ext, page)).find((m) => m.fact === 'christopher-wray');
    await reveal(page, wray?.id ?? -1);
    const opened = browser.context.waitForEvent('page');
    await clickInCard(page, 'button.save');
    const options = await opened;
    await options.waitForLoadState();
    const url = new URL(options.url());
    expect(url.pathname).toBe('/options.html');
    expect(readNoteTarget(url.search)).toEqual({ kind: 'entity', id: 'christopher-wray' });
    expect(readPrefill(url.search)).toMatchObject({
      sourceTitle: 'North Korea’s crypto haul keeps growing, analysts say | The Daily Ledger',
      sourceUrl: page.url(),
    });
    await options.close();
    await page.close();
  });
});

itCausedNoErrors();
