/**
 * Annotating pages in Chromium: pages that rewrite themselves or add content later, form fields left
 * alone, the popup's summary and its reveal of one annotation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictPage, newsPage, seedArticle, seedPage } from '../fixtures/news-page';
import { cardTitle } from './card-view';
import { ROOT } from './harness';
import { drawn, focusIs, mentionsOf, sendToPage, summaryOf } from './page-helpers';
import { browser, ext, itCausedNoErrors, open, server, usePageSession } from './page-session';

const _ARTIFACTS = join(ROOT, 'test/artifacts');

const CONFLICT = conflictPage();

usePageSession();

describe('annotating pages in Chromium', () => {
  it('re-annotates a page that rewrites itself constantly, never drawing old text', async () => {
    const ticker =
      '<p id="ticker">FBI Director Christopher Wray is speaking.</p>' +
      `<script>let n = 0; setInterval(() => { document.getElementById('ticker').textContent = 'FBI Director Christopher Wray is speaking, update ' + ++n; }, 50);</script>`;
    const html = newsPage({ ...seedArticle(1), bodyHtml: ticker });
    const page = await browser.context.newPage();
    await page.goto(server.route('/busy.html', html));
    // Every re-run draws the rewritten ticker with a new range: watch until a second one is drawn,
    // counting any range that still held old text (there must be none: changed text is dropped at once).
    const seen = await page.evaluate(
      () =>
        new Promise<{ ranges: number; stale: number }>((done) => {
          const ranges = new Set<AbstractRange>();
          let stale = 0;
          const look = () => {
            for (const range of CSS.highlights.get('backstory-entity') ?? []) {
              if (!range.startContainer.parentElement?.closest('#ticker')) continue;
              ranges.add(range);
              if ((range as Range).toString() !== 'FBI Director Christopher Wray') stale++;
            }
          };
          const timer = setInterval(() => {
            look();
            if (ranges.size < 2) return;
            clearInterval(timer);
            done({ ranges: ranges.size, stale });
          }, 20);
        }),
    );
    expect(seen.stale).toBe(0);
    await page.close();
  });

  it('annotates content the page adds later', async () => {
    const page = await open('/dynamic.html', seedPage(0));
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Later, Alejandro Mayorkas spoke about the hackers.';
      document.querySelector('#story .body')?.append(p);
    });
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            [...(CSS.highlights.get('backstory-entity') ?? [])]
              .filter((r) => r.startContainer.parentElement?.id === 'late')
              .map((r) => (r as Range).toString()),
          ),
        { timeout: 3000 },
      )
      .toEqual(['Alejandro Mayorkas']);
    await page.close();
  });

  it('leaves form fields and editable regions alone', async () => {
    const html = newsPage({
      ...seedArticle(1),
      bodyHtml:
        '<form><input value="Christopher Wray"><textarea>Alejandro Mayorkas</textarea><select><option>FBI</option></select></form>' +
        '<div contenteditable="true">Christopher Wray and Alejandro Mayorkas</div><pre>Christopher Wray</pre>',
    });
    const page = await open('/forms.html', html);
    const inside = await page.evaluate(() =>
      ['entity', 'claim', 'conflict'].flatMap((kind) =>
        [...(CSS.highlights.get(`backstory-${kind}`) ?? [])].filter(
          (r) => !!r.startContainer.parentElement?.closest('form, [contenteditable], pre'),
        ),
      ),
    );
    expect(inside).toHaveLength(0);
    expect(await page.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe(
      'Alejandro Mayorkas',
    );
    expect(await page.$eval('[contenteditable]', (d) => d.innerHTML)).toBe(
      'Christopher Wray and Alejandro Mayorkas',
    );
    await page.close();
  });

  it('answers the popup with a summary', async () => {
    const page = await open('/summary.html', CONFLICT);
    await page.bringToFront();
    const summary = await summaryOf(ext, page);
    expect(summary.isArticle).toBe(true);
    expect(summary.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['north-korea', 'christopher-wray']),
    );
    expect(summary.figures[0]).toMatchObject({ text: '$3 billion', verdict: 'differs' });
    await page.close();
  });

  it('lists every annotation by id for the popup, and reveals exactly the one asked for', async () => {
    const page = await open('/reveal.html', seedPage(1));
    await page.bringToFront();
    // Every drawn range belongs to one listed mention, and every mention is drawn.
    const mentions = mentionsOf(await summaryOf(ext, page));
    expect(mentions.map((m) => m.text).sort()).toEqual(
      (await drawn(page)).map((d) => d.text).sort(),
    );
    const northKoreas = mentions.filter((m) => m.fact === 'north-korea');
    expect(northKoreas.length).toBeGreaterThan(1);
    const last = northKoreas.at(-1);
    expect(await sendToPage(ext, page, 'popup:content:reveal', { id: last?.id })).toBe(true);
    await expect.poll(() => cardTitle(page)).toBe('North Korea');
    expect(await focusIs(page)).toBe('card:dialog');
    // Exactly that one: the current annotation is the last mention, not the first.
    const currentIsLast = await page.evaluate(() => {
      const [range] = [...(CSS.highlights.get('backstory-active') ?? [])] as Range[];
      const all = [...(CSS.highlights.get('backstory-entity') ?? [])] as Range[];
      const northKoreas = all
        .filter((r) => r.toString() === range?.toString())
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return northKoreas.at(-1) === range;
    });
    expect(currentIsLast).toBe(true);
    expect(await sendToPage(ext, page, 'popup:content:reveal', { id: 99_999 })).toBe(false);
    await page.close();
  });

  it('reveals an annotation inside a scrolled container, scrolling the container and the page', async () => {
    const filler =
      '<p>The council met on Tuesday to review the schedule for the coming season.</p>'.repeat(12);
    const html = newsPage({
      ...seedArticle(1),
      bodyHtml: `<div id="box" style="height:140px;overflow:auto">${filler}<p id="deep">Prosecutors named Kim Kuk-myong in the case.</p></div>`,
    });
    const page = await open('/container.html', html);
    await page.bringToFront();
    const kim = mentionsOf(await summaryOf(ext, page)).find((m) => m.text === 'Kim Kuk-myong');
    expect(kim).toBeDefined();
    expect(await sendToPage(ext, page, 'popup:content:reveal', { id: kim?.id })).toBe(true);
    await expect.poll(() => cardTitle(page)).toBe('Kim Kuk-myong');
    const seen = await page.evaluate(() => {
      const [range] = [...(CSS.highlights.get('backstory-active') ?? [])] as Range[];
      const rect = range?.getBoundingClientRect();
      const box = document.getElementById('box')?.getBoundingClientRect();
      if (!rect || !box) return false;
      return (
        rect.top >= box.top &&
        rect.bottom <= box.bottom &&
        rect.top >= 0 &&
        rect.bottom <= innerHeight
      );
    });
    expect(seen).toBe(true);
    await page.close();
  });

  itCausedNoErrors();
});
