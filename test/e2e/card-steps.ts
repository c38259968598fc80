/**
 * Steps the card's e2e files share: a page opened offline in the shared session, a card revealed as
 * the popup reveals it, and where the current annotation is drawn.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cardOpen } from './card-view';
import { offline, sendToPage, waitForDrawn } from './page-helpers';
import { browser, ext, server } from './page-session';

let served = 0;

/** Opens `html` in a new tab, its own scripts and third-party requests left out, once it is drawn. */
export async function open(html: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.route(`/card-${served++}.html`, offline(html)));
  await waitForDrawn(page);
  return page;
}

/** Opens the card of the annotation with this id (as the popup does) and waits for it. */
export async function reveal(page: Page, id: number): Promise<void> {
  await sendToPage(ext, page, 'popup:content:reveal', { id });
  await expect.poll(() => cardOpen(page), { timeout: 3000, interval: 30 }).toBe(true);
}

export type Box = { x: number; y: number; width: number; height: number };

/** The boxes of the annotation shown as current. */
export const currentBoxes = (page: Page): Promise<Box[]> =>
  page.evaluate(() =>
    [...(CSS.highlights.get('backstory-active') ?? [])].flatMap((range) =>
      [...(range as Range).getClientRects()].map((r) => ({
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      })),
    ),
  );

export const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
