/** Moving between annotations with the keyboard commands and the card's Previous / Next buttons. */
import type { AnnotationGroup } from './highlights';

/**
 * The group after (direction 1) or before (-1) `from`, wrapping around; without `from`, the first
 * group that reaches into or below the viewport, or the last that starts above its bottom.
 */
export function stepGroup(
  groups: readonly AnnotationGroup[],
  from: AnnotationGroup | undefined,
  direction: 1 | -1,
  viewportHeight: number,
): AnnotationGroup | undefined {
  const index = from ? groups.indexOf(from) : -1;
  if (index >= 0) return groups[(index + direction + groups.length) % groups.length];
  const rectOf = (group: AnnotationGroup) => group.ranges[0]?.getBoundingClientRect();
  if (direction === 1) return groups.find((g) => (rectOf(g)?.bottom ?? 0) > 0) ?? groups[0];
  return groups.findLast((g) => (rectOf(g)?.top ?? 0) < viewportHeight) ?? groups.at(-1);
}

/** The smallest box around every range of the group, in viewport coordinates. */
export function boundsOf(group: AnnotationGroup): DOMRect | undefined {
  const rects = group.ranges.flatMap((range) => [...range.getClientRects()]);
  if (rects.length === 0) return undefined;
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return new DOMRect(left, top, right - left, bottom - top);
}

/** True for an element whose content scrolls (a container the range may be hidden in). */
function scrolls(el: Element): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (!style) return false;
  const scrollable = (overflow: string) => /auto|scroll|overlay/.test(overflow);
  return (
    (scrollable(style.overflowY) && el.scrollHeight > el.clientHeight) ||
    (scrollable(style.overflowX) && el.scrollWidth > el.clientWidth)
  );
}

/**
 * Scrolls every container the range sits in, and then the page, just enough to bring it to the
 * middle of each when it is out of view; leaves everything still when it is already in view.
 */
export function scrollToGroup(group: AnnotationGroup): void {
  const first = group.ranges[0];
  const win = first?.startContainer.ownerDocument?.defaultView;
  if (!first || !win) return;
  const scrollingElement = win.document.scrollingElement;
  for (let el = first.startContainer.parentElement; el; el = el.parentElement) {
    if (el === scrollingElement || el === win.document.body || !scrolls(el)) continue;
    const box = el.getBoundingClientRect();
    const rect = first.getBoundingClientRect();
    el.scrollBy({
      top: outside(rect.top, rect.bottom, box.top, box.bottom),
      left: outside(rect.left, rect.right, box.left, box.right),
      behavior: 'instant',
    });
  }
  const rect = first.getBoundingClientRect();
  const view = win.document.documentElement;
  win.scrollBy({
    top: outside(rect.top, rect.bottom, 0, win.innerHeight),
    left: outside(rect.left, rect.right, 0, view.clientWidth),
    behavior: 'instant',
  });
}

/** How far to scroll so [start, end] is centred in [from, to], or 0 when it is inside already. */
function outside(start: number, end: number, from: number, to: number): number {
  if (start >= from && end <= to) return 0;
  return (start + end) / 2 - (from + to) / 2;
}
