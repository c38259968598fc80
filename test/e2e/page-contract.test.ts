/**
 * The page stays the page (docs/architecture.md, "The page contract"): a framework's text, the clipboard, focus
 * order, find-in-page, the page's click handlers and its styles all behave as without Backstory.
 * Where "as without" needs a comparison, the same steps run in a Chromium without the extension.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCorpusMarkup } from '../fixtures/corpus-page';
import { newsPage, seedArticle } from '../fixtures/news-page';
import { REPORT } from '../fixtures/on-topic';
import { cardOpen } from './card-view';
import { frameworkPage, frameworkReport } from './framework-page';
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  ROOT,
  startServer,
} from './harness';
import { annotationPoint, drawn, waitForDrawn } from './page-helpers';

/** The report in a real news site's markup (its navigation, related links and scripts stay). */
const GUARDIAN = inCorpusMarkup('guardian-1', REPORT);

/** The focused element as tag, id and the start of its text, to compare across browsers. */
const describeActive = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.localName}${el.id ? `#${el.id}` : ''} ${(el.textContent ?? '').trim().slice(0, 40)}`;
  });

describe('the page stays the page', () => {
  let browser: ExtensionBrowser;
  /** The same Chromium without Backstory, for "as without it". */
  let plain: ExtensionBrowser;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
    plain = await launchWithExtension({ extension: false });
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
    // What the corpus page logs by itself (its scripts cannot load their resources here).
    const alone = await plain.context.newPage();
    await alone.goto(server.route('/alone.html', GUARDIAN), { waitUntil: 'load' });
    await alone.close();
  });
  afterAll(async () => {
    await browser?.close();
    await plain?.close();
    await server?.close();
  });

  /** Opens `html` at `path` in `which` browser; with the extension, waits until something is drawn. */
  async function open(path: string, html: string, which = browser): Promise<Page> {
    const page = await which.context.newPage();
    await page.goto(server.route(path, html));
    if (which === browser) await waitForDrawn(page);
    await page.bringToFront();
    return page;
  }

  it('a framework page shows its own text at every sample, and the annotations follow it', async () => {
    const ticks = 40;
    const page = await open('/app.html', await frameworkPage(frameworkReport({ ticks })));
    // Sampled in the page, on its clock, between the app's renders: the visible text against the
    // app's own, and every range we draw against the text it is on.
    const samples = await page.evaluate(
      (count) =>
        new Promise<{ own: boolean; ranges: number; stale: number }[]>((done) => {
          const out: { own: boolean; ranges: number; stale: number }[] = [];
          const timer = setInterval(() => {
            const shown = [...document.querySelectorAll('#story p')].map((p) => p.textContent);
            const own = JSON.stringify(shown) === JSON.stringify(window.appParagraphs());
            const ranges = ['entity', 'claim', 'conflict'].flatMap((kind) => [
              ...(CSS.highlights.get(`backstory-${kind}`) ?? []),
            ]) as Range[];
            // Stale: collapsed, out of the document, or slid off the word it was drawn on.
            const stale = ranges.filter((range) => {
              const data = range.startContainer.textContent ?? '';
              return (
                range.collapsed ||
                !range.startContainer.isConnected ||
                /\w/.test(data[range.startOffset - 1] ?? ' ') ||
                /\w/.test(data[range.endOffset] ?? ' ')
              );
            }).length;
            out.push({ own, ranges: ranges.length, stale });
            if (out.length === count) {
              clearInterval(timer);
              done(out);
            }
          }, 300);
        }),
      ticks,
    );
    expect(samples.filter((s) => s.own)).toHaveLength(ticks);
    expect(samples.reduce((n, s) => n + s.stale, 0)).toBe(0);
    expect(samples.filter((s) => s.ranges > 0).length).toBeGreaterThan(ticks / 2);
    console.info(
      `framework page: own text in ${samples.filter((s) => s.own).length} of ${ticks} samples, ` +
        `${samples.reduce((n, s) => n + s.stale, 0)} stale ranges`,
    );
    // Settled on its last render: that text is annotated, the app's wording, not an old one.
    await expect
      .poll(async () => (await drawn(page)).map((d) => `${d.kind}:${d.text}`), { timeout: 12_000 })
      .toEqual(
        expect.arrayContaining(['entity:FBI Director Christopher Wray', 'conflict:$3 billion']),
      );
    expect(await page.evaluate(() => window.appTick)).toBe(ticks);
    await page.close();
  });

  it('a copy of the article holds nothing of ours', async () => {
    const page = await open('/copy.html', GUARDIAN);
    const selected = await page.evaluate((paragraphs) => {
      const all = [...document.querySelectorAll('p')];
      const first = all.find((p) => p.textContent === paragraphs[0]);
      const last = all.find((p) => p.textContent === paragraphs.at(-1));
      if (!first || !last) throw new Error('article paragraphs not found');
      const range = document.createRange();
      range.setStartBefore(first);
      range.setEndAfter(last);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return getSelection()?.toString() ?? '';
    }, REPORT.paragraphs);
    await page.keyboard.press('Control+C');
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const read = async (type: string) =>
        item?.types.includes(type) ? (await item.getType(type)).text() : '';
      return { html: await read('text/html'), text: await read('text/plain') };
    });
    expect(clip.html).toContain('FBI Director Christopher Wray');
    expect(clip.html).not.toMatch(/backstory/i);
    // The page's own words, as the selection has them (the clipboard adds the page's captions).
    for (const paragraph of REPORT.paragraphs) expect(clip.text).toContain(paragraph);
    expect(selected).toContain(REPORT.paragraphs[0]);
    await page.close();
  });

  it('adds no focus stop: the same tabindex elements and Tab order as without Backstory', async () => {
    const tabOrder = async (page: Page) => {
      const order: string[] = [];
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        order.push(await describeActive(page));
      }
      return order;
    };
    const tabindexed = (page: Page, served?: string) =>
      page.evaluate((served) => {
        const doc = served ? new DOMParser().parseFromString(served, 'text/html') : document;
        return [...doc.querySelectorAll('[tabindex]')].map((el) => el.outerHTML.slice(0, 80));
      }, served);
    const page = await open('/tab.html', GUARDIAN);
    // Scripts may add tabindex themselves: compare with the same page without Backstory.
    const reference = await open('/tab.html', GUARDIAN, plain);
    expect(await tabindexed(page)).toEqual(await tabindexed(reference));
    expect(await page.evaluate(() => document.querySelectorAll('backstory-mark').length)).toBe(0);
    expect(await tabOrder(page)).toEqual(await tabOrder(reference));
    await page.close();
    await reference.close();
  });

  it('find in page, then Escape, leaves focus and selection as without Backstory', async () => {
    // Chromium's find bar cannot be driven headless; this does what it leaves behind when it closes
    // on Escape: the match selected, and focus on the match's nearest focusable ancestor, if any.
    // The match starts inside an annotation: Backstory's old marks were focusable, so focus went to
    // a mark and a card opened.
    const findThenEscape = async (page: Page) => {
      await page.focus('a[href]');
      await page.evaluate(() => {
        (window as unknown as { find(text: string): boolean }).find('Mayorkas said North Korea');
        let el = getSelection()?.anchorNode?.parentElement ?? null;
        const focusable = 'a[href], button, input, select, textarea, [tabindex], [contenteditable]';
        while (el && !el.matches(focusable)) el = el.parentElement;
        el?.focus();
      });
      await page.keyboard.press('Escape');
      return {
        focus: await describeActive(page),
        selection: await page.evaluate(() => getSelection()?.toString()),
      };
    };
    const page = await open('/find.html', GUARDIAN);
    const reference = await open('/find.html', GUARDIAN, plain);
    const found = await findThenEscape(page);
    expect(found.selection).toBe('Mayorkas said North Korea');
    expect(found).toEqual(await findThenEscape(reference));
    // Longer than the hover dwell, on the page's clock: still no card.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 600)));
    expect(await cardOpen(page)).toBe(false);
    await page.close();
    await reference.close();
  });

  it('a page handler that checks e.target.tagName still sees the link under annotated text', async () => {
    const html = GUARDIAN.replace(
      'FBI Director Christopher Wray told',
      '<a id="wray-link" href="#testimony">FBI Director Christopher Wray</a> told',
    ).replace(
      '</body>',
      `<script>
        window.linkClicks = 0;
        document.addEventListener('click', (e) => {
          if (e.target.tagName === 'A' && e.target.id === 'wray-link') {
            window.linkClicks++;
            e.preventDefault();
          }
        });
      </script></body>`,
    );
    const page = await open('/link.html', html);
    const { x, y } = await annotationPoint(page, 'FBI Director Christopher Wray');
    await page.mouse.click(x, y);
    expect(
      await page.evaluate(() => (window as unknown as { linkClicks: number }).linkClicks),
    ).toBe(1);
    expect(await describeActive(page)).toBe('a#wray-link FBI Director Christopher Wray');
    await page.close();
  });

  it('draws nothing and shows no card host once the browser takes our stylesheet away', async () => {
    // Disabling or removing the extension takes its content stylesheet off open pages, and Firefox
    // ends the old script without cleaning up: what it leaves must not show. Here, in a browser
    // without Backstory, a host and highlights as we make them, without and then with the stylesheet.
    const page = await open('/leftover.html', newsPage(seedArticle(1)), plain);
    const cardCss = readFileSync(join(ROOT, 'lib/annotator/card/card.css'), 'utf8');
    const contentCss = readFileSync(join(EXTENSION_DIR, 'content-scripts/annotator.css'), 'utf8');
    const look = () =>
      page.evaluate(() => {
        const host = document.querySelector('backstory-tooltip') as HTMLElement;
        const p = document.querySelector('#story .body p') as HTMLElement;
        return {
          host: getComputedStyle(host).display,
          width: host.getBoundingClientRect().width + (host.firstElementChild?.clientWidth ?? 0),
          conflict: getComputedStyle(p, '::highlight(backstory-conflict)').textDecorationLine,
        };
      });
    await page.evaluate((cardCss) => {
      const host = document.createElement('backstory-tooltip');
      const root = host.attachShadow({ mode: 'closed' });
      root.innerHTML = `<style>${cardCss}</style><div class="card" role="dialog">A card left behind</div>`;
      document.documentElement.append(host);
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#story .body p') as Node);
      CSS.highlights.set('backstory-conflict', new Highlight(range));
    }, cardCss);
    expect(await look()).toEqual({ host: 'none', width: 0, conflict: 'none' });
    await page.addStyleTag({ content: contentCss });
    expect(await look()).toMatchObject({ host: 'block', conflict: 'underline' });
    await page.close();
  });

  it('caused no console errors of its own and no requests off the machine', () => {
    // The corpus page's own scripts, images and icons are blocked (nothing leaves the machine) and it
    // logs the same errors without Backstory. Each error is "<page url>: <message>".
    const message = (error: string) => error.replace(/^\S+: /, '');
    const pages = new Set(plain.errors.map(message));
    expect(browser.errors.filter((error) => !pages.has(message(error)))).toEqual([]);
    const pageOwn = (url: string) => GUARDIAN.includes(url) || plain.externalRequests.includes(url);
    expect(browser.externalRequests.filter((url) => !pageOwn(url))).toEqual([]);
  });
});
