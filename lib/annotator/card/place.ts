/**
 * Puts the open card next to its annotation on the page: the DOM side of position.ts (which only
 * does the arithmetic), reading the mark's box, the page's zoom and the line's direction.
 */
import type { AnnotationGroup } from '@/lib/annotator/highlight/highlights';
import { boundsOf } from '@/lib/annotator/highlight/navigate';
import { placeCard } from './position';

/** Places `card` (inside `host`) beside `group`; false when the text is hidden or gone. */
export function placeNextTo(card: HTMLElement, host: HTMLElement, group: AnnotationGroup): boolean {
  const anchor = boundsOf(group);
  if (!anchor || (anchor.width === 0 && anchor.height === 0)) return false;
  // Counter any zoom the page sets on <html>, so the card keeps its size.
  const zoom = host.currentCSSZoom || 1;
  card.style.zoom = zoom === 1 ? '' : String(1 / zoom);
  card.style.maxHeight = '';
  const line = group.ranges[0]?.startContainer.parentElement;
  const direction = line && getComputedStyle(line).direction === 'rtl' ? 'rtl' : 'ltr';
  const place = placeCard(
    anchor,
    card.getBoundingClientRect(),
    { width: document.documentElement.clientWidth, height: window.innerHeight },
    direction,
  );
  card.style.top = `${place.top}px`;
  card.style.left = `${place.left}px`;
  card.style.maxHeight = `${place.maxHeight}px`;
  card.dataset.side = place.side;
  return true;
}
