import type { PageDriver } from './driver';

/** The annotation highlights of the page contract (docs/architecture.md, "The page contract"); other `backstory-*` names are UI state. */
export const ANNOTATION_HIGHLIGHTS = [
  'backstory-entity',
  'backstory-claim',
  'backstory-conflict',
] as const;

/** A viewport rectangle in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The names registered in the page's `CSS.highlights`. */
export function highlightNames(page: PageDriver): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights?.keys() ?? [])], null);
}

/** One range of a highlight: its text and its first box in the viewport (null when not rendered). */
export interface HighlightRange {
  text: string;
  box: Box | null;
}

/**
 * The ranges of highlight `name` in document order ([] when there is none); with `scrollTo`, that
 * range is scrolled to the middle of the viewport first.
 */
export function highlightRanges(
  page: PageDriver,
  name: string,
  scrollTo?: number,
): Promise<HighlightRange[]> {
  return page.evaluate(
    ({ name, scrollTo }) => {
      // Highlights may hold StaticRanges, which have no text, box or order of their own: make live ones.
      const ranges = [...(CSS.highlights?.get(name) ?? [])].map((r) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      });
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      if (scrollTo !== null) {
        ranges[scrollTo]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      }
      return ranges.map((range) => {
        const rect = range.getClientRects()[0];
        const box = rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
        return { text: range.toString(), box };
      });
    },
    { name, scrollTo: scrollTo ?? null },
  );
}

/** The text of each range of highlight `name`, in document order. */
export async function highlightTexts(page: PageDriver, name: string): Promise<string[]> {
  return (await highlightRanges(page, name)).map((range) => range.text);
}

/** Scrolls the `index`-th range of highlight `name` into view and moves the pointer onto its middle. */
export async function hoverHighlight(page: PageDriver, name: string, index = 0): Promise<Box> {
  const box = (await highlightRanges(page, name, index))[index]?.box;
  if (!box) throw new Error(`highlight ${name} has no rendered range ${index}`);
  await page.moveMouse(box.x + box.width / 2, box.y + box.height / 2);
  return box;
}

/** What a reader (or a screen reader) gets from the open card. */
export interface CardView {
  /** The dialog's accessible name (aria-label, or the text aria-labelledby points to). */
  name: string;
  /** All its text. */
  text: string;
  /** The focused element inside the card ("BUTTON", "A"…), or "" when focus is elsewhere. */
  focus: string;
  box: Box;
}

/** The card in Backstory's closed shadow root (`<backstory-tooltip>`), or null when none is open. */
export function readCard(page: PageDriver): Promise<CardView | null> {
  return page.inClosedShadow(
    'backstory-tooltip',
    (root) => {
      const dialog = root.querySelector('[role="dialog"]');
      if (!dialog) return null;
      const labelId = dialog.getAttribute('aria-labelledby');
      const label = labelId ? root.getElementById(labelId)?.textContent : undefined;
      const rect = dialog.getBoundingClientRect();
      return {
        name: (label ?? dialog.getAttribute('aria-label') ?? '').trim(),
        text: dialog.textContent ?? '',
        focus: root.activeElement?.tagName ?? '',
        box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      };
    },
    null,
  );
}

/** An annotation's range, and the text of the block it is in. */
export interface PlacedAnnotation {
  /** The highlight it is drawn in, without "backstory-". */
  kind: string;
  text: string;
  /** The text of its closest paragraph-like element (p, h1–h6, li, td…), trimmed. */
  block: string;
}

