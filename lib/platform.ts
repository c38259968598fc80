/**
 * The few places where Chromium and Firefox differ, behind one small module (Dark Reader's rule).
 * Everything else uses `browser` from WXT directly.
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
