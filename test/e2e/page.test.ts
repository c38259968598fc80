import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictPage, newsPage, seedArticle, seedPage } from '../fixtures/news-page';
import {
  axDialogs,
  cardLines,
  cardOpen,
  cardSize,
  cardTitle,
  clickInCard,
  exposeCardToPage,
  inCard,
  readCard,
} from './card-view';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  ROOT,
  startServer,
} from './harness';
import {
  annotationPoint,
  axeViolations,
  drawn,
  extensionPage,
  focusIs,
  hoverAnnotation,
  mentionsOf,
  sendToPage,
  setSettings,
  summaryOf,
  waitForDrawn,
} from './page-helpers';

const ARTIFACTS = join(ROOT, 'test/artifacts');

/** Records the article's HTML before the content script runs (document_idle comes later). */
const SNAPSHOT = `<script>window.__before = document.getElementById('story').innerHTML;</script>`;

const CONFLICT = conflictPage();

/** True while the story's HTML is exactly as served. */
const storyUnchanged = (page: Page) =>
  page.evaluate(
    () =>
      document.getElementById('story')?.innerHTML ===
      (window as unknown as { __before: string }).__before,
  );

/** Our highlight names in the page's registry. */
const ourHighlightNames = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('backstory-')));

describe('annotations and the card in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let ext: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
    ext = await extensionPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, html: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(server.route(path, html.replace('</body>', `${SNAPSHOT}</body>`)));
    await waitForDrawn(page);
    return page;
  }

  it('draws entities and figures over the article body only, changing no node of the page', async () => {
    const page = await open('/defending.html', seedPage(1));
    const found = await drawn(page);
    expect(found.filter((d) => d.where !== 'article' || !d.live)).toEqual([]);
    expect(found).toContainEqual({
      kind: 'claim',
      text: 'over $1 billion',
      where: 'article',
      live: true,
    });
    expect(found.filter((d) => d.kind === 'conflict')).toEqual([]);
    const facts = new Set(mentionsOf(await summaryOf(ext, page)).map((m) => m.fact));
    for (const fact of [
      'christopher-wray',
      'alejandro-mayorkas',
      'north-korea',
      'mayorkas-over-1b-two-years',
    ])
      expect(facts).toContain(fact);
    expect(await storyUnchanged(page)).toBe(true);
    // The only element Backstory adds is the card's host, and only while a card is open.
    expect(await page.evaluate(() => document.querySelectorAll('backstory-tooltip').length)).toBe(
      0,
    );
    await page.close();
  });

  it('opens the card after the dwell, keeps it while hovered, closes it after the grace', async () => {
    const page = await open('/hover.html', seedPage(1));
    const target = await annotationPoint(page, 'FBI Director Christopher Wray');
    // Times come from the page's own clock (event.timeStamp, performance.now()), so a busy machine
    // can only make the waits longer, never make the test see them shorter.
    await page.evaluate(
      ({ x, y }) => {
        const log: [string, number][] = [];
        Object.assign(window, { cardLog: log });
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes)
              if (n.nodeName === 'BACKSTORY-TOOLTIP') log.push(['open', performance.now()]);
            for (const n of r.removedNodes)
              if (n.nodeName === 'BACKSTORY-TOOLTIP') log.push(['close', performance.now()]);
          }
        }).observe(document.documentElement, { childList: true });
        document.addEventListener('pointermove', (e) => {
          const at = (a: number, b: number) => Math.abs(a - b) < 1;
          if (at(e.clientX, x) && at(e.clientY, y)) log.push(['enter', e.timeStamp]);
          if (at(e.clientX, 1270) && at(e.clientY, 890)) log.push(['away', e.timeStamp]);
        });
      },
      { x: target.x, y: target.y },
    );
    const events = () =>
      page.evaluate(() => (window as unknown as { cardLog: [string, number][] }).cardLog);
    const at = (log: [string, number][], name: string) => log.find(([n]) => n === name)?.[1] ?? NaN;

    await page.mouse.move(target.x, target.y);
    await expect.poll(() => cardOpen(page), { timeout: 5000, interval: 20 }).toBe(true);
    expect(await cardTitle(page)).toBe('Christopher Wray');

    // Onto the card: it stays.
    const { box } = (await readCard(page)) ?? { box: { x: 0, y: 0, width: 0, height: 0 } };
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 8 });
    await page.waitForTimeout(700);
    expect(await cardOpen(page)).toBe(true);

    // Away from both: gone, but only after the grace period.
    await page.mouse.move(1270, 890);
    await expect.poll(() => cardOpen(page), { timeout: 5000, interval: 20 }).toBe(false);
    const log = await events();
    expect(log.map(([name]) => name)).toEqual(['enter', 'open', 'away', 'close']);
    expect(at(log, 'open') - at(log, 'enter')).toBeGreaterThanOrEqual(450);
    expect(at(log, 'close') - at(log, 'away')).toBeGreaterThanOrEqual(280);
    await page.close();
  });

  it('closes on Escape without moving the pointer, and leaves the page’s focus alone', async () => {
    const page = await open('/escape.html', seedPage(0));
    await page.bringToFront();
    await page.focus('nav a');
    await hoverAnnotation(page, (await drawn(page))[0]?.text ?? '');
    await expect.poll(() => cardOpen(page), { timeout: 3000 }).toBe(true);
    await page.keyboard.press('Escape');
    expect(await cardOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');
    await page.close();
  });

  it('moves between annotations with the commands: current, card with focus, Escape back', async () => {
    const page = await open('/keyboard.html', seedPage(0));
    await page.bringToFront();
    const texts = (await drawn(page)).map((d) => d.text);
    expect(texts.length).toBeGreaterThan(2);
    // Where the reader is: a link focused, a word selected.
    await page.focus('nav a');
    await page.evaluate(() => {
      const p = document.querySelector('#story .body p') as HTMLElement;
      const range = document.createRange();
      range.setStart(p.firstChild as Text, 0);
      range.setEnd(p.firstChild as Text, 5);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const selected = await page.evaluate(() => getSelection()?.toString());
    const current = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('backstory-active') ?? [])].map((r) => (r as Range).toString()),
      );

    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    await expect.poll(() => focusIs(page)).toBe('card:dialog');
    expect(await current()).toEqual([texts[0]]);
    // Said once: the focused dialog, by its name.
    expect(await axDialogs(page)).toEqual([
      { name: (await cardTitle(page)) ?? '', description: '', focused: true },
    ]);
    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    await expect.poll(current).toEqual([texts[1]]);
    expect(await focusIs(page)).toBe('card:dialog');
    await sendToPage(ext, page, 'background:content:command', { command: 'previous-mark' });
    await expect.poll(current).toEqual([texts[0]]);

    await page.keyboard.press('Escape');
    expect(await cardOpen(page)).toBe(false);
    expect(await current()).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(selected);
    await page.close();
  });

  it('steps with the card’s Previous / Next, says where it moved, and Tab out returns focus', async () => {
    const page = await open('/card-keys.html', seedPage(0));
    await page.bringToFront();
    await page.focus('nav a');
    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    await expect.poll(() => focusIs(page)).toBe('card:dialog');
    const first = await cardTitle(page);
    const focusedText = async () => (await readCard(page))?.focused?.textContent;
    // Close comes first, then the body's links, then Previous / Next.
    for (let i = 0; i < 20 && (await focusedText()) !== 'Next ›'; i++)
      await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Next ›');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardTitle(page)).not.toBe(first);
    expect(await focusedText()).toBe('Next ›');
    const card = await readCard(page);
    expect(card?.root.querySelector('[role="status"]')?.textContent).toMatch(/, 2 of \d+$/);
    expect(card?.root.querySelector('.place')?.textContent).toMatch(/^2 of \d+$/);

    // Tab past the last control closes the card and puts focus back where it was.
    await page.keyboard.press('Tab');
    expect(await cardOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');

    // Close does the same.
    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    await expect.poll(() => focusIs(page)).toBe('card:dialog');
    await page.keyboard.press('Tab');
    expect(await focusIs(page)).toBe('card:button');
    await page.keyboard.press('Enter');
    expect(await cardOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');
    await page.close();
  });

  it('opens the card at once on a click, lets the page have the click, and closes outside', async () => {
    const page = await open('/click.html', seedPage(1));
    await page.bringToFront();
    // On the page's clock: when each click happened (and whether anything cancelled it), when the
    // card's host arrived.
    await page.evaluate(() => {
      const log: { clicks: [number, boolean][]; opened: number[] } = { clicks: [], opened: [] };
      Object.assign(window, { log });
      document.addEventListener('click', (e) => log.clicks.push([e.timeStamp, e.defaultPrevented]));
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n.nodeName === 'BACKSTORY-TOOLTIP') log.opened.push(performance.now());
      }).observe(document.documentElement, { childList: true });
    });
    const { x, y } = await annotationPoint(page, 'FBI Director Christopher Wray');
    await page.mouse.click(x, y);
    await expect.poll(() => cardTitle(page)).toBe('Christopher Wray');
    await page.mouse.click(1270, 890);
    await expect.poll(() => cardOpen(page)).toBe(false);
    const log = await page.evaluate(
      () => (window as unknown as { log: { clicks: [number, boolean][]; opened: number[] } }).log,
    );
    expect(log.clicks.map(([, prevented]) => prevented)).toEqual([false, false]);
    // At once: well within the hover dwell (500 ms).
    expect((log.opened[0] ?? Number.POSITIVE_INFINITY) - (log.clicks[0]?.[0] ?? 0)).toBeLessThan(
      100,
    );
    await page.close();
  });

  it('opens the card on a tap', async () => {
    const page = await open('/tap.html', seedPage(1));
    await page.bringToFront();
    const { x, y } = await annotationPoint(page, 'FBI Director Christopher Wray');
    const session = await browser.context.newCDPSession(page);
    await session.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    for (const type of ['touchStart', 'touchEnd'] as const)
      await session.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
      });
    await expect.poll(() => cardTitle(page), { timeout: 2000 }).toBe('Christopher Wray');
    await session.detach();
    await page.close();
  });

  it('keeps the card next to its annotation when the page scrolls, without covering it', async () => {
    const page = await open('/scroll.html', seedPage(1));
    await hoverAnnotation(page, 'FBI Director Christopher Wray');
    await expect.poll(() => cardOpen(page), { timeout: 3000 }).toBe(true);
    const gapTo = async () => {
      const card = (await readCard(page))?.box ?? { x: 0, y: 0, width: 0, height: 0 };
      const { box } = await annotationPoint(page, 'FBI Director Christopher Wray');
      const below = card.y - (box.y + box.height);
      const above = box.y - (card.y + card.height);
      return Math.round(Math.max(below, above));
    };
    expect(await gapTo()).toBe(8);
    await page.mouse.wheel(0, 120);
    await expect.poll(gapTo).toBe(8);
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(gapTo).toBe(8);
    await page.close();
  });

  it('re-annotates a page that rewrites itself constantly at most 4 times in 10 s', async () => {
    const ticker =
      '<p id="ticker">FBI Director Christopher Wray is speaking.</p>' +
      `<script>let n = 0; setInterval(() => { document.getElementById('ticker').textContent = 'FBI Director Christopher Wray is speaking, update ' + ++n; }, 50);</script>`;
    const html = newsPage({ ...seedArticle(1), bodyHtml: ticker });
    const page = await browser.context.newPage();
    await page.goto(server.route('/busy.html', html));
    // Every re-run draws the rewritten ticker with a new range: count the ranges seen over 8 s, and
    // any that still held old text (there must be none: changed text is dropped at once).
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
          const timer = setInterval(look, 20);
          setTimeout(() => {
            clearInterval(timer);
            done({ ranges: ranges.size, stale });
          }, 8000);
        }),
    );
    expect(seen.ranges).toBeGreaterThanOrEqual(2);
    expect(seen.ranges).toBeLessThanOrEqual(5);
    expect(seen.stale).toBe(0);
    await page.close();
  });

  it('draws a conflicting figure as a conflict and says so in words on the card', async () => {
    const page = await open('/conflict.html', CONFLICT);
    const conflicts = (await drawn(page)).filter((d) => d.kind === 'conflict');
    expect(conflicts.map((d) => [d.text, d.where])).toEqual([['$3 billion', 'article']]);
    await hoverAnnotation(page, '$3 billion', 'conflict');
    await expect.poll(() => cardTitle(page), { timeout: 3000 }).toBe('This page says “$3 billion”');
    const card = await readCard(page);
    const lines = cardLines(card as NonNullable<typeof card>);
    // One verdict in words, then the picture, each source's own row behind a disclosure.
    expect(lines.slice(0, 4)).toEqual([
      'This page says “$3 billion”',
      '≠ Conflicts with the sources',
      "Cyber Security Intelligence put North Korea's total crypto theft at about $2 billion; this page says $3 billion, half as much again.",
      'What each source says (2)',
    ]);
    expect(card?.root.querySelector('.picture svg title')?.textContent).toBe(
      'This page: $3 billion overall. Sources: Cyber Security Intelligence, about $2 billion overall (differs); Alejandro Mayorkas, over $1 billion in the past two years (other period).',
    );
    expect(
      [...(card?.root.querySelectorAll('li[data-relation] strong') ?? [])].map(
        (e) => e.textContent,
      ),
    ).toEqual(['about $2 billion', 'over $1 billion']);
    const [dialog] = await axDialogs(page);
    expect(dialog?.name).toBe('This page says “$3 billion”');
    expect(dialog?.description).toBe(
      "Conflicts with the sources . Cyber Security Intelligence put North Korea's total crypto theft at about $2 billion; this page says $3 billion, half as much again.",
    );
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

  it('leaves the article exactly as served, drawn, paused and resumed', async () => {
    const page = await open('/restore.html', seedPage(1));
    expect(await storyUnchanged(page)).toBe(true);
    await setSettings(ext, { paused: true });
    await expect.poll(() => ourHighlightNames(page)).toEqual([]);
    expect(await storyUnchanged(page)).toBe(true);
    expect((await summaryOf(ext, page)).enabled).toBe(false);
    await setSettings(ext, { paused: false });
    await waitForDrawn(page);
    expect(await storyUnchanged(page)).toBe(true);
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

  it('passes axe-core on the card, light and dark, and saves screenshots', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const shots = [
      {
        theme: 'light',
        html: seedPage(1),
        text: 'Secretary of Homeland Security Alejandro Mayorkas',
      },
      { theme: 'dark', html: conflictPage({ dark: true }), text: '$3 billion' },
    ] as const;
    for (const shot of shots) {
      const page = await open(`/shot-${shot.theme}.html`, shot.html);
      await page.bringToFront();
      const { box } = await annotationPoint(page, shot.text);
      await hoverAnnotation(page, shot.text);
      await expect.poll(() => cardOpen(page), { timeout: 3000 }).toBe(true);
      const card = await readCard(page);
      expect(card?.mode).toBe('closed');
      expect(card?.dialog?.getAttribute('data-theme')).toBe(shot.theme);
      // axe runs in the page, which cannot see a closed root: let it, for this check only.
      await exposeCardToPage(page);
      expect(await axeViolations(page, [['backstory-tooltip', '.card']])).toEqual([]);
      // The details behind the disclosure too (each source's row, or the related claims).
      await clickInCard(page, 'details > summary');
      await expect
        .poll(() => inCard(page, 'details', 'function () { return this.open; }'))
        .toBe(true);
      await exposeCardToPage(page);
      expect(await axeViolations(page, [['backstory-tooltip', '.card']])).toEqual([]);
      // Placed again for its new height (a frame later): shoot it where it settles.
      let height = -1;
      await expect
        .poll(async () => {
          const before = height;
          height = (await cardSize(page)).height;
          return height === before;
        })
        .toBe(true);
      const cardBox = (await readCard(page))?.box ?? box;
      const top = Math.max(0, Math.min(cardBox.y, box.y) - 40);
      const bottom = Math.min(900, Math.max(cardBox.y + cardBox.height, box.y + box.height) + 40);
      await page.screenshot({
        path: join(ARTIFACTS, `card-${shot.theme}.png`),
        clip: { x: 0, y: top, width: 1280, height: bottom - top },
      });
      expect(cardLines(card as NonNullable<typeof card>).length).toBeGreaterThan(3);
      await page.close();
    }
  });

  it('caused no console errors and no requests off the machine', () => {
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });
});
