import { describe, expect, it } from 'vitest';
import type { AnnotationGroup } from '@/lib/annotator/highlight/highlights';
import { boundsOf, stepGroup } from '@/lib/annotator/highlight/navigate';

function range(top: number, left = 0): Range {
  const r = document.createRange();
  const rect = new DOMRect(left, top, 50, 20);
  r.getBoundingClientRect = () => rect;
  r.getClientRects = () => [rect] as unknown as DOMRectList;
  return r;
}

function group(id: number, ...ranges: Range[]): AnnotationGroup {
  return {
    id,
    annotation: { start: id, end: id + 1, kind: 'entity', factId: `f${id}`, text: 'x' },
    ranges,
  };
}

describe('stepGroup', () => {
  const groups = [
    group(1, range(-500)),
    group(2, range(100)),
    group(3, range(700)),
    group(4, range(1500)),
  ];

  it('moves to the next and previous group, wrapping around', () => {
    expect(stepGroup(groups, groups[1], 1, 800)).toBe(groups[2]);
    expect(stepGroup(groups, groups[3], 1, 800)).toBe(groups[0]);
    expect(stepGroup(groups, groups[0], -1, 800)).toBe(groups[3]);
  });

  it('starts from the viewport when no annotation is current', () => {
    expect(stepGroup(groups, undefined, 1, 800)).toBe(groups[1]);
    expect(stepGroup(groups, undefined, -1, 800)).toBe(groups[2]);
  });

  it('finds nothing on a page without annotations', () => {
    expect(stepGroup([], undefined, 1, 800)).toBeUndefined();
  });
});

describe('boundsOf', () => {
  it('is the box around every line of every range', () => {
    expect(boundsOf(group(1, range(100, 300), range(120, 0)))?.toJSON()).toMatchObject({
      left: 0,
      top: 100,
      right: 350,
      bottom: 140,
    });
    expect(boundsOf(group(2))).toBeUndefined();
  });
});
