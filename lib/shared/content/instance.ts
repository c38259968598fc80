/**
 * What the detector and the annotator know of each other and of instances that ended: the
 * annotator's instance is a global of the extension's isolated world (shared by both scripts of a
 * frame, reachable by no page; see entrypoints/annotator.content/claim.ts), and as it starts each
 * script clears what an instance that ended without cleaning up left behind (Firefox ends content
 * scripts silently when the add-on is disabled, reloaded or updated).
 * Ships in: detector and annotator.
 */
import { OUR_HIGHLIGHTS } from '@/lib/shared/content/highlight-names';
import { openOrClosedShadowRoot, scriptsEndSilently } from '@/lib/shared/platform';

/** The card host's tag name (DESIGN.md: the only element Backstory adds). */
export const CARD_HOST = 'backstory-tooltip';

/** The isolated world's global that ends the running annotator. */
export const STOP_ANNOTATOR = 'backstoryStopAnnotator';

/** The isolated world's global that says whether a detector still runs in the frame. */
const DETECTOR_RUNNING = 'backstoryDetectorRunning';

/** The isolated world's globals: shared by this extension's content scripts in the frame, by no page. */
export type World = typeof globalThis & {
  [STOP_ANNOTATOR]?: () => void;
  [DETECTOR_RUNNING]?: () => boolean;
};

/**
 * Takes the frame for a starting detector, or false when one that is still `alive` watches it: in
 * Chromium the background also injects the detector into pages open before the extension started,
 * where the declared one may run as well (a page that was loading then).
 */
export function claimDetector(alive: () => boolean): boolean {
  const world = globalThis as World;
  if (world[DETECTOR_RUNNING]?.()) return false;
  world[DETECTOR_RUNNING] = alive;
  return true;
}

/** True while an annotator runs in this frame. */
export function annotatorRunning(): boolean {
  return typeof (globalThis as World)[STOP_ANNOTATOR] === 'function';
}

/**
 * True when an earlier instance may have left something that shows: only where the browser ends
 * scripts silently, and only if our highlights are in the registry (they are only while they hold
 * ranges, and a card opens only over one of them). A lookup by name is cheap, where looking for
 * card hosts walks the whole document on every page.
 */
export function mayHaveLeftovers(): boolean {
  if (!scriptsEndSilently()) return false;
  const registry = window.CSS?.highlights;
  return OUR_HIGHLIGHTS.some((name) => registry?.has(name));
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
