/**
 * The content script across a page's life: a single-page app swapping its article with
 * history.pushState (and back), and the extension being reloaded under an annotated page.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsPage, seedPage } from '../fixtures/news-page';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  startServer,
} from './harness';
import { cardOpen, extensionPage, sendToPage } from './page-helpers';

/** A story that names nothing in the fact base: the app's home page. */
const OFF_TOPIC = {
  title: 'Riverside library reopens after a two-year renovation',
  paragraphs: [
    'The Riverside public library opened its doors again on Saturday morning after two years of building work that added a reading garden, a children’s wing and a café on the ground floor.',
    'Hundreds of residents queued before the opening to see the new rooms, and the librarians handed out cards to more than four hundred new members by the end of the first afternoon.',
    'The renovation kept the old brick front of the building but replaced the roof, the heating and the wiring, which the city engineers said had not been changed since the nineteen sixties.',
    'The head librarian said the next step is a mobile library van that will visit the villages along the river every week, starting in the spring once the drivers have been trained.',
  ],
  bodyHtml:
    '<p><a id="next" href="/app/defending">Read next: defending against cyber threats</a></p>',
};

/** The inner HTML of `<article id="story">` in a page built by newsPage. */
function storyHtml(html: string): string {
  const story = /<article id="story">([\s\S]*)<\/article>/.exec(html)?.[1];
  if (story === undefined) throw new Error('no #story in the page');
  return story;
}

/**
 * A single-page app: the off-topic story first; "Read next" pushes /app/defending and swaps in
 * seed article 1; going back restores the first story, as routers do.
 */
function singlePageApp(): string {
  // In a script, "<" is escaped so the article's markup cannot close the script element.
  const next = JSON.stringify(storyHtml(seedPage(1))).replace(/</g, '\\u003c');
  const script = `<script>
addEventListener('DOMContentLoaded', () => {
  const story = document.getElementById('story');
  const pages = { '/app/home': story.innerHTML, '/app/defending': ${next} };
  const show = () => { story.innerHTML = pages[location.pathname]; };
  story.addEventListener('click', (event) => {
    if (event.target.id !== 'next') return;
    event.preventDefault();
    history.pushState(null, '', '/app/defending');
    show();
  });
  addEventListener('popstate', show);
});
</script>`;
  return newsPage(OFF_TOPIC).replace('</head>', `${script}</head>`);
}

/**
 * The story's HTML and number of text nodes: live, or as the server sent it when `served` (the
 * page's HTML) is given, parsed in the page.
 */
function storyOf(page: Page, served?: string): Promise<{ html: string; texts: number }> {
  return page.evaluate((served) => {
    const doc = served ? new DOMParser().parseFromString(served, 'text/html') : document;
    const story = doc.getElementById('story');
    if (!story) throw new Error('no #story');
    const walker = doc.createTreeWalker(story, NodeFilter.SHOW_TEXT);
    let texts = 0;
    while (walker.nextNode()) texts++;
    return { html: story.innerHTML, texts };
  }, served);
}

/** Every mark on the page as [fact, text, nested in another mark, inside #story]. */
function marksOn(page: Page): Promise<[string, string, boolean, boolean][]> {
  return page.$$eval('backstory-mark', (els) =>
    els.map((el): [string, string, boolean, boolean] => [
      (el as HTMLElement).dataset.fact ?? '',
      el.textContent ?? '',
      !!el.parentElement?.closest('backstory-mark'),
      !!el.closest('#story'),
    ]),
  );
}

/**
 * Chromium (since ~137) disables an unpacked extension that reloads itself unless developer mode is
 * on, as a developer loading it by hand would have it: turn it on as chrome://extensions does.
 */
async function turnOnDeveloperMode(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(async () => {
    // chrome.developerPrivate exists only on chrome://extensions and has no published types.
    type DeveloperPrivate = {
      updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
    };
    const { chrome } = globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } };
    await chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
  });
  await page.close();
}

const markCount = (page: Page) => page.$$eval('backstory-mark', (els) => els.length);

