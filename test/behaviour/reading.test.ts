/**
 * A reader with Backstory, in each browser (docs/architecture.md, "The page contract"):
 * on real news pages (our paragraphs in a corpus page's own markup), annotations in the article only;
 * the card on hover and from the keyboard commands; the popup's summary; the site switch and pause
 * leaving the page exactly as served; a fact added on the options page annotating an open page; and
 * nothing failing or leaving the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionDriver, PageDriver, ViewDriver } from '../driver/driver';
import {
  badgeCount,
  clickControl,
  fillField,
  sendToPage,
  tabIdOf,
  viewText,
} from '../driver/extension-steps';
import { launchDriver } from '../driver/launch';
import { type PageServer, startServer } from '../driver/server';
import {
  cardHosts,
  focusedInPage,
  focusFirstLink,
  highlightNames,
  highlightRanges,
  highlightTexts,
  hoverHighlight,
  ourHighlightNames,
  pageClock,
  placedAnnotations,
  readCard,
} from '../driver/steps';
import { inCorpusMarkup, NEWS_HOSTS } from '../fixtures/corpus-page';
import { REPORT } from '../fixtures/on-topic';

const BROWSER = process.env.BACKSTORY_BROWSER;

/**
 * Corpus pages where Backstory annotates outside the article today: Readability's article root there
 * holds the page's related-link boxes, section labels or captions beside our paragraphs, and every
 * text under that root is matched (issue 10's extraction). Expected to fail until that is fixed; then
 * the test says so, and the host moves out of this list.
 */
const ANNOTATED_OUTSIDE = new Set(['nytimes-1', 'cnn', 'bbc-1']);

/** The corpus page the reader reads in the tests below (it keeps its DOM as served). */
const HOST = 'guardian-1';

/** Keeps the body as served, before the content script starts (it runs at document_idle, later). */
const SNAPSHOT = '<script>window.backstoryServed = document.body.innerHTML;</script></body>';

const PLAIN = '<!doctype html><html lang="en"><title>Plain</title><p>Hello.</p></html>';

/** True while the page's body is exactly as served. */
const servedAsIs = (page: PageDriver) =>
  page.evaluate(
    () =>
      document.body.innerHTML ===
      (window as unknown as { backstoryServed: string }).backstoryServed,
    null,
  );

