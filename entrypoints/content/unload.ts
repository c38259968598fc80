/**
 * Ends the content script's context when the extension is unloaded (reloaded, updated, disabled).
 * WXT 0.20.9 notices this on its own timers by reading `browser.runtime.id`, but Chrome may remove
 * `browser.runtime` itself from an orphaned content script: that read then throws every second and
 * the context never ends, leaving the marks on the page (fixed upstream in wxt-dev/wxt#2042).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** WXT's location watcher polls every second too: started earlier, this check runs first. */
const CHECK_MS = 1_000;

/** Invalidates `ctx` once the extension is gone; call it before anything starts a `ctx` interval. */
export function endWhenUnloaded(ctx: ContentScriptContext): void {
  const timer = setInterval(() => {
    // `runtime` is typed as always there, but an orphaned content script may have lost it.
    if (!browser.runtime?.id) ctx.notifyInvalidated();
  }, CHECK_MS);
  ctx.onInvalidated(() => clearInterval(timer));
}
