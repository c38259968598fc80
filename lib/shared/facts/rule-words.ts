/**
 * How a broken rule of the fact-pack format is said, in a reader's words: what a value must be, then
 * what it is, shown safely (cut short, never by calling the value's own methods).
 */
import type * as v from 'valibot';

/** A value as a message may show it; never calls the value's own methods. */
function shown(value: unknown): string {
  if (value === undefined) return 'empty';
  if (value === null) return 'null';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** “text”, cut to 40 characters so a huge value cannot flood a message. */
export function quoted(text: string): string {
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

/** The message for a value of the wrong kind: what it must be, then what it is. */
export function instead(expected: string) {
  return (issue: Pick<v.BaseIssue<unknown>, 'input'>) => `${expected}, not ${shown(issue.input)}`;
}

export const MUST_BE_AN_ENTRY = 'must be an object';
export const MUST_BE_A_PACK =
  'must be a fact pack (an object with format, sources, entities and claims)';