describe(`reading an article (${BROWSER})`, () => {
  let driver: ExtensionDriver;
  let server: PageServer;
  /** Every page served, to tell the pages' own requests from any of ours. */
  const served: string[] = [];
  /** The article the reader reads, annotated. */
  let page: PageDriver;
  let annotations: number;

  const serve = (path: string, html: string) => {
    served.push(html);
    return server.route(path, html);
  };

  beforeAll(async () => {
    server = await startServer();
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('answers on a plain page, leaves it as served, and opens the popup and options pages', async () => {
    const plain = await driver.openPage(serve('/plain.html', PLAIN));
    await expect
      .poll(() => sendToPage(driver, plain, 'popup:content:summary', undefined))
      .toMatchObject({ isArticle: false, entities: [], figures: [] });
    expect(await plain.evaluate(() => document.documentElement.outerHTML, null)).not.toContain(
      'backstory',
    );
    expect(await highlightNames(plain)).toEqual([]);
    const tabId = await tabIdOf(driver, plain);
    for (const path of [`popup.html?tabId=${tabId}`, 'options.html']) {
      const view = await driver.openExtensionPage(path);
      await expect.poll(() => view.evaluate(() => !!document.querySelector('h1'), null)).toBe(true);
      await view.close();
    }
    await plain.close();
    expect(await driver.pageErrors()).toEqual([]);
  });

  for (const host of NEWS_HOSTS) {
    const test = ANNOTATED_OUTSIDE.has(host) ? it.fails : it;
    test(`annotates the article only, in ${host}’s markup: not its navigation, labels or related links`, async () => {
      const article = await driver.openPage(serve(`/${host}.html`, inCorpusMarkup(host, REPORT)));
      // The badge is set once a run has drawn everything.
      await expect.poll(() => badgeCount(driver, article), { timeout: 15_000 }).toBeGreaterThan(0);
      const placed = await placedAnnotations(article);
      const blocks = new Set([REPORT.title, ...REPORT.paragraphs]);
      expect(placed.filter((a) => !blocks.has(a.block))).toEqual([]);
      expect(placed.map((a) => `${a.kind}:${a.text}`)).toEqual(
        expect.arrayContaining([
          'entity:FBI Director Christopher Wray',
          'entity:Alejandro Mayorkas',
          'claim:more than $1 billion',
          'conflict:$3 billion',
        ]),
      );
      await article.close();
    });
  }

  it('opens the card after the dwell, keeps it while hovered, closes it after the grace', async () => {
    page = await driver.openPage(
      serve('/article.html', inCorpusMarkup(HOST, REPORT).replace('</body>', SNAPSHOT)),
    );
    await expect.poll(() => badgeCount(driver, page), { timeout: 15_000 }).toBeGreaterThan(0);
    annotations = (await placedAnnotations(page)).length;
    const texts = await highlightTexts(page, 'backstory-entity');
    const wray = texts.indexOf('FBI Director Christopher Wray');
    const box = (await highlightRanges(page, 'backstory-entity', wray))[wray]?.box;
    if (!box) throw new Error('Christopher Wray is not drawn');
    const target = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // Times from the page's own clock (event.timeStamp, performance.now()): a busy machine can only
    // make the waits longer, never make the test see them shorter.
    await page.evaluate(({ x, y }) => {
      const log: [string, number][] = [];
      Object.assign(window, { cardLog: log });
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes)
            if (node.nodeName === 'BACKSTORY-TOOLTIP') log.push(['open', performance.now()]);
          for (const node of record.removedNodes)
            if (node.nodeName === 'BACKSTORY-TOOLTIP') log.push(['close', performance.now()]);
        }
      }).observe(document.documentElement, { childList: true });
      document.addEventListener('pointermove', (event) => {
        const onTarget = Math.abs(event.clientX - x) < 1 && Math.abs(event.clientY - y) < 1;
        if (onTarget) log.push(['enter', event.timeStamp]);
        if (event.clientX < 3 && event.clientY < 3) log.push(['away', event.timeStamp]);
      });
    }, target);
    const cardLog = () =>
      page.evaluate(() => (window as unknown as { cardLog: [string, number][] }).cardLog, null);
    const at = (log: [string, number][], name: string) => log.find(([n]) => n === name)?.[1] ?? NaN;

    await page.moveMouse(target.x, target.y);
    await expect
      .poll(async () => (await readCard(page))?.name, { interval: 20 })
      .toBe('Christopher Wray');
    // Onto the card, and longer than the grace there: it stays.
    const card = (await readCard(page))?.box;
    if (!card) throw new Error('the card closed');
    await page.moveMouse(card.x + card.width / 2, card.y + 20);
    await pageClock(page, 600);
    expect(await readCard(page)).not.toBeNull();
    // Away from both: gone, but only after the grace.
    await page.moveMouse(1, 1);
    await expect.poll(() => readCard(page), { interval: 20 }).toBeNull();
    const log = await cardLog();
    expect(log.map(([name]) => name)).toEqual(['enter', 'open', 'away', 'close']);
    expect(at(log, 'open') - at(log, 'enter')).toBeGreaterThanOrEqual(450);
    expect(at(log, 'close') - at(log, 'away')).toBeGreaterThanOrEqual(280);
  });

  it('closes a hovered card on Escape without moving the pointer, leaving the page’s focus alone', async () => {
    await page.bringToFront();
    const focused = await focusFirstLink(page);
    expect(focused).toMatch(/^a/);
    await hoverHighlight(page, 'backstory-entity', 2);
    await expect.poll(() => readCard(page)).not.toBeNull();
    await page.press('Escape');
    await expect.poll(() => readCard(page)).toBeNull();
    expect(await focusedInPage(page)).toBe(focused);
    await page.moveMouse(1, 1);
  });

  it('moves between annotations with the commands: current, card with focus inside, Escape back', async () => {
    await page.bringToFront();
    // Where the reader is: a link focused, words of the article selected.
    const focused = await focusFirstLink(page);
    expect(focused).toMatch(/^a/);
    const selected = await page.evaluate((first) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent === first);
      const text = p?.firstChild;
      if (!text) throw new Error('no article paragraph');
      const range = new Range();
      range.setStart(text, 0);
      range.setEnd(text, 18);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return getSelection()?.toString();
    }, REPORT.paragraphs[0]);
    expect(selected).toBe('American officials');
    const texts = (await placedAnnotations(page)).map((a) => a.text);
    const current = () => highlightTexts(page, 'backstory-active');
    // From none, a command goes to the first annotation in view: with the page at the top, that is
    // the first of all (the headline's), whichever test scrolled the page before.
    await page.evaluate(() => window.scrollTo(0, 0), null);

    await driver.command('next-mark');
    await expect.poll(current).toEqual([texts[0]]);
    await expect.poll(async () => (await readCard(page))?.focus).toBeTruthy();
    await driver.command('next-mark');
    await expect.poll(current).toEqual([texts[1]]);
    expect((await readCard(page))?.focus).toBeTruthy();
    await driver.command('previous-mark');
    await expect.poll(current).toEqual([texts[0]]);

    await page.press('Escape');
    await expect.poll(() => readCard(page)).toBeNull();
    expect(await current()).toEqual([]);
    expect(await focusedInPage(page)).toBe(focused);
    expect(await page.evaluate(() => getSelection()?.toString(), null)).toBe(selected);
  });

  it('summarises the page in the toolbar popup and in popup.html?tabId=N', async () => {
    const summarised = async (popup: ViewDriver) => {
      await expect.poll(() => viewText(popup)).toContain(REPORT.title);
      const text = await viewText(popup);
      for (const item of ['Christopher Wray', 'Alejandro Mayorkas', '$3 billion']) {
        expect(text).toContain(item);
      }
      await popup.close();
    };
    await page.bringToFront();
    // The toolbar popup closes when another tab opens: one at a time.
    await summarised(await driver.openToolbarPopup());
    const tabId = await tabIdOf(driver, page);
    await summarised(await driver.openExtensionPage(`popup.html?tabId=${tabId}`));
  });

  it('switching the site off and pausing remove every annotation, the page exactly as served; both come back', async () => {
    const tabId = await tabIdOf(driver, page);
    const popup = await driver.openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect.poll(() => viewText(popup)).toContain(REPORT.title);
    expect(await servedAsIs(page)).toBe(true);
    const says = {
      'Annotate this site': 'Backstory is switched off for this site.',
      'Pause everywhere': 'Backstory is paused. Nothing is marked on any page.',
    };
    for (const [control, status] of Object.entries(says)) {
      await clickControl(popup, control);
      await expect.poll(() => ourHighlightNames(page)).toEqual([]);
      await expect.poll(() => viewText(popup)).toContain(status);
      expect(await servedAsIs(page)).toBe(true);
      expect(await cardHosts(page)).toEqual([]);
      await clickControl(popup, control);
      await expect.poll(async () => (await placedAnnotations(page)).length).toBe(annotations);
      await expect.poll(() => viewText(popup)).toContain('Christopher Wray');
      expect(await servedAsIs(page)).toBe(true);
    }
    await popup.close();
  });

  it('annotates the open page at once with a fact added on the options page', async () => {
    const options = await driver.openExtensionPage('options.html');
    await expect.poll(() => viewText(options)).toContain('Add fact');
    await fillField(options, 'Term', 'analytics firm');
    await fillField(options, 'Details', 'A company that follows payments on blockchains.');
    await fillField(options, 'Source title', 'Reader’s notes');
    await fillField(options, 'Source URL', 'https://example.org/notes');
    await clickControl(options, 'Add fact');
    await expect
      .poll(() => highlightTexts(page, 'backstory-entity'), { timeout: 10_000 })
      .toContain('analytics firm');
    expect(await servedAsIs(page)).toBe(true);
    await options.close();
  });

  it('logged no error in any of its contexts and sent nothing off the machine', async () => {
    // The background, content scripts, popup (toolbar and tab) and options page all ran above.
    expect(await driver.errors()).toEqual([]);
    // The corpus pages' own scripts, images and fonts were blocked too: their hosts (or the domain
    // above them) are in the pages' markup. Backstory's requests would be to anywhere else.
    const pagesOwn = (url: string) => {
      const host = new URL(url).host;
      const parent = host.split('.').slice(1).join('.');
      return served.some(
        (html) => html.includes(host) || (parent.includes('.') && html.includes(parent)),
      );
    };
    expect((await driver.externalRequests()).filter((url) => !pagesOwn(url))).toEqual([]);
  });
});
