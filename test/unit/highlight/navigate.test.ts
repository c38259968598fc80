import { describe, expect, it } from 'vitest';
import type { MarkGroup } from '@/lib/highlight/highlights';
import { stepGroup } from '@/lib/highlight/navigate';

function group(id: number, top: number): MarkGroup {
  const mark = document.createElement('backstory-mark');
  mark.getBoundingClientRect = () => new DOMRect(0, top, 50, 20);
  return {
    id,
    annotation: { start: id, end: id + 1, kind: 'entity', factId: `f${id}`, text: 'x' },
    marks: [mark],
  };
}

describe('stepGroup', () => {
  const groups = [group(1, -500), group(2, 100), group(3, 700), group(4, 1500)];

  it('moves to the next and previous group, wrapping around', () => {
    expect(stepGroup(groups, groups[1], 1, 800)).toBe(groups[2]);
    expect(stepGroup(groups, groups[3], 1, 800)).toBe(groups[0]);
    expect(stepGroup(groups, groups[0], -1, 800)).toBe(groups[3]);
  });

  it('starts from the viewport when no mark is active', () => {
    expect(stepGroup(groups, undefined, 1, 800)).toBe(groups[1]);
    expect(stepGroup(groups, undefined, -1, 800)).toBe(groups[2]);
  });

  it('finds nothing on a page without marks', () => {
    expect(stepGroup([], undefined, 1, 800)).toBeUndefined();
  });
});
