import { browser } from 'wxt/browser';
import { detectorVerdict, matchPage } from '@/lib/background/fact-base';
import { type MessageMap, onMessages, sendToExtension, sendToTab } from '@/lib/shared/messages';
import { installContextMenu, setBadge } from '@/lib/shared/platform';
import { prefillFromCard, prefillFromSelection, prefillQuery } from '@/lib/shared/prefill';
import { annotatorInjector } from './annotator';
import { cachedFactBase } from './fact-base';
import { reachOpenPages } from './open-pages';

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
  const reply = await sendToTab(tabId, 'background:content:published', undefined);
  return reply.ok ? reply.value : undefined;
}

/** Tells every tab's content scripts that the fact base or the settings changed. */
async function broadcastChange(): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    // Tabs without a content script (browser pages, other schemes) have no one to answer.
    if (tab.id !== undefined) void sendToTab(tab.id, 'background:content:changed', undefined);
  }
}

/** Passes a keyboard command to the active tab's content script (pages without one ignore it). */
async function forwardCommand(command: string): Promise<void> {
  if (command !== 'next-mark' && command !== 'previous-mark') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await sendToTab(tab.id, 'background:content:command', { command });
}

export default defineBackground(() => {
  // At every background start, not only onInstalled: Firefox's MV2 background page starts without
  // menus after a restart or re-enable, and installContextMenu starts clean so Chrome gets no duplicate.
  void installContextMenu({ id: ADD_MENU_ID, title: 'Add to Backstory…', contexts: ['selection'] });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ADD_MENU_ID) void openPrefilledOptions(info, tab);
  });
  const factBase = cachedFactBase(() => void broadcastChange());
  const annotator = annotatorInjector();
  void reachOpenPages();
  browser.commands.onCommand.addListener((command) => void forwardCommand(command));
  onMessages({
    'detector:background:check': async ({ text }, sender) => {
      const names = detectorVerdict(await factBase(), sender.url, text);
      return {
        enabled: names !== null,
        injected: names === true && (await annotator.inject(sender)),
      };
    },
    'annotator:background:match': async ({ text }, sender) =>
      matchPage(await factBase(), sender.url, text),
    'content:background:save-note': async (request, sender) => {
      await openNoteForm(request, sender.tab);
    },
    'annotator:background:annotated': async ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      // A popup that is not open is no one to tell: its answer is ignored.
      void sendToExtension('background:popup:annotated', { tabId, count });
      await setBadge(tabId, count);
    },
  });
  // A new document starts without marks; its content script reports its own count.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void setBadge(tabId, 0);
  });
});
