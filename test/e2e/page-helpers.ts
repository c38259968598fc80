/** Shared steps for the on-page e2e tests: open annotated pages, talk to the content script, find what is drawn. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { PageSummary, Result } from '../../lib/shared/messages';
import { readCard } from './card-view';
import type { ExtensionBrowser } from './harness';

/** The extension API inside an extension page; callbacks run there, so they name it inline. */
type WithChrome = { chrome: typeof import('wxt/browser').browser };

/** An extension page (for chrome.tabs and chrome.storage), opened once per browser. */
export async function extensionPage(browser: ExtensionBrowser): Promise<Page> {
  return browser.openExtensionPage('popup.html');
}

/**
 * Sends a message to the content script of the tab showing `page`, from an extension page. The tab
 * is found as the active one (reading tab URLs would need the "tabs" permission), so `page` comes
 * to the front first.
 */
export async function sendToPage(
  ext: Page,
  page: Page,
  type: string,
  data?: unknown,
): Promise<unknown> {
  await page.bringToFront();
  const reply = await ext.evaluate(
    async ({ type, data }) => {
      const { tabs } = (globalThis as unknown as WithChrome).chrome;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      return tabs.sendMessage(tab.id, { type, data }) as Promise<Result<unknown>>;
    },
    { type, data },
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** How an annotation is drawn: the part of its highlight name after "backstory-". */
export type DrawnKind = 'entity' | 'claim' | 'conflict';

/** One range of ours in `CSS.highlights`, as the page itself can read it. */
export interface Drawn {
  kind: DrawnKind;
  text: string;
  /** The closest of article, nav, aside, footer, .comments, or "none". */
  where: string;
  /** Whether the range's text is in the document and not collapsed. */
  live: boolean;
}

/**
 * Every range in our annotation highlights, in document order. Read in the page's own world, as any
 * page could: that is the point (it sees text, never facts).
 */
export function drawn(page: Page): Promise<Drawn[]> {
  return page.evaluate(() => {
    const found: { kind: string; range: AbstractRange }[] = [];
    for (const kind of ['entity', 'claim', 'conflict']) {
      for (const range of CSS.highlights.get(`backstory-${kind}`) ?? [])
        found.push({ kind, range });
    }
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    found.sort((a, b) => {
      if (!(a.range instanceof Range) || !(b.range instanceof Range)) return 0;
      return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
    });
    return found.map(({ kind, range }) => ({
      kind: kind as 'entity' | 'claim' | 'conflict',
      text: range instanceof Range ? range.toString() : '',
      where:
        range.startContainer.parentElement?.closest('article, nav, aside, footer, .comments')
          ?.localName ?? 'none',
      live: range instanceof Range && !range.collapsed && range.startContainer.isConnected,
    }));
  });
}

/**
 * Scrolls the first drawn range with this text (and kind) to the middle of the view and returns the
 * middle of its first line, in viewport coordinates.
 */
export async function annotationPoint(
  page: Page,
  text: string,
  kind?: DrawnKind,
): Promise<{ x: number; y: number; box: { x: number; y: number; width: number; height: number } }> {
  const point = await page.evaluate(
    ({ text, kind }) => {
      for (const name of kind ? [kind] : ['entity', 'claim', 'conflict']) {
        for (const range of CSS.highlights.get(`backstory-${name}`) ?? []) {
          if (!(range instanceof Range) || range.toString() !== text) continue;
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (rect.top < 60 || rect.bottom > innerHeight - 60)
            scrollBy({ top: rect.top - innerHeight / 2, behavior: 'instant' });
          const r = range.getClientRects()[0] as DOMRect;
          return {
            x: r.x + r.width / 2,
            y: r.y + r.height / 2,
            box: { x: r.x, y: r.y, width: r.width, height: r.height },
          };
        }
      }
      return undefined;
    },
    { text, kind },
  );
  if (!point) throw new Error(`nothing drawn reads ${JSON.stringify(text)}`);
  return point;
}

/** Moves the real mouse onto the annotation (trusted events, as a reader's). */
export async function hoverAnnotation(page: Page, text: string, kind?: DrawnKind): Promise<void> {
  const { x, y } = await annotationPoint(page, text, kind);
  await page.mouse.move(x, y, { steps: 4 });
}

/** Waits until something is drawn. */
export async function waitForDrawn(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => ['entity', 'claim', 'conflict'].some((k) => CSS.highlights.get(`backstory-${k}`)?.size),
    undefined,
    { timeout },
  );
}

/** Where the focus is: "card:<tag>" inside the card, else the tag (and #id) of the active element. */
export async function focusIs(page: Page): Promise<string> {
  const active = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.localName}${el.id ? `#${el.id}` : ''}` : '';
  });
  if (active !== 'backstory-tooltip') return active;
  const focused = (await readCard(page))?.focused;
  const role = focused?.getAttribute('role');
  return `card:${role ?? focused?.localName ?? ''}`;
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe-core's violations on `page` (or only inside `include`, e.g. a shadow-root selector path), as
 * "rule: help" lines. Injected by evaluation, which extension pages' CSP allows where a script tag is not.
 */
export async function axeViolations(page: Page, include?: string[][]): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    type Axe = { run: (c?: unknown) => Promise<{ violations: { id: string; help: string }[] }> };
    const { axe } = window as unknown as { axe: Axe };
    const result = await (context ? axe.run({ include: context }) : axe.run());
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  }, include);
}

/** The popup's summary of the tab showing `page`. */
export async function summaryOf(ext: Page, page: Page): Promise<PageSummary> {
  return (await sendToPage(ext, page, 'popup:content:summary')) as PageSummary;
}

/** Every annotation the summary lists (entity, figure and retold-claim mentions), by id. */
export function mentionsOf(summary: PageSummary): { id: number; text: string; fact: string }[] {
  return [
    ...summary.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, fact: e.id }))),
    ...[...summary.figures, ...summary.restated].flatMap((f) =>
      f.mentions.map((m) => ({ ...m, fact: f.factId })),
    ),
  ].sort((a, b) => a.id - b.id);
}

/**
 * A real news site's page (corpus markup) that loads nothing from elsewhere and runs none of its own
 * scripts: scripts, stylesheets, frames and embeds out, images' and styles' sources kept aside. Its article,
 * navigation, boxes and links stay as they are, so whatever fails in the console or leaves the
 * machine is then ours.
 */
export function offline(html: string): string {
  return html
    .replace(/<(script|iframe|object|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(link|embed|base)\b[^>]*>/gi, '')
    .replace(
      /\s(src|srcset|poster|data|xlink:href)\s*=/gi,
      (_, name) => ` data-offline-${name.replace(':', '-')}=`,
    )
    .replace(/url\(\s*['"]?(?:https?:)?\/\/[^)]*\)/gi, 'url(data:,)');
}
