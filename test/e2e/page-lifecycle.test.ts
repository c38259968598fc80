/**
 * The content script across a page's life: a single-page app swapping its article with
 * history.pushState (and back), and a new instance starting where an earlier one left things behind.
 * The extension reloaded, disabled and enabled under an annotated page is a behaviour test
 * (test/behaviour/lifecycle.test.ts), in every browser.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageSummary } from '../../lib/shared/messages';
import { newsPage, seedPage } from '../fixtures/news-page';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  startServer,
} from './harness';
import { drawn, extensionPage, mentionsOf, sendToPage, waitForDrawn } from './page-helpers';

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

const drawnCount = async (page: Page) => (await drawn(page)).length;

/** An annotator run's announcement, as the extension's pages hear it: where, and how many annotations. */
interface Run {
  url: string;
  count: number;
}

/**
 * Records, in the extension page `ext`, every annotator run's "annotated" announcement (sent once a
 * run has drawn or cleared): the page's own signal that a run is over, where a test would otherwise
 * wait a while for runs to come and go. Returns a reader of the runs recorded so far.
 */
async function recordRuns(ext: Page): Promise<() => Promise<Run[]>> {
  type Recorded = { backstoryRuns: Run[] };
  await ext.evaluate(() => {
    const recorded = window as unknown as Recorded;
    recorded.backstoryRuns = [];
    const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
    chrome.runtime.onMessage.addListener((message, sender) => {
      const { type, data } = message as { type?: string; data?: { count: number } };
      if (type === 'annotator:background:annotated' && data)
        recorded.backstoryRuns.push({ url: sender.url ?? '', count: data.count });
    });
  });
  return () => ext.evaluate(() => (window as unknown as Recorded).backstoryRuns);
}

/**
 * Waits until a page whose address starts with `where` has announced a run after the first `after`
 * recorded, and its last run drew `count` annotations. (Chromium gives a message the address the
 * document was loaded at, not one a single-page app pushed since.)
 */
async function waitForRun(
  runs: () => Promise<Run[]>,
  { where, after, count }: { where: string; after: number; count: number },
) {
  await expect
    .poll(async () => {
      const there = (await runs())
        .slice(after)
        .filter((run) => new URL(run.url).pathname.startsWith(where));
      return there.at(-1)?.count;
    })
    .toBe(count);
}

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
    const runs = await recordRuns(ext);
    const page = await browser.context.newPage();
    const html = singlePageApp();
    await page.goto(server.route('/app/home', html));
    const home = await storyOf(page, html);
    type Summary = { isArticle: boolean; entities: { id: string }[] };
    const summary = async () => (await sendToPage(ext, page, 'popup:content:summary')) as Summary;
    await expect.poll(summary).toMatchObject({ isArticle: true, entities: [] });
    expect(await storyOf(page)).toEqual(home);

    const beforeClick = (await runs()).length;
    const clicked = Date.now();
    await page.click('#next');
    await waitForDrawn(page, 2_000);
    const firstMarkMs = Date.now() - clicked;
    const annotations = mentionsOf((await summary()) as PageSummary).length;
    await waitForRun(runs, { where: '/app/', after: beforeClick, count: annotations });
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
    const beforeDirect = (await runs()).length;
    const direct = await browser.context.newPage();
    await direct.goto(server.route('/direct.html', seedPage(1)));
    await waitForDrawn(direct);
    await waitForRun(runs, { where: '/direct.html', after: beforeDirect, count: annotations });
    expect(found).toEqual(await drawn(direct));
    // Nothing the navigation started changed the marks since (a re-run drawing twice, or less).
    expect(await drawn(page)).toEqual(found);
    await direct.close();
    console.info(`single-page app: first annotation ${firstMarkMs} ms after the click`);

    const beforeBack = (await runs()).length;
    await page.evaluate(() => history.back());
    await expect.poll(() => storyOf(page)).toEqual(home);
    await waitForRun(runs, { where: '/app/', after: beforeBack, count: 0 });
    expect(await storyOf(page)).toEqual(home);
    expect(await drawnCount(page)).toBe(0);
    expect(await summary()).toMatchObject({ isArticle: true, entities: [] });
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
