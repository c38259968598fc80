/**
 * What the options page's e2e files share: one Chromium with Backstory per file, a news page already
 * annotated, what is stored, and the reader's ways about the page (adding a fact, choosing a file).
 * The bindings are live: read them inside tests.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportedPack } from '../../lib/shared/facts/layers';
import type { FactPack } from '../../lib/shared/facts/schema';
import { inCorpusMarkup } from '../fixtures/corpus-page';
import { seedPage } from '../fixtures/news-page';
import { REPORT } from '../fixtures/on-topic';
import { readCard } from './card-view';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  startServer,
} from './harness';
import { drawn, mentionsOf, sendToPage, summaryOf, waitForDrawn } from './page-helpers';

// Code passed to page.evaluate runs in an extension page, where `chrome` is the extension API.
declare const chrome: typeof import('wxt/browser').browser;

export let browser: ExtensionBrowser;
export let server: PageServer;
export let article: Page;

/** A real news page's markup (the Guardian's) around an article that gives a 2022 figure. */
export const NEWS = inCorpusMarkup('guardian-1', {
  ...REPORT,
  paragraphs: [
    ...REPORT.paragraphs,
    'Investigators say North Korea stole $1.5 billion in crypto currency in 2022, more than in any year before.',
  ],
});
export const NEWS_PATH = '/guardian-report.html';

/** What is stored, read from an extension page. */
export function stored(
  page: Page,
): Promise<{ readerPack?: FactPack; importedPacks?: ImportedPack[] }> {
  return page.evaluate(
    () =>
      chrome.storage.local.get(['readerPack', 'importedPacks']) as Promise<{
        readerPack?: FactPack;
        importedPacks?: ImportedPack[];
      }>,
  );
}

export const notice = (page: Page) => page.locator('.notice-bar [role="status"]');

/** Chooses a file for import and waits for what it would do: a preview, or its problems. */
export async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByLabel('Import facts from a file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.locator('.preview, .report').first().waitFor();
}

export async function addFact(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: 'Add fact' }).click();
}

/**
 * Opens the card of the first annotation of `factId` (or with the text `text`) on `page` (the
 * article unless said), as the popup does (asked from the extension page `ext`), and returns a
 * reader of its text. The card's root is closed: its text is read through the DevTools protocol.
 */
export async function cardFor(
  ext: Page,
  which: { factId?: string; text?: string } | string,
  page = article,
): Promise<() => Promise<string>> {
  const wanted = typeof which === 'string' ? { factId: which } : which;
  const first = async () =>
    mentionsOf(await summaryOf(ext, page)).find(
      (m) =>
        (wanted.factId === undefined || m.fact === wanted.factId) &&
        (wanted.text === undefined || m.text === wanted.text),
    );
  await expect.poll(first, { timeout: 10_000 }).toBeDefined();
  const mention = await first();
  expect(await sendToPage(ext, page, 'popup:content:reveal', { id: mention?.id })).toBe(true);
  return async () => (await readCard(page))?.dialog?.textContent ?? '';
}

/** The kind each annotation with `text` is drawn as on `page`. */
export async function drawnAs(page: Page, text: string): Promise<string[]> {
  return (await drawn(page)).filter((d) => d.text === text).map((d) => d.kind);
}

/** The figure reader's reading of the Figure field, as shown under it. */
export const figureReading = (page: Page) => page.locator('#fact-figure-reading').textContent();

/** A pack of `n` facts (ids starting with `prefix`), each with its own source and a long summary. */
export function bigPack(n: number, prefix: string): FactPack {
  const pack: FactPack = {
    format: 1,
    name: `Big ${prefix}`,
    sources: [],
    entities: [],
    claims: [],
  };
  for (let i = 0; i < n; i++) {
    pack.sources.push({ id: `${prefix}s${i}`, title: `Source ${i}`, url: `https://e.org/${i}` });
    pack.entities.push({
      id: `${prefix}e${i}`,
      name: `Zork Entity ${prefix}${i}`,
      kind: 'concept',
      aliases: [`Zork ${prefix}${i}`],
      summary: `Summary ${i} `.repeat(70),
      sourceIds: [`${prefix}s${i}`],
    });
  }
  return pack;
}

/** Starts the server and the browser before a file's tests, with an annotated page open; ends them after. */
export function useOptionsPage(): void {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
    article = await browser.context.newPage();
    await article.goto(server.route('/defending.html', seedPage(1)));
    await waitForDrawn(article);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** The last test of each file: nothing logged in any context, nothing sent off the machine. */
export function itLogsNoErrors(): void {
  it('logs no errors and sends nothing anywhere', () => {
    // The news page's own scripts, icons and manifest are not served here (nothing leaves the
    // machine): failing to load them, and parsing the "not found" answers as script, is its own doing.
    const pageOwn = (error: string) =>
      error.startsWith(server.origin + NEWS_PATH) &&
      /: (Failed to load resource|Manifest fetch|Unexpected token '<')/.test(error);
    expect(browser.errors.filter((error) => !pageOwn(error))).toEqual([]);
    // Its images and counters are on hosts its markup names; Backstory requests nothing at all.
    const named = (url: string) => NEWS.includes(`//${new URL(url).host}/`);
    expect(browser.externalRequests.filter((url) => !named(url))).toEqual([]);
  });
}
