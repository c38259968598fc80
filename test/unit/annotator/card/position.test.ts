import { describe, expect, it } from 'vitest';
import { GAP, placeCard } from '@/lib/annotator/card/position';

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 200 };

describe('placeCard', () => {
  it('goes below the mark, aligned to its left edge, when there is room', () => {
    const anchor = { top: 100, left: 50, width: 80, height: 20 };
    expect(placeCard(anchor, size, viewport)).toEqual({
      top: 120 + GAP,
      left: 50,
      side: 'below',
      maxHeight: 800 - 120 - 2 * GAP,
    });
  });

  it('flips above when the bottom has no room, never covering the mark', () => {
    const anchor = { top: 700, left: 50, width: 80, height: 20 };
    const place = placeCard(anchor, size, viewport);
    expect(place.side).toBe('above');
    expect(place.top + size.height).toBe(700 - GAP);
  });

  it('flips to the mark’s right edge near the right of the viewport', () => {
    const anchor = { top: 100, left: 900, width: 60, height: 20 };
    expect(placeCard(anchor, size, viewport).left).toBe(960 - 300);
  });

  it('on a right-to-left page, aligns to the mark’s right edge, flipped to its left near the edge', () => {
    const anchor = { top: 100, left: 500, width: 80, height: 20 };
    expect(placeCard(anchor, size, viewport, 'rtl').left).toBe(580 - 300);
    const nearLeft = { top: 100, left: 20, width: 60, height: 20 };
    expect(placeCard(nearLeft, size, viewport, 'rtl').left).toBe(20);
  });

  it('stays inside the viewport on the left', () => {
    const anchor = { top: 100, left: 2, width: 10, height: 20 };
    expect(placeCard(anchor, { width: 300, height: 100 }, { width: 305, height: 800 }).left).toBe(
      GAP,
    );
  });

  it('takes the roomier side with a smaller height when neither fits', () => {
    const anchor = { top: 300, left: 50, width: 80, height: 20 };
    const place = placeCard(anchor, { width: 300, height: 600 }, viewport);
    expect(place).toEqual({
      top: 320 + GAP,
      left: 50,
      side: 'below',
      maxHeight: 800 - 320 - 2 * GAP,
    });
  });
});
