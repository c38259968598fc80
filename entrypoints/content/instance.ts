/**
 * One content script per page, and only the extension decides when it ends.
 *
 * WXT tells an older instance to stop with a `CustomEvent` on `document` named after the extension id,
 * which is public: any page could dispatch it and switch Backstory off for itself (hiding its own
 * conflicts). Here those events are stopped before WXT's listener hears them, and a newer instance
 * ends the older one through a global of the extension's isolated world, which no page can reach.
 * As it starts, an instance clears what one that ended without cleaning up left behind (Firefox ends
 * the old script silently when the add-on is disabled, reloaded or updated).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OUR_HIGHLIGHTS } from '@/lib/highlight/highlights';
import { openOrClosedShadowRoot } from '@/lib/platform';
import { CARD_HOST } from './card-host';

const STOP_KEY = 'backstoryStopInstance';

/**
 * WXT's event name (`<extension id>:<entrypoint>:wxt:content-script-started`), read from WXT itself so
 * a change there cannot slip past; private in its types only. The hostile-page e2e test dispatches it.
 */
const SCRIPT_STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
  .SCRIPT_STARTED_MESSAGE_TYPE;

/** The isolated world's global: shared by this extension's content scripts in the frame, by no page. */
type World = typeof globalThis & { [STOP_KEY]?: () => void };

/** Makes `ctx` end only when the extension or a newer instance of ours ends it. Call first, synchronously. */
export function claimPage(ctx: ContentScriptContext): void {
  window.addEventListener(
    SCRIPT_STARTED,
    (event) => event.stopImmediatePropagation(),
    // Capture on window runs before any listener on document, WXT's included.
    { capture: true, signal: ctx.signal },
  );
  const world = globalThis as World;
  world[STOP_KEY]?.();
  const stop = () => ctx.abort('A newer Backstory content script started');
  world[STOP_KEY] = stop;
  ctx.onInvalidated(() => {
    if (world[STOP_KEY] === stop) delete world[STOP_KEY];
  });
}

/**
 * Removes the highlights and card hosts an earlier instance left. Call as an instance starts, on
 * every page: once our stylesheet is back, they would show again, stale, with nothing to remove them.
 */
export function removeLeftovers(): void {
  // By name: Firefox cannot hand a content script the registry's iterators (Xray wrappers).
  for (const name of OUR_HIGHLIGHTS) window.CSS?.highlights?.delete(name);
  for (const host of document.querySelectorAll<HTMLElement>(CARD_HOST)) {
    // Ours always have a (closed) shadow root; an element the page named so has none of ours.
    if (openOrClosedShadowRoot(host)) host.remove();
  }
}
