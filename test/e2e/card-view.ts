/**
 * Reading the card from outside the page. Its shadow root is closed, so no page script (and no
 * `page.evaluate`) can see into it; the DevTools protocol can: `DOM.getDocument` with `pierce: true`
 * walks closed shadow roots too. The card's markup is read into a jsdom fragment, to query with selectors.
 */
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { cardNodes, follow, pathTo } from './closed-shadow';

export interface CardView {
  /** The shadow root's mode as the browser reports it. */
  mode: string;
  /** A copy of the shadow root's content. */
  root: DocumentFragment;
  /** The `role="dialog"` element (the card), if rendered. */
  dialog: Element | null;
  /** The element focused inside the card, if any. */
  focused: Element | null;
  /** The dialog's box in the viewport. */
  box: { x: number; y: number; width: number; height: number };
}

/** The open card as the browser has it, or undefined when no card host is on the page. */
export async function readCard(page: Page): Promise<CardView | undefined> {
  const nodes = await cardNodes(page);
  if (!nodes) return undefined;
  const { session, shadow } = nodes;
  // The markup keeps whitespace-only text (the protocol's node tree leaves it out).
  let html = '';
  for (const child of shadow.children ?? []) {
    if (child.nodeType !== 1) continue;
    const { outerHTML } = (await session.send('DOM.getOuterHTML', { nodeId: child.nodeId })) as {
      outerHTML: string;
    };
    html += outerHTML;
  }
  const root = JSDOM.fragment(html);
  const find = async (selector: string) =>
    (
      (await session.send('DOM.querySelector', { nodeId: shadow.nodeId, selector })) as {
        nodeId: number;
      }
    ).nodeId;
  const at = (nodeId: number) => {
    const path = nodeId ? pathTo(shadow, nodeId) : undefined;
    return path ? follow(root, path) : null;
  };
  const dialogId = await find('[role="dialog"]');
  let box = { x: 0, y: 0, width: 0, height: 0 };
  if (dialogId) {
    const { model } = (await session.send('DOM.getBoxModel', { nodeId: dialogId })) as {
      model: { border: number[]; width: number; height: number };
    };
    box = {
      x: model.border[0] ?? 0,
      y: model.border[1] ?? 0,
      width: model.width,
      height: model.height,
    };
  }
  return {
    mode: shadow.shadowRootType ?? '',
    root,
    dialog: at(dialogId),
    focused: at(await find(':focus')),
    box,
  };
}

/**
 * Runs `functionDeclaration` (source text of `function () { … }`, `this` being the first element
 * inside the card matching `selector`) in the page and returns its result; undefined when there is
 * no such element.
 */
export async function inCard<T>(
  page: Page,
  selector: string,
  functionDeclaration: string,
): Promise<T | undefined> {
  const nodes = await cardNodes(page);
  if (!nodes) return undefined;
  const { session, shadow } = nodes;
  const { nodeId } = (await session.send('DOM.querySelector', {
    nodeId: shadow.nodeId,
    selector,
  })) as { nodeId: number };
  if (!nodeId) return undefined;
  const { object } = (await session.send('DOM.resolveNode', { nodeId })) as {
    object: { objectId: string };
  };
  const { result } = (await session.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    returnByValue: true,
    functionDeclaration,
  })) as { result: { value: T } };
  return result.value;
}

/**
 * The open card's size in CSS pixels, and how far its content overflows it (what a reader would
 * have to scroll inside the card: 0 when nothing is hidden).
 */
export async function cardSize(
  page: Page,
): Promise<{ width: number; height: number; overflow: number }> {
  const size = await inCard<{ width: number; height: number; overflow: number }>(
    page,
    '[role="dialog"]',
    `function () {
      const box = this.getBoundingClientRect();
      let overflow = 0;
      // Only boxes that clip or scroll their content can hide any of it
      for (const el of [this, ...this.querySelectorAll('*')]) {
        // (a box of a pixel or less hides text for screen readers only, on purpose).
        if (getComputedStyle(el).overflowY === 'visible' || el.clientWidth <= 1) continue;
        overflow = Math.max(overflow, el.scrollHeight - el.clientHeight);
      }
      return { width: Math.round(box.width), height: Math.round(box.height), overflow };
    }`,
  );
  return size ?? { width: 0, height: 0, overflow: 0 };
}

/** Clicks the first element inside the card matching `selector` with the real mouse (a trusted click). */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  const point = await inCard<{ x: number; y: number }>(
    page,
    selector,
    `function () {
      const r = this.getBoundingClientRect();
      return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
    }`,
  );
  if (!point) throw new Error(`nothing in the card matches ${selector}`);
  await page.mouse.click(point.x, point.y);
}

/** Whether a card is open on `page`. */
export async function cardOpen(page: Page): Promise<boolean> {
  return !!(await readCard(page))?.dialog;
}

/** The open card's title. */
export async function cardTitle(page: Page): Promise<string | undefined> {
  return (await readCard(page))?.dialog?.querySelector('h2')?.textContent ?? undefined;
}

/** An element's text as a reader sees it: blocks and buttons apart, quotation marks around quotes. */
function readableText(el: Element): string {
  let text = '';
  for (const child of el.childNodes) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const element = child as Element;
      // What only screen readers get is not seen.
      if (element.matches('.visually-hidden')) continue;
      const inner = readableText(element);
      if (element.localName === 'q') text += `“${inner}”`;
      else if (element.matches('p, li, summary, div, button, .place')) text += ` ${inner} `;
      else text += inner;
    }
  }
  return text;
}

/** The card's text, one line per block, as a reader sees it (closed disclosures included). */
export function cardLines(card: CardView): string[] {
  const lines: string[] = [];
  const blocks =
    card.dialog?.querySelectorAll('h2, h3, p:not(.visually-hidden), summary, li, .frame-foot') ??
    [];
  for (const block of blocks) {
    // A block inside a list item is part of that item's line.
    if (block.parentElement?.closest('li')) continue;
    const text = readableText(block).replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
  }
  return lines;
}
