import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCorpusMarkup } from '../fixtures/corpus-page';
import { conflictPage, seedPage } from '../fixtures/news-page';
import { REPORT } from '../fixtures/on-topic';
import { cardTitle } from './card-view';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  startServer,
} from './harness';
import {
  axeViolations,
  drawn,
  extensionPage,
  mentionsOf,
  offline,
  summaryOf,
  waitForDrawn,
} from './page-helpers';

// Code passed to page.evaluate runs in an extension page, where `chrome` is the extension API.
declare const chrome: typeof import('wxt/browser').browser;

let browser: ExtensionBrowser;
let server: PageServer;
let article: Page;
let articleUrl: string;

/**
 * The id of the tab showing `page`. Without the "tabs" permission no extension context sees a tab's
 * URL, so the page is brought to the front and the background asks for the active tab.
 */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const [worker] = browser.context.serviceWorkers();
  if (!worker) throw new Error('the background is not running');
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id ?? -1);
}

async function openPopup(page: Page): Promise<Page> {
  const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await popup.waitForSelector('.status:not([aria-busy]), .counts');
  return popup;
}

const drawnCount = async () => (await drawn(article)).length;

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  articleUrl = server.route('/defending.html', seedPage(1));
  article = await browser.context.newPage();
  await article.goto(articleUrl);
  await waitForDrawn(article);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the popup', () => {
  it('summarises the page: title, site, reading time, entities, figures and sources', async () => {
    const popup = await openPopup(article);
    expect(await popup.locator('h2').textContent()).toBe(
      "Defending Against North Korea's Cyber Threats",
    );
    expect(await popup.locator('.article .meta').last().textContent()).toMatch(/^\d+ min read$/);
    const counts = (await popup.locator('.counts').textContent()) ?? '';
    const entityNames = await popup.locator('.entities .name').allTextContents();
    expect(entityNames).toEqual(
      expect.arrayContaining(['Alejandro Mayorkas', 'Christopher Wray', 'South Korea']),
    );
    const figures = await popup.locator('.figures > li').count();
    const retold = await popup.locator('.restated > li').count();
    expect(figures).toBeGreaterThan(0);
    expect(retold).toBeGreaterThan(0);
    // One count per list, as the lists show them (this page has no conflict).
    expect(counts).toBe(
      `${figures} ${figures === 1 ? 'figure' : 'figures'} · ${retold} retold claims · ${entityNames.length} entities`,
    );
    expect(await popup.locator('.figures .verdict').first().textContent()).toMatch(
      /^. (Sources give a different period|Sources use a different unit|Agrees with the sources)$/,
    );
    // Who and what in words: "Person", not "person".
    expect(await popup.locator('.entities .detail').first().textContent()).toMatch(
      /^(Person|Organisation|Country|Place|Programme|Event|Concept) · /,
    );
    const links = await popup
      .locator('.sources a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).protocol));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((p) => p === 'https:' || p === 'http:')).toBe(true);
    expect(await popup.getByRole('switch', { name: 'Annotate this site' }).isChecked()).toBe(true);
    await popup.close();
  });

  it('lists conflicts first, and each item goes to exactly its own place and opens its card', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.route('/conflict.html', conflictPage()));
    await waitForDrawn(page);
    const popup = await openPopup(page);
    const order = ['Conflicts', 'Figures', 'Claims from the sources', 'Who and what', 'Sources'];
    const headings = await popup.locator('main h3').allTextContents();
    expect(headings[0]).toBe('Conflicts');
    expect(headings).toEqual(order.filter((h) => headings.includes(h)));
    expect(await popup.locator('.conflicts .name').allTextContents()).toEqual(['$3 billion']);
    // Every claim item, in turn: the page's current annotation is that item's words, and its card.
    for (const list of ['conflicts', 'figures']) {
      const items = popup.locator(`.${list} > li > button`);
      for (let i = 0; i < (await items.count()); i++) {
        const name = (await items.nth(i).locator('.name').textContent()) ?? '';
        await items.nth(i).click();
        await expect
          .poll(() =>
            page.evaluate(() =>
              [...(CSS.highlights.get('backstory-active') ?? [])].map((r) =>
                (r as Range).toString(),
              ),
            ),
          )
          .toEqual([name]);
        await expect.poll(() => cardTitle(page)).toBe(`This page says “${name}”`);
      }
    }
    await popup.close();
    await page.close();
  });

  it('gives dates in words, lists retold claims, and reaches every annotation drawn', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.route('/report.html', offline(inCorpusMarkup('cnn', REPORT))));
    await waitForDrawn(page);
    const popup = await openPopup(page);
    const text = (await popup.locator('main').textContent()) ?? '';
    expect(await popup.locator('.article .meta').first().textContent()).toContain(
      '14 September 2023',
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    expect(await popup.locator('.restated > li').count()).toBeGreaterThan(0);
    // A screen reader's index of the page: one button per place, for every annotation drawn.
    const places = await popup
      .locator('.claims > li, .entities > li')
      .evaluateAll((items) =>
        items.reduce((n, li) => n + Math.max(1, li.querySelectorAll('.mentions button').length), 0),
      );
    const ext = await extensionPage(browser);
    expect(places).toBe(mentionsOf(await summaryOf(ext, page)).length);
    await ext.close();
    await popup.close();
    await page.close();
  });

  it('shows the tab’s annotation count on the badge', async () => {
    const tabId = await tabIdOf(article);
    const page = await browser.openExtensionPage('options.html');
    const badge = await page.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    // One per annotation; an annotation across inline elements is drawn as several ranges.
    const ranges = await drawnCount();
    expect(Number(badge)).toBeGreaterThan(0);
    expect(Number(badge)).toBeLessThanOrEqual(ranges);
    await page.close();
  });

  it('scrolls the page to an entity’s first mention, shows it as current and opens its card', async () => {
    await article.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const popup = await openPopup(article);
    const button = popup.locator('.entities > li > button', { hasText: 'Christopher Wray' });
    await button.focus();
    await popup.keyboard.press('Enter');
    const current = () =>
      article.evaluate(() =>
        [...(CSS.highlights.get('backstory-active') ?? [])].map((range) => {
          const { top, bottom } = (range as Range).getBoundingClientRect();
          return [(range as Range).toString(), top >= 0 && bottom <= window.innerHeight];
        }),
      );
    await expect.poll(current).toEqual([['FBI Director Christopher Wray', true]]);
    await expect.poll(() => cardTitle(article)).toBe('Christopher Wray');
    await popup.close();
  });

  it('lists every mention as its own button, each revealing its own place', async () => {
    const popup = await openPopup(article);
    const mentions = popup.locator('.mentions button');
    const count = await mentions.count();
    expect(count).toBeGreaterThan(1);
    const last = mentions.last();
    const label = (await last.getAttribute('aria-label')) ?? '';
    const [, text] = /^\d+ of \d+: (.*)$/.exec(label) ?? [];
    await last.click();
    await expect
      .poll(() =>
        article.evaluate(() =>
          [...(CSS.highlights.get('backstory-active') ?? [])].map((r) => (r as Range).toString()),
        ),
      )
      .toEqual([text]);
    await popup.close();
  });

  it('says so on a page that names nothing of the fact base, and on a page it cannot run on', async () => {
    const plainUrl = server.route(
      '/plain.html',
      '<!doctype html><title>Shop</title><p>Cheap socks.</p>',
    );
    const plain = await browser.context.newPage();
    await plain.goto(plainUrl);
    await plain.waitForFunction(() => document.readyState === 'complete');
    const popup = await openPopup(plain);
    // The detector found nothing of the fact base, so no annotator ever ran there: it says so.
    expect(await popup.locator('[role="status"]').textContent()).toBe(
      'Nothing from your fact base is on this page, so nothing is marked.',
    );
    await popup.close();
    await plain.goto('chrome://version');
    const chromePopup = await openPopup(plain);
    expect(await chromePopup.locator('[role="status"]').textContent()).toBe(
      'Backstory can’t run on this page.',
    );
    expect(await chromePopup.getByRole('switch', { name: 'Annotate this site' }).isDisabled()).toBe(
      true,
    );
    await chromePopup.close();
    await plain.close();
  });

  it('passes axe-core, light and dark, with a visible focus ring', async () => {
    const popup = await openPopup(article);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup)).toEqual([]);
    }
    await popup.keyboard.press('Tab');
    const outline = await popup.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).toBe('solid');
    await popup.close();
  });

  it('logs no errors and sends nothing anywhere', () => {
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });
});
