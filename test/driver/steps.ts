/**
 * Steps written once on the driver interfaces, for every browser: read annotations from
 * `CSS.highlights`, point at them, read the card through its closed root, talk to the content script,
 * change settings. Everything here uses only `driver.ts`; nothing knows which browser it drives.
 */
import type { Settings } from '../../lib/defaults';
import type { MessageMap, MessageType } from '../../lib/messages';
import type { ExtensionDriver, PageDriver } from './driver';

/** The extension API where extension code runs: `browser` in Firefox, `chrome` in Chromium. */
type ExtensionApi = typeof import('wxt/browser').browser;
type WithApi = { browser?: ExtensionApi; chrome?: ExtensionApi };

/** The annotation highlights of the page contract (DESIGN.md); other `backstory-*` names are UI state. */
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

/** The id of the tab showing `page` (for `popup.html?tabId=N`); brings it to the front. */
export async function tabIdOf(driver: ExtensionDriver, page: PageDriver): Promise<number> {
  await page.bringToFront();
  return driver.inBackground(async () => {
    const api = (globalThis as WithApi).browser ?? (globalThis as WithApi).chrome;
    const [tab] = (await api?.tabs.query({ active: true, lastFocusedWindow: true })) ?? [];
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  }, null);
}

/** Sends a message to the content script of the tab showing `page`, as the popup or background would. */
export async function sendToPage<T extends MessageType>(
  driver: ExtensionDriver,
  page: PageDriver,
  type: T,
  data: MessageMap[T]['request'],
): Promise<MessageMap[T]['response']> {
  const tabId = await tabIdOf(driver, page);
  return driver.inBackground(
    ({ tabId, type, data }) => {
      const api = (globalThis as WithApi).browser ?? (globalThis as WithApi).chrome;
      return api?.tabs.sendMessage(tabId, { type, data }) as Promise<MessageMap[T]['response']>;
    },
    { tabId, type, data },
  );
}

/** The stored settings, as the extension reads them (undefined fields mean defaults). */
export function readSettings(driver: ExtensionDriver): Promise<Partial<Settings>> {
  return driver.inBackground(async () => {
    const api = (globalThis as WithApi).browser ?? (globalThis as WithApi).chrome;
    const stored = await api?.storage.local.get('settings');
    return (stored?.settings ?? {}) as Partial<Settings>;
  }, null);
}

/** Changes stored settings as the popup and options page do; every content script watches them. */
export function changeSettings(driver: ExtensionDriver, changes: Partial<Settings>): Promise<void> {
  return driver.inBackground(async (changes) => {
    const api = (globalThis as WithApi).browser ?? (globalThis as WithApi).chrome;
    const stored = await api?.storage.local.get('settings');
    await api?.storage.local.set({ settings: { ...(stored?.settings as object), ...changes } });
  }, changes);
}
