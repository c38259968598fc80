/** Where the card goes: next to the mark, inside the viewport, never over the mark (pure). */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** The card scrolls inside this height when neither side has room for all of it. */
  maxHeight: number;
}

/** Space kept between the card and the mark, and between the card and the viewport's edges. */
export const GAP = 8;

/**
 * Places a card of `size` below `anchor` if it fits, else above, else on the roomier side with a
 * reduced height; aligned to the edge where the anchor's line starts (its left, or its right on a
 * right-to-left page), flipped to the other edge when that overflows.
 */
export function placeCard(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  direction: 'ltr' | 'rtl' = 'ltr',
): Placement {
  const below = viewport.height - (anchor.top + anchor.height) - 2 * GAP;
  const above = anchor.top - 2 * GAP;
  const side = size.height <= below || below >= above ? 'below' : 'above';
  const maxHeight = Math.max(0, side === 'below' ? below : above);
  const height = Math.min(size.height, maxHeight);
  const top = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - height;
  const startLeft = anchor.left;
  const endLeft = anchor.left + anchor.width - size.width;
  let left = direction === 'rtl' ? endLeft : startLeft;
  if (direction === 'ltr' && left + size.width > viewport.width - GAP) left = endLeft;
  if (direction === 'rtl' && left < GAP) left = startLeft;
  left = Math.max(GAP, Math.min(left, viewport.width - GAP - size.width));
  return { top, left, side, maxHeight };
}
