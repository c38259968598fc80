/**
 * The few places where Chromium (MV3) and Firefox (MV2) differ, behind one small module (Dark Reader's
 * rule). Everything else uses `browser` from WXT directly. Differences are detected by feature, not by
 * browser name, so a Firefox MV3 build or another Chromium would take the right path unchanged.
 */
import { browser } from 'wxt/browser';

/** The toolbar-button API: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** Shows `count` on the tab's toolbar badge, or clears it when zero. */
export async function setBadge(tabId: number, count: number): Promise<void> {
  const action = toolbarAction();
  await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  if (count > 0) await action.setBadgeBackgroundColor({ tabId, color: '#1d3557' });
}

/**
 * Whether the browser itself runs declared content scripts in pages already open when the extension
 * is installed, updated, reloaded or enabled. Firefox does; Chromium runs them only in pages loaded
 * afterwards. Told apart by `runtime.getBrowserInfo`, which only Firefox has.
 */
export function contentScriptsReachOpenPages(): boolean {
  return 'getBrowserInfo' in browser.runtime;
}

type MenuItem = Parameters<typeof browser.contextMenus.create>[0];

/**
 * Creates the context-menu item; safe to call at every background start in both browsers.
 * Chrome keeps menu items across service-worker restarts (creating one again fails with a duplicate
 * id), while Firefox's MV2 background page starts with none after a browser restart — so start clean.
 */
export async function installContextMenu(item: MenuItem): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create(item);
}

/** Where the reader changes the extension's keyboard shortcuts in this browser. */
export interface ShortcutSettings {
  /** The place, in words a reader can follow by hand. */
  where: string;
  /** Opens that place. */
  open(): Promise<void>;
}

// Firefox 137+ has an API that opens its shortcut manager; Chrome has none, only a page a tab may open.
type FirefoxCommands = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

const CHROME_SHORTCUTS = 'chrome://extensions/shortcuts';

/** Where keyboard shortcuts are changed here, or null where there are none (Firefox for Android). */
export function shortcutSettings(): ShortcutSettings | null {
  const commands = browser.commands as FirefoxCommands | undefined;
  if (!commands) return null;
  const openFirefoxManager = commands.openShortcutSettings;
  if (openFirefoxManager) {
    return {
      where: 'about:addons → ⚙ (Tools for all add-ons) → Manage Extension Shortcuts',
      open: () => openFirefoxManager.call(commands),
    };
  }
  return {
    where: CHROME_SHORTCUTS,
    open: async () => {
      await browser.tabs.create({ url: CHROME_SHORTCUTS });
    },
  };
}

/**
 * The shadow root of `el` even when closed, which only extensions can see: Firefox gives content
 * scripts `openOrClosedShadowRoot` on the element, Chromium has `chrome.dom.openOrClosedShadowRoot`.
 */
export function openOrClosedShadowRoot(el: HTMLElement): ShadowRoot | null {
  const firefox = (el as HTMLElement & { openOrClosedShadowRoot?: ShadowRoot | null })
    .openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  // `dom` is typed as always there, but only Chromium content scripts have it.
  const dom = browser.dom as typeof browser.dom | undefined;
  return dom?.openOrClosedShadowRoot(el) ?? el.shadowRoot;
}

/**
 * True where the browser ends content scripts without letting them clean up: Firefox does on
 * disable, reload and update, so a page may keep an old instance's highlights. Chromium leaves an
 * orphaned annotator running, and it removes its own (entrypoints/annotator.content/unload.ts), so
 * its pages are spared looking: the first touch of `CSS.highlights` costs a page a few tenths of a ms.
 */
export function scriptsEndSilently(): boolean {
  return Boolean(import.meta.env.FIREFOX);
}
