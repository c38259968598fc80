/**
 * Brings the detector to pages that were open before this extension instance started. Chromium runs
 * declared content scripts only in pages loaded afterwards, so after an install, update, reload or
 * enable the open pages would stay without Backstory until the reader reloads them; Firefox runs
 * them there itself (lib/shared/platform.ts).
 */
import { browser } from 'wxt/browser';
import { contentScriptsReachOpenPages } from '@/lib/shared/platform';

/** The detector as built (wxt.config.ts lists it as the manifest's content script). */
const DETECTOR_SCRIPT = '/detector.js';

/**
 * Set in session storage by the first start of an extension instance. Chromium clears session
 * storage when the extension is reloaded, updated or disabled (and when the browser restarts), but
 * not when an idle service worker starts again, which must not inject a second time.
 */
const INSTANCE_STARTED = 'instanceStarted';

/** Injects the detector into every frame of every open http(s) tab, once per extension instance. */
export async function reachOpenPages(): Promise<void> {
  if (contentScriptsReachOpenPages()) return;
  const session = browser.storage.session;
  if ((await session.get(INSTANCE_STARTED))[INSTANCE_STARTED]) return;
  await session.set({ [INSTANCE_STARTED]: true });
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  await Promise.all(tabs.map((tab) => tab.id !== undefined && injectDetector(tab.id)));
}

/** A frame that already has a running detector keeps it: the new one ends at once (detector.ts). */
async function injectDetector(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: [DETECTOR_SCRIPT],
    });
  } catch {
    // A page no extension may script (the web store), or a tab that closed or navigated meanwhile:
    // a page loaded from now on gets the declared detector.
  }
}