/** Time for the location watcher (polls every second) and its re-run to have come and gone. */
const SETTLE_MS = 1_500;

describe('the content script across navigation and extension reloads', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;

  beforeEach(async () => {
    server = await startServer();
    browser = await launchWithExtension();
  });
  afterEach(async () => {
    await browser?.close();
    await server?.close();
  });

  it('annotates the new article after a pushState navigation, and drops the marks on back', async () => {
    const ext = await extensionPage(browser);
    const page = await browser.context.newPage();
    const html = singlePageApp();
    await page.goto(server.route('/app/home', html));
    const home = await storyOf(page, html);
    type Summary = { isArticle: boolean; entities: { id: string }[] };
    const summary = async () => (await sendToPage(ext, page, 'popup:content:summary')) as Summary;
    await expect.poll(summary).toMatchObject({ isArticle: true, entities: [] });
    expect(await storyOf(page)).toEqual(home);

    const clicked = Date.now();
    await page.click('#next');
    await page.waitForSelector('#story backstory-mark', { timeout: 2_000 });
    const firstMarkMs = Date.now() - clicked;
    await page.waitForTimeout(SETTLE_MS);
    const found = await marksOn(page);
    expect(found.filter(([, , nested, inStory]) => nested || !inStory)).toEqual([]);
    expect(await page.$eval('#story', (story) => story.textContent)).toBe(
      await page.evaluate(
        (html) => {
          const template = document.createElement('template');
          template.innerHTML = html;
          return template.content.textContent;
        },
        storyHtml(seedPage(1)),
      ),
    );

    // The same article loaded directly gets exactly the same marks: none lost, none doubled.
    const direct = await browser.context.newPage();
    await direct.goto(server.route('/direct.html', seedPage(1)));
    await direct.waitForSelector('#story backstory-mark');
    await direct.waitForTimeout(SETTLE_MS);
    expect(found).toEqual(await marksOn(direct));
    await direct.close();
    console.info(`single-page app: first mark ${firstMarkMs} ms after the click`);

    await page.evaluate(() => history.back());
    await expect.poll(() => storyOf(page)).toEqual(home);
    await page.waitForTimeout(SETTLE_MS);
    expect(await storyOf(page)).toEqual(home);
    expect(await markCount(page)).toBe(0);
    expect(await summary()).toMatchObject({ isArticle: true, entities: [] });
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });

  it('removes every mark and the card when the extension is reloaded, and the page is as served', async () => {
    const html = seedPage(1);
    const page = await browser.context.newPage();
    await page.goto(server.route('/reload.html', html));
    await page.waitForSelector('#story backstory-mark');
    const served = await storyOf(page, html);
    expect((await storyOf(page)).html).not.toBe(served.html);
    await page.locator('backstory-mark[data-fact="christopher-wray"]').first().focus();
    await expect.poll(() => cardOpen(page)).toBe(true);

    await turnOnDeveloperMode(browser);
    const ext = await extensionPage(browser);
    const restarted = browser.context.waitForEvent('serviceworker');
    const closed = ext.waitForEvent('close');
    // The reload closes the extension page under the evaluation, which then fails: expected.
    await ext
      .evaluate(() => {
        type WithChrome = { chrome: typeof import('wxt/browser').browser };
        (globalThis as unknown as WithChrome).chrome.runtime.reload();
      })
      .catch(() => undefined);
    await closed;
    const reloaded = Date.now();
    expect(new URL((await restarted).url()).host).toBe(browser.extensionId);

    await expect.poll(() => markCount(page), { timeout: 5_000 }).toBe(0);
    console.info(`extension reload: marks gone ${Date.now() - reloaded} ms after the reload`);
    expect(await storyOf(page)).toEqual(served);
    expect(await page.$$('backstory-tooltip')).toHaveLength(0);
    await page.waitForTimeout(SETTLE_MS);
    expect(await storyOf(page)).toEqual(served);

    // The reloaded extension, under the same id, annotates new pages again.
    const again = await browser.context.newPage();
    await again.goto(server.route('/again.html', html));
    await again.waitForSelector('#story backstory-mark');
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });
});
