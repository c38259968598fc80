/**
 * Ends the content script's context when the extension is unloaded (reloaded, updated, disabled).
 * WXT only notices this when one of its own timers fires (`ctx.isInvalid` reads `runtime.id`), and
 * since 0.20.27 it watches locations with the Navigation API instead of a timer: without this
 * check nothing would ever look, and the marks would stay on the page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const CHECK_MS = 1_000;

/** Invalidates `ctx` once the extension is gone; call it before anything starts a `ctx` interval. */
export function endWhenUnloaded(ctx: ContentScriptContext): void {
  const timer = setInterval(() => {
    // `runtime` is typed as always there, but an orphaned content script may have lost it.
    if (!browser.runtime?.id) ctx.notifyInvalidated();
  }, CHECK_MS);
  ctx.onInvalidated(() => clearInterval(timer));
}
