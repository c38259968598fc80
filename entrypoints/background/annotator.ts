/**
 * Injects the annotator into a frame whose detector found the fact base named there, once per
 * document: a detector that checks again (settings switched back on, new facts) finds it injected.
 */
import { type Browser, browser } from 'wxt/browser';

/** Built by WXT from entrypoints/annotator.content/ (registration: 'runtime'). */
const ANNOTATOR_SCRIPT = '/content-scripts/annotator.js';
const ANNOTATOR_STYLE = '/content-scripts/annotator.css';

/** Injects on demand and remembers where, until the tab navigates or closes. */
export function annotatorInjector() {
  /** `tabId frameId document`, for every frame the annotator was injected into. */
  const injected = new Set<string>();
  const forgetTab = (tabId: number) => {
    for (const key of injected) if (key.startsWith(`${tabId} `)) injected.delete(key);
  };
  browser.tabs.onRemoved.addListener(forgetTab);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: its detector asks again.
    if (change.status === 'loading') forgetTab(tabId);
  });

  return {
    /** True once the sender's frame has the annotator. */
    async inject(sender: Browser.runtime.MessageSender): Promise<boolean> {
      const tabId = sender.tab?.id;
      const frameId = sender.frameId ?? 0;
      if (tabId === undefined) return false;
      // Firefox gives no documentId; the tab's navigation (above) then tells documents apart.
      const key = `${tabId} ${frameId} ${sender.documentId ?? ''}`;
      if (injected.has(key)) return true;
      injected.add(key);
      const target = { tabId, frameIds: [frameId] };
      try {
        await browser.scripting.insertCSS({ target, files: [ANNOTATOR_STYLE] });
        await browser.scripting.executeScript({ target, files: [ANNOTATOR_SCRIPT] });
        return true;
      } catch {
        // The frame went away (or navigated) meanwhile: a new document asks again.
        injected.delete(key);
        return false;
      }
    },
  };
}
