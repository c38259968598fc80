/**
 * The content script across a page's life: a single-page app swapping its article with
 * history.pushState (and back), the extension being reloaded under an annotated page, and a new
 * instance starting where an earlier one left things behind.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsPage, seedPage } from '../fixtures/news-page';
import { cardOpen } from './card-view';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  startServer,
} from './harness';
import { drawn, extensionPage, hoverAnnotation, sendToPage, waitForDrawn } from './page-helpers';

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

/** Our highlight names in the page's registry. */
const ourHighlights = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('backstory-')));

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

const drawnCount = async (page: Page) => (await drawn(page)).length;

/** Time for a location change and its re-run to have come and gone. */
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
    await waitForDrawn(page, 2_000);
    const firstMarkMs = Date.now() - clicked;
    await page.waitForTimeout(SETTLE_MS);
    const found = await drawn(page);
    expect(found.filter((d) => d.where !== 'article' || !d.live)).toEqual([]);
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

    // The same article loaded directly gets exactly the same annotations: none lost, none doubled.
    const direct = await browser.context.newPage();
    await direct.goto(server.route('/direct.html', seedPage(1)));
    await waitForDrawn(direct);
    await direct.waitForTimeout(SETTLE_MS);
    expect(found).toEqual(await drawn(direct));
    await direct.close();
    console.info(`single-page app: first annotation ${firstMarkMs} ms after the click`);

    await page.evaluate(() => history.back());
    await expect.poll(() => storyOf(page)).toEqual(home);
    await page.waitForTimeout(SETTLE_MS);
    expect(await storyOf(page)).toEqual(home);
    expect(await drawnCount(page)).toBe(0);
    expect(await summary()).toMatchObject({ isArticle: true, entities: [] });
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });

  it('removes every annotation and the card when the extension is reloaded; the page is as served', async () => {
    const html = seedPage(1);
    const page = await browser.context.newPage();
    await page.goto(server.route('/reload.html', html));
    await waitForDrawn(page);
    const served = await storyOf(page, html);
    expect(await storyOf(page)).toEqual(served);
    await hoverAnnotation(page, 'FBI Director Christopher Wray');
    await expect.poll(() => cardOpen(page), { timeout: 3_000 }).toBe(true);

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

    await expect.poll(() => ourHighlights(page), { timeout: 5_000 }).toEqual([]);
    console.info(`extension reload: annotations gone ${Date.now() - reloaded} ms after the reload`);
    expect(await storyOf(page)).toEqual(served);
    expect(await page.$$('backstory-tooltip')).toHaveLength(0);
    await page.waitForTimeout(SETTLE_MS);
    expect(await storyOf(page)).toEqual(served);
    expect(await ourHighlights(page)).toEqual([]);

    // The reloaded extension, under the same id, annotates new pages again.
    const again = await browser.context.newPage();
    await again.goto(server.route('/again.html', html));
    await waitForDrawn(again);
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });
  it('starts clean where an earlier instance left highlights and a card behind, then annotates', async () => {
    // What Firefox leaves when it ends the old script silently on an add-on reload: our highlight
    // names in the registry and a card host with a closed shadow root. An element of the same name
    // without a shadow root is the page's own and stays.
    const leftovers = `<script>
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#story h1'));
      window.leftover = new Highlight(range);
      CSS.highlights.set('backstory-conflict', window.leftover);
      CSS.highlights.set('backstory-active', new Highlight(range));
      const old = document.createElement('backstory-tooltip');
      old.attachShadow({ mode: 'closed' }).innerHTML = '<div role="dialog">An old card</div>';
      document.documentElement.append(old);
      const own = document.createElement('backstory-tooltip');
      own.id = 'own';
      document.body.append(own);
    </script>`;
    const page = await browser.context.newPage();
    await page.goto(
      server.route('/leftovers.html', seedPage(1).replace('</body>', `${leftovers}</body>`)),
    );
    await waitForDrawn(page);
    expect(
      await page.evaluate(() => ({
        hosts: [...document.querySelectorAll('backstory-tooltip')].map((host) => host.id),
        leftover:
          CSS.highlights.get('backstory-conflict') ===
            (window as unknown as { leftover: Highlight }).leftover ||
          CSS.highlights.has('backstory-active'),
      })),
    ).toEqual({ hosts: ['own'], leftover: false });
    expect(await drawnCount(page)).toBeGreaterThan(10);
    expect(browser.errors).toEqual([]);
  });
});
