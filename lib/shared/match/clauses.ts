/** Clauses within a sentence: a figure's period and scope, and a restated event's date, come from its own clause. */

/** Characters that end a clause: commas, semicolons, colons, brackets and dashes. */
export const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;

/** [start, end) of the clause holding text[from, to), not reaching past [lo, hi) (its sentence). */
export function clauseAround(
  text: string,
  from: number,
  to: number,
  lo = 0,
  hi = text.length,
): [number, number] {
  let start = Math.max(lo, from);
  while (start > lo && !CLAUSE_BREAK.test(text[start - 1] as string)) start--;
  let end = Math.min(hi, to);
  while (end < hi && !CLAUSE_BREAK.test(text[end] as string)) end++;
  return [start, end];
}
