/**
 * What a reader sees on the card, in real Chromium, on the demo article and our articles in real
 * news markup: every card the size of a Page Preview with nothing to scroll inside, next to its
 * annotation and never over it; the number line on every figure card; retold claims; the reader's
 * notes and where each fact comes from; a fact-checker's rating; "Save to my facts"; dark and
 * right-to-left pages, reduced motion; axe-core on each kind of card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPack } from '../../lib/facts/bundled';
import { claimReviewsToPack } from '../../lib/facts/claimreview';
import type { ImportedPack } from '../../lib/facts/layers';
import type { FactPack } from '../../lib/facts/schema';
import { readNoteTarget, readPrefill } from '../../lib/prefill';
import { inCorpusMarkup } from '../fixtures/corpus-page';
import { FIGURE_ARTICLES, RETOLD } from '../fixtures/figure-articles';
import { conflictPage, newsPage, seedArticle } from '../fixtures/news-page';
import { REPORT } from '../fixtures/on-topic';
import {
  cardLines,
  cardOpen,
  cardSize,
  cardTitle,
  clickInCard,
  inCard,
  readCard,
} from './card-view';
import { exposeCardToPage } from './closed-shadow';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  ROOT,
  startServer,
} from './harness';
import {
  axeViolations,
  extensionPage,
  mentionsOf,
  offline,
  sendToPage,
  summaryOf,
  waitForDrawn,
} from './page-helpers';

/** The pages every card is opened on: the demo, and our articles in real news sites' markup. */
const PAGES: [string, () => string][] = [
  ['the demo article', () => readFileSync(join(ROOT, 'assets/demo/article.html'), 'utf8')],
  ['the report (cnn)', () => inCorpusMarkup('cnn', REPORT)],
  ...FIGURE_ARTICLES.map((a): [string, () => string] => [
    `${a.title} (${a.host})`,
    () => inCorpusMarkup(a.host, a),
  ]),
];

type Box = { x: number; y: number; width: number; height: number };

let browser: ExtensionBrowser;
let server: PageServer;
let ext: Page;
let served = 0;

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  ext = await extensionPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(html: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.route(`/card-${served++}.html`, offline(html)));
  await waitForDrawn(page);
  return page;
}

/** Opens the card of the annotation with this id (as the popup does) and waits for it. */
async function reveal(page: Page, id: number): Promise<void> {
  await sendToPage(ext, page, 'popup:content:reveal', { id });
  await expect.poll(() => cardOpen(page), { timeout: 3000, interval: 30 }).toBe(true);
}

/** The boxes of the annotation shown as current. */
const currentBoxes = (page: Page): Promise<Box[]> =>
  page.evaluate(() =>
    [...(CSS.highlights.get('backstory-active') ?? [])].flatMap((range) =>
      [...(range as Range).getClientRects()].map((r) => ({
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      })),
    ),
  );

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

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

