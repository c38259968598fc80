/**
 * Where the pointer is, in the card's terms: on an annotation, on the card, or elsewhere on the page.
 * Hit-tests at most once per animation frame, from passive listeners that never cancel anything the
 * page does, and only for events the browser made (a page can dispatch events, not trusted ones).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AnnotationGroup, Highlights } from '@/lib/annotator/highlight/highlights';
import { groupAtPoint } from '@/lib/annotator/highlight/hit-test';

export type PointerPlace =
  | { on: 'annotation'; group: AnnotationGroup }
  | { on: 'card' }
  | { on: 'page' };

export interface PointerHandlers {
  highlights: Highlights;
  /** True for the card's host (events from inside its closed shadow root are retargeted to it). */
  isCard(target: EventTarget | null): boolean;
  /** A mouse or pen moved: where it is now (not called again while it stays on the same thing). */
  onHover(place: PointerPlace): void;
  /** A click or a tap: where it landed. */
  onTap(place: PointerPlace): void;
}

const samePlace = (a: PointerPlace | undefined, b: PointerPlace) =>
  a?.on === b.on && (a.on !== 'annotation' || (b.on === 'annotation' && a.group === b.group));

/** Listens until `ctx` ends. */
export function trackPointer(ctx: ContentScriptContext, handlers: PointerHandlers): void {
  let last: PointerPlace | undefined;
  let pending: PointerEvent | undefined;
  let frame = 0;
  const placeOf = (event: MouseEvent): PointerPlace => {
    if (handlers.isCard(event.target)) return { on: 'card' };
    const group = groupAtPoint(handlers.highlights, event.clientX, event.clientY);
    return group ? { on: 'annotation', group } : { on: 'page' };
  };
  const hover = (place: PointerPlace) => {
    if (samePlace(last, place)) return;
    last = place;
    handlers.onHover(place);
  };
  const testPending = () => {
    frame = 0;
    const event = pending;
    pending = undefined;
    if (event) hover(placeOf(event));
  };
  const options = { capture: true, passive: true };
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      // Touch has no hover: a tap opens the card instead.
      if (!event.isTrusted || event.pointerType === 'touch') return;
      pending = event;
      if (frame === 0) frame = ctx.requestAnimationFrame(testPending);
    },
    options,
  );
  ctx.addEventListener(
    document,
    'pointerout',
    (event) => {
      // Leaving the window: the pointer is on nothing of ours.
      if (!event.isTrusted || event.relatedTarget !== null || event.pointerType === 'touch') return;
      pending = undefined;
      hover({ on: 'page' });
    },
    options,
  );
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      if (event.isTrusted) handlers.onTap(placeOf(event));
    },
    options,
  );
}
