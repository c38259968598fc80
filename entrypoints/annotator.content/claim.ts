/**
 * One annotator per page, and only the extension decides when it ends.
 *
 * WXT tells an older instance to stop with a `CustomEvent` on `document` named after the extension id,
 * which is public: any page could dispatch it and switch Backstory off for itself (hiding its own
 * conflicts). Here those events are stopped before WXT's listener hears them, and a newer instance
 * ends the older one through a global of the extension's isolated world, which no page can reach.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { STOP_ANNOTATOR, type World } from '@/lib/shared/content/instance';

/**
 * WXT's event name (`<extension id>:<entrypoint>:wxt:content-script-started`), read from WXT itself so
 * a change there cannot slip past; private in its types only. The hostile-page e2e test dispatches it.
 */
const SCRIPT_STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
  .SCRIPT_STARTED_MESSAGE_TYPE;

/**
 * Makes `ctx` end only when the extension or a newer annotator ends it (one injected again, after
 * the extension was reloaded, replaces the one there). Call first, synchronously.
 */
export function claimPage(ctx: ContentScriptContext): void {
  window.addEventListener(
    SCRIPT_STARTED,
    (event) => event.stopImmediatePropagation(),
    // Capture on window runs before any listener on document, WXT's included.
    { capture: true, signal: ctx.signal },
  );
  const world = globalThis as World;
  world[STOP_ANNOTATOR]?.();
  const stop = () => ctx.abort('A newer Backstory annotator started');
  world[STOP_ANNOTATOR] = stop;
  ctx.onInvalidated(() => {
    if (world[STOP_ANNOTATOR] === stop) delete world[STOP_ANNOTATOR];
  });
}
