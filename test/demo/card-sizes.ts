/**
 * Every card on the demo article and the real-markup fixtures, opened one by one through the popup's
 * reveal, with its size and whether its body scrolls: `npx wxt build && npx tsx test/demo/card-sizes.ts`.
 * The figures quoted for "compact like a Page Preview" (docs/architecture.md, "The page contract") come from here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { cardSize, readCard } from '../e2e/card-view';
import { launchWithExtension, ROOT, startServer } from '../e2e/harness';
import {
  extensionPage,
  mentionsOf,
  sendToPage,
  summaryOf,
  waitForDrawn,
} from '../e2e/page-helpers';
import { inCorpusMarkup } from '../fixtures/corpus-page';
import { FIGURE_ARTICLES } from '../fixtures/figure-articles';
import { REPORT } from '../fixtures/on-topic';

export interface CardSize {
  page: string;
  text: string;
  title: string;
  width: number;
  height: number;
  /** How much taller the card's content is than the card (0: nothing scrolls). */
  overflow: number;
}

/** The pages measured: the demo article, and every fixture article in its news site's markup. */
export function measuredPages(): { name: string; html: string }[] {
  return [
    { name: 'demo', html: readFileSync(join(ROOT, 'assets/demo/article.html'), 'utf8') },
    { name: 'report (cnn)', html: inCorpusMarkup('cnn', REPORT) },
    ...FIGURE_ARTICLES.map((a) => ({
      name: `${a.title.slice(0, 24)}… (${a.host})`,
      html: inCorpusMarkup(a.host, a),
    })),
  ];
}

/** Opens every annotation's card on `page` in turn and measures it. */
export async function measureCards(ext: Page, page: Page, name: string): Promise<CardSize[]> {
  const sizes: CardSize[] = [];
  for (const mention of mentionsOf(await summaryOf(ext, page))) {
    await sendToPage(ext, page, 'popup:content:reveal', { id: mention.id });
    let card = await readCard(page);
    for (let tries = 0; !card?.dialog && tries < 30; tries++) {
      await page.waitForTimeout(50);
      card = await readCard(page);
    }
    const size = await cardSize(page);
    sizes.push({
      page: name,
      text: mention.text.replace(/\s+/g, ' '),
      title: card?.dialog?.querySelector('h2')?.textContent ?? '',
      ...size,
    });
  }
  return sizes;
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchWithExtension();
  try {
    const ext = await extensionPage(browser);
    const all: CardSize[] = [];
    for (const [i, { name, html }] of measuredPages().entries()) {
      const page = await browser.context.newPage();
      await page.goto(server.route(`/page-${i}.html`, html));
      await waitForDrawn(page);
      all.push(...(await measureCards(ext, page, name)));
      await page.close();
    }
    // One line per distinct card (an entity mentioned ten times is one card).
    const seen = new Set<string>();
    for (const s of all) {
      const key = `${s.page}\n${s.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const scrolls = s.overflow > 0 ? ` SCROLLS by ${s.overflow}` : '';
      console.log(
        `${s.page.padEnd(34)} ${String(s.width).padStart(4)} × ${String(s.height).padStart(4)}${scrolls}  ${s.title}`,
      );
    }
    const heights = [...seen].length;
    const tallest = Math.max(...all.map((s) => s.height + s.overflow));
    console.log(
      `\n${heights} cards; tallest ${tallest} px; ${all.filter((s) => s.overflow > 0).length} scroll`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