describe('every card, on the demo and on real news markup', () => {
  it.each(PAGES)(
    '%s: a Page Preview’s size, nothing to scroll, beside its annotation, a picture for every figure',
    async (name, html) => {
      const page = await open(html());
      await page.bringToFront();
      const summary = await summaryOf(ext, page);
      const figures = new Set(summary.figures.flatMap((f) => f.mentions.map((m) => m.id)));
      const retold = new Set(summary.restated.flatMap((f) => f.mentions.map((m) => m.id)));
      const sizes: string[] = [];
      for (const mention of mentionsOf(summary)) {
        await reveal(page, mention.id);
        const where = `${mention.text} (${mention.fact})`;
        const size = await cardSize(page);
        sizes.push(`${size.height}`);
        expect(size.width, where).toBeGreaterThanOrEqual(320);
        expect(size.width, where).toBeLessThanOrEqual(380);
        expect(size.overflow, where).toBe(0);
        const card = (await readCard(page))?.box as Box;
        expect(card.y, where).toBeGreaterThanOrEqual(0);
        expect(card.y + card.height, where).toBeLessThanOrEqual(900);
        for (const box of await currentBoxes(page)) expect(overlaps(card, box), where).toBe(false);
        const view = await readCard(page);
        if (figures.has(mention.id)) {
          const svg = view?.dialog?.querySelector('.picture svg[role="img"]');
          expect(svg, where).toBeTruthy();
          expect(
            view?.root.querySelector(`#${svg?.getAttribute('aria-labelledby')}`)?.textContent,
          ).toMatch(/^This page: /);
        }
        if (retold.has(mention.id))
          expect(view?.dialog?.querySelector('.claim .statement')?.textContent, where).toBeTruthy();
      }
      console.log(`${name}: card heights ${sizes.join(' ')}`);
      await page.close();
    },
    120_000,
  );

  it('shows the retold claims of an article, a date conflict said plainly', async () => {
    const page = await open(inCorpusMarkup(RETOLD.host, RETOLD));
    const summary = await summaryOf(ext, page);
    expect(summary.restated.map((c) => c.factId)).toEqual(
      expect.arrayContaining(RETOLD.claims.map((c) => c.claimId)),
    );
    const march = summary.restated.find((c) => c.text === 'In March');
    expect(march?.verdict).toBe('differs');
    await reveal(page, march?.mentions[0]?.id ?? -1);
    const lines = cardLines(
      (await readCard(page)) as NonNullable<Awaited<ReturnType<typeof readCard>>>,
    );
    expect(lines[0]).toBe('Dated otherwise than the source');
    expect(lines).toContain('The Readable dates this to July 2022; this page puts it in March.');
    await page.close();
  });
});

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
      readFileSync(join(ROOT, 'test/unit/facts/fixtures/claimreview/single.json'), 'utf8'),
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

describe('on dark and right-to-left pages, and for readers who want no motion', () => {
  it('takes the page’s dark theme, and passes axe-core on a figure card and a retold claim', async () => {
    const page = await open(
      inCorpusMarkup(RETOLD.host, RETOLD).replace(
        '</head>',
        '<style>html,body,body *{background:#111!important;color:#eee!important}</style></head>',
      ),
    );
    const summary = await summaryOf(ext, page);
    for (const item of [summary.restated[0], summary.entities[0]]) {
      await reveal(page, item?.mentions[0]?.id ?? -1);
      expect((await readCard(page))?.dialog?.getAttribute('data-theme')).toBe('dark');
      await exposeCardToPage(page);
      expect(await axeViolations(page, [['backstory-tooltip', '.card']])).toEqual([]);
    }
    await page.close();
  });

  it('stays readable on a right-to-left page: left to right inside, in the viewport, by the mark', async () => {
    const arabic = 'قال مسؤولون إن قراصنة يعملون لصالح كوريا الشمالية سرقوا الأموال.';
    const html = newsPage({
      title: 'كوريا الشمالية والعملات المشفرة',
      paragraphs: [
        `${arabic} FBI Director Christopher Wray ${arabic}`,
        `${arabic} ${arabic} North Korea stole $3 billion in crypto currency. ${arabic}`,
      ],
    }).replace('<html lang="en">', '<html lang="ar" dir="rtl">');
    const page = await open(html);
    for (const mention of mentionsOf(await summaryOf(ext, page))) {
      await reveal(page, mention.id);
      const card = await readCard(page);
      expect(card?.dialog?.getAttribute('dir')).toBe('ltr');
      const box = card?.box as Box;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      for (const mark of await currentBoxes(page)) expect(overlaps(box, mark)).toBe(false);
    }
    expect(await cardTitle(page)).toBeTruthy();
    await page.close();
  });

  it('appears without animation when the reader asks for reduced motion', async () => {
    const page = await open(conflictPage());
    const [conflict] = (await summaryOf(ext, page)).figures;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await reveal(page, conflict?.mentions[0]?.id ?? -1);
    const animation = () =>
      inCard<string>(page, '.card', 'function () { return getComputedStyle(this).animationName; }');
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    expect(await animation()).toBe('backstory-appear');
    await page.close();
  });

  it('caused no console errors and no requests off the machine', () => {
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });
});
