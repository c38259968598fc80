/** Moving between marks with the keyboard commands. */
import type { MarkGroup } from './highlights';

/**
 * The group after (direction 1) or before (-1) `from`, wrapping around; without `from`, the first
 * group that reaches into or below the viewport, or the last that starts above its bottom.
 */
export function stepGroup(
  groups: readonly MarkGroup[],
  from: MarkGroup | undefined,
  direction: 1 | -1,
  viewportHeight: number,
): MarkGroup | undefined {
  const index = from ? groups.indexOf(from) : -1;
  if (index >= 0) return groups[(index + direction + groups.length) % groups.length];
  const rectOf = (group: MarkGroup) => group.marks[0]?.getBoundingClientRect();
  if (direction === 1) return groups.find((g) => (rectOf(g)?.bottom ?? 0) > 0) ?? groups[0];
  return groups.findLast((g) => (rectOf(g)?.top ?? 0) < viewportHeight) ?? groups.at(-1);
}