/** Every range of the annotation highlights, in document order, with the block it sits in. */
export function placedAnnotations(page: PageDriver): Promise<PlacedAnnotation[]> {
  return page.evaluate((names) => {
    const found: { kind: string; range: Range }[] = [];
    for (const name of names) {
      for (const r of CSS.highlights?.get(name) ?? []) {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        found.push({ kind: name.replace('backstory-', ''), range });
      }
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return found.map(({ kind, range }) => {
      const start = range.startContainer;
      const element = start instanceof Element ? start : start.parentElement;
      const block =
        element?.closest('p, h1, h2, h3, h4, h5, h6, li, td, th, dd, dt, figcaption, blockquote') ??
        element;
      return { kind, text: range.toString(), block: (block?.textContent ?? '').trim() };
    });
  }, ANNOTATION_HIGHLIGHTS);
}

/**
 * Our highlights that show: `backstory-*` names with ranges whose `::highlight()` style draws an
 * underline or a background over their text. Without our stylesheet (the extension disabled), a
 * highlight left in the registry draws nothing.
 */
export function visibleHighlights(page: PageDriver): Promise<string[]> {
  return page.evaluate(() => {
    const shown: string[] = [];
    for (const name of CSS.highlights?.keys() ?? []) {
      if (!name.startsWith('backstory-')) continue;
      for (const range of CSS.highlights.get(name) ?? []) {
        const node = range.startContainer;
        const element = node instanceof Element ? node : node.parentElement;
        if (!element || range.collapsed) continue;
        const style = getComputedStyle(element, `::highlight(${name})`);
        const background = style.backgroundColor;
        if (
          style.textDecorationLine !== 'none' ||
          (background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent')
        ) {
          shown.push(name);
          break;
        }
      }
    }
    return shown;
  }, null);
}

/** Each `<backstory-tooltip>` on the page, as its computed `display` ("none" when it cannot show). */
export function cardHosts(page: PageDriver): Promise<string[]> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('backstory-tooltip')].map((h) => getComputedStyle(h).display),
    null,
  );
}

/** The page's focused element as "tag#id: text" (the text's start), or "body". */
export function focusedInPage(page: PageDriver): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const text = (el.textContent ?? '').trim().slice(0, 40);
    return `${el.localName}${el.id ? `#${el.id}` : ''}: ${text}`;
  }, null);
}

/**
 * Starts recording, on the page's own frames, whether a card host shows (any `<backstory-tooltip>`
 * whose computed display is not "none"): `cardShowing` returns each change, starting with the state
 * now. A card that flashes for a few frames is seen.
 */
export async function watchCardShowing(page: PageDriver): Promise<void> {
  await page.evaluate(() => {
    const changes: boolean[] = [];
    const state = window as unknown as { backstoryCardShowing: boolean[]; backstoryLook(): void };
    state.backstoryCardShowing = changes;
    state.backstoryLook = () => {
      const showing = [...document.querySelectorAll('backstory-tooltip')].some(
        (host) => getComputedStyle(host).display !== 'none',
      );
      if (changes.at(-1) !== showing) changes.push(showing);
      requestAnimationFrame(state.backstoryLook);
    };
    state.backstoryLook();
  }, null);
}

/** What `watchCardShowing` saw: whether a card host showed, at each change. */
export function cardShowing(page: PageDriver): Promise<boolean[]> {
  return page.evaluate(
    () => (window as unknown as { backstoryCardShowing: boolean[] }).backstoryCardShowing,
    null,
  );
}

/** Remembers the highlight objects registered now, to tell later whether any is still registered. */
export async function rememberHighlights(page: PageDriver): Promise<void> {
  await page.evaluate(() => {
    Object.assign(window, { backstoryOldHighlights: new Set(CSS.highlights?.values() ?? []) });
  }, null);
}

/** The names under which a highlight object that `rememberHighlights` saw is still registered. */
export function rememberedHighlights(page: PageDriver): Promise<string[]> {
  return page.evaluate(() => {
    const old = (window as unknown as { backstoryOldHighlights: Set<Highlight> })
      .backstoryOldHighlights;
    return [...(CSS.highlights?.keys() ?? [])].filter((name) =>
      old.has(CSS.highlights.get(name) as Highlight),
    );
  }, null);
}

/** Our highlight names in the page's registry. */
export async function ourHighlightNames(page: PageDriver): Promise<string[]> {
  return (await highlightNames(page)).filter((name) => name.startsWith('backstory-'));
}

/** Waits for the page's own clock to move `ms` on (waits the page's timers see, not the test's). */
export function pageClock(page: PageDriver, ms: number): Promise<unknown> {
  return page.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), ms);
}

/** Focuses the page's first visible link, as a reader tabbing there would; returns how it reads. */
export async function focusFirstLink(page: PageDriver): Promise<string> {
  await page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')];
    links.find((link) => link.getClientRects().length > 0)?.focus();
  }, null);
  return focusedInPage(page);
}
