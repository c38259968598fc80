import { browser } from 'wxt/browser';
import { bundledPack } from '@/lib/facts/bundled';
import { stackLayers } from '@/lib/facts/layers';
import { importedPacksItem, readerPackItem, readStoredFacts } from '@/lib/facts/stored';
import { type AnnotationState, type MessageMap, onMessages, sendToTab } from '@/lib/messages';
import { installContextMenu, setBadge } from '@/lib/platform';
import { prefillFromCard, prefillFromSelection, prefillQuery } from '@/lib/prefill';
import { readSettings, settingsItem } from '@/lib/storage';

const ADD_MENU_ID = 'backstory-add';

/** Opens the options page with the selection (as Term or Quote) and the page as the source. */
async function openPrefilledOptions(
  click: { selectionText?: string; pageUrl?: string },
  tab?: { id?: number; title?: string; url?: string },
): Promise<void> {
  const published = await pageDate(tab?.id);
  const query = prefillQuery(prefillFromSelection(click, tab, published));
  await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}?${query}` });
}

/** Opens the options page's form on a note about what a card shows, the tab's page as its source. */
async function openNoteForm(
  { about, quote }: MessageMap['content:background:save-note']['request'],
  tab?: { id?: number; title?: string; url?: string },
): Promise<void> {
  const query = prefillQuery(prefillFromCard(quote, tab, await pageDate(tab?.id)), about);
  await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}?${query}` });
}

/** The date the tab's article gives, if it has a content script and the article a date. */
async function pageDate(tabId: number | undefined): Promise<string | undefined> {
  if (tabId === undefined) return undefined;
  return sendToTab(tabId, 'background:content:published', undefined).catch(() => undefined);
}

/** The settings and fact packs content scripts annotate with, read (and validated) from storage. */
async function readAnnotationState(): Promise<AnnotationState> {
  const [settings, facts] = await Promise.all([readSettings(), readStoredFacts()]);
  // Damaged entries are left out; the options page says which and keeps a copy.
  const layers = stackLayers({
    ...(settings.useBundledPack ? { bundled: bundledPack } : {}),
    imported: facts.imported,
    yours: facts.yours,
  });
  return {
    settings,
    packs: layers.map((layer) => layer.pack),
    origins: layers.map((layer) => layer.origin),
  };
}

/**
 * The state, read once per change rather than for every page that asks: checking thousands of
 * facts takes a while. `changed` forgets it, so the next request reads storage again.
 */
function cachedAnnotationState() {
  let state: Promise<AnnotationState> | undefined;
  return {
    current: () => {
      state ??= readAnnotationState();
      return state;
    },
    changed: () => {
      state = undefined;
    },
  };
}

/** Tells every tab's content script the new state, so a change takes effect at once everywhere. */
async function broadcastAnnotationState(current: () => Promise<AnnotationState>): Promise<void> {
  const [state, tabs] = await Promise.all([current(), browser.tabs.query({})]);
  for (const tab of tabs) {
    // Tabs without a content script (browser pages, other schemes) have no one to answer.
    if (tab.id !== undefined)
      sendToTab(tab.id, 'background:content:state', state).catch(() => undefined);
  }
}

/** Passes a keyboard command to the active tab's content script (pages without one ignore it). */
async function forwardCommand(command: string): Promise<void> {
  if (command !== 'next-mark' && command !== 'previous-mark') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await sendToTab(tab.id, 'background:content:command', { command }).catch(() => undefined);
}

export default defineBackground(() => {
  // At every background start, not only onInstalled: Firefox's MV2 background page starts without
  // menus after a restart or re-enable, and installContextMenu starts clean so Chrome gets no duplicate.
  void installContextMenu({ id: ADD_MENU_ID, title: 'Add to Backstory…', contexts: ['selection'] });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ADD_MENU_ID) void openPrefilledOptions(info, tab);
  });
  const annotationState = cachedAnnotationState();
  for (const item of [settingsItem, readerPackItem, importedPacksItem]) {
    item.watch(() => {
      annotationState.changed();
      void broadcastAnnotationState(annotationState.current);
    });
  }
  browser.commands.onCommand.addListener((command) => void forwardCommand(command));
  onMessages({
    'content:background:state': () => annotationState.current(),
    'content:background:save-note': async (request, sender) => {
      await openNoteForm(request, sender.tab);
    },
    'content:background:count': async ({ count }, sender) => {
      if (sender.tab?.id !== undefined) await setBadge(sender.tab.id, count);
    },
  });
  // A new document starts without marks; its content script reports its own count.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void setBadge(tabId, 0);
  });
});
