/**
 * Steps written once on the driver interfaces, for every browser: read annotations from
 * `CSS.highlights`, point at them, read the card through its closed root, talk to the content script,
 * change settings. Everything here uses only `driver.ts`; nothing knows which browser it drives.
 */
import type { Settings } from '../../lib/defaults';
import type { MessageMap, MessageType } from '../../lib/messages';
import type { ExtensionDriver, PageDriver, ViewDriver } from './driver';

/** The extension API where extension code runs: `browser` in Firefox, `chrome` in Chromium. */
type ExtensionApi = typeof import('wxt/browser').browser;
type WithApi = { browser?: ExtensionApi; chrome?: ExtensionApi };

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

/** The number on the toolbar badge for the tab showing `page`: one per annotation, set after each run. */
export async function badgeCount(driver: ExtensionDriver, page: PageDriver): Promise<number> {
  const tabId = await tabIdOf(driver, page);
  const text = await driver.inBackground(async (tabId) => {
    const api = (globalThis as WithApi).browser ?? (globalThis as WithApi).chrome;
    // MV3 has `action`, Firefox's MV2 build `browserAction`.
    const action = (api?.action ?? api?.browserAction) as ExtensionApi['action'] | undefined;
    return (await action?.getBadgeText({ tabId })) ?? '';
  }, tabId);
  return Number(text);
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

/** The visible text of an extension page (the popup, the options page). */
export function viewText(view: ViewDriver): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not hidden text too.
  return view.evaluate(() => document.body?.innerText ?? '', null);
}

/**
 * Clicks the switch, checkbox or button labelled `name` in an extension page, as the reader would
 * (extension pages are ours: a script's click is as good as the reader's there).
 */
export async function clickControl(view: ViewDriver, name: string): Promise<void> {
  const found = await view.evaluate((name) => {
    const controls = [...document.querySelectorAll<HTMLElement>('button, input')];
    const control = controls.find((el) => {
      const labels = el instanceof HTMLInputElement ? [...(el.labels ?? [])] : [el];
      return labels.some((label) => label.textContent?.trim() === name);
    });
    control?.click();
    return !!control;
  }, name);
  if (!found) throw new Error(`no control labelled ${JSON.stringify(name)}`);
}

/** Types `value` into the field labelled `label` in an extension page. */
export async function fillField(view: ViewDriver, label: string, value: string): Promise<void> {
  const found = await view.evaluate(
    ({ label, value }) => {
      const labels = [...document.querySelectorAll('label')];
      const control = labels.find((l) => l.textContent?.trim() === label)?.control;
      if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) {
        return false;
      }
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    },
    { label, value },
  );
  if (!found) throw new Error(`no text field labelled ${JSON.stringify(label)}`);
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
