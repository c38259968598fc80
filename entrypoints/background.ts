import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '@/lib/defaults';
import { bundledPack } from '@/lib/facts/bundled';
import { type AnnotationState, onMessages, sendToTab } from '@/lib/messages';
import { installContextMenu, setBadge } from '@/lib/platform';
import { prefillFromSelection, prefillQuery } from '@/lib/prefill';
import { readerPackItem, settingsItem } from '@/lib/storage';

const ADD_MENU_ID = 'backstory-add';

/** Opens the options page with the selection as Term and the page as the source. */
async function openPrefilledOptions(
  click: { selectionText?: string; pageUrl?: string },
  tab?: { title?: string; url?: string },
): Promise<void> {
  const query = prefillQuery(prefillFromSelection(click, tab));
  await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}?${query}` });
}

/** The settings and fact packs content scripts annotate with, from storage. */
async function readAnnotationState(): Promise<AnnotationState> {
  const [stored, readerPack] = await Promise.all([
    settingsItem.getValue(),
    readerPackItem.getValue(),
  ]);
  // Stored settings may predate a field: defaults fill the gaps.
  const settings = { ...DEFAULT_SETTINGS, ...stored };
  return { settings, packs: settings.useBundledPack ? [bundledPack, readerPack] : [readerPack] };
}

/** Tells every tab's content script the new state, so a change takes effect at once everywhere. */
async function broadcastAnnotationState(): Promise<void> {
  const [state, tabs] = await Promise.all([readAnnotationState(), browser.tabs.query({})]);
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
  settingsItem.watch(() => void broadcastAnnotationState());
  readerPackItem.watch(() => void broadcastAnnotationState());
  browser.commands.onCommand.addListener((command) => void forwardCommand(command));
  onMessages({
    'content:background:state': () => readAnnotationState(),
    'content:background:count': async ({ count }, sender) => {
      if (sender.tab?.id !== undefined) await setBadge(sender.tab.id, count);
    },
  });
  // A new document starts without marks; its content script reports its own count.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void setBadge(tabId, 0);
  });
});
