/**
 * Steps on the extension's side, written once for every browser: which tab shows a page, messages to
 * its content script, settings, the badge, and the popup's and options page's text and controls.
 */
import type { Settings } from '../../lib/shared/defaults';
import type { MessageMap, MessageType, Result } from '../../lib/shared/messages';
import type { ExtensionDriver, PageDriver, ViewDriver } from './driver';

/** The extension API where extension code runs: `browser` in Firefox, `chrome` in Chromium. */
type ExtensionApi = typeof import('wxt/browser').browser;
type WithApi = { browser?: ExtensionApi; chrome?: ExtensionApi };

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
  const reply = await driver.inBackground(
    ({ tabId, type, data }) => {
      const api = (globalThis as WithApi).browser ?? (globalThis as WithApi).chrome;
      return api?.tabs.sendMessage(tabId, { type, data }) as Promise<
        Result<MessageMap[T]['response']>
      >;
    },
    { tabId, type, data },
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
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
