/**
 * One figure typed the way news writes it ("over $1 billion in the past two years"), read by the
 * same figure reader that reads pages, for the options form: value, unit, qualifier, period and
 * scope, or a sentence saying why it cannot be read.
 */
import { findFigures } from './figures';
import { findPeriods } from './periods';
import type { FigureMention } from './types';
import { NUMBER_PATTERN, readUnit, TIME_UNITS } from './vocabulary';

export type FigureReading = { ok: true; figure: FigureMention } | { ok: false; reason: string };

const EXAMPLE = '“over $1 billion in the past two years” or “about 300 hackers in 2022”';
const DURATION = new RegExp(
  `(?:${NUMBER_PATTERN})[\\s-]+(?:${TIME_UNITS.join('|')})(?![\\p{L}])`,
  'iu',
);

/** The figure in `text`; `published` anchors "last year" and "so far this year". */
export function readFigure(text: string, options: { published?: string } = {}): FigureReading {
  const typed = text.trim();
  if (typed === '') return { ok: false, reason: `Enter a figure, e.g. ${EXAMPLE}.` };
  const found = findFigures(typed, 0, typed.length, { published: options.published });
  if (found.length === 1) {
    const { start: _start, end: _end, ...figure } = found[0] as (typeof found)[number];
    return { ok: true, figure };
  }
  if (found.length > 1) {
    const [first, second] = found.map((f) => `“${f.text}”`);
    return {
      ok: false,
      reason: `${first} and ${second} are two figures: enter one at a time.`,
    };
  }
  return { ok: false, reason: whyNoFigure(typed, options.published) };
}

/** Why nothing in `typed` reads as a figure, said so a reader can fix it. */
function whyNoFigure(typed: string, published?: string): string {
  const duration = DURATION.exec(typed);
  if (duration) {
    return `“${duration[0]}” is a length of time, not a figure a source counts: give the amount, e.g. ${EXAMPLE}.`;
  }
  if (findPeriods(typed, published).length > 0 || /^(?:19|20)\d\d$/.test(typed)) {
    return `“${typed}” is a period, not a figure: add the amount, e.g. “$1.7 billion in 2022”.`;
  }
  if (readUnit(typed)) return `“${typed}” has no number: write it with one, e.g. “$1.7 billion”.`;
  return `No figure found in “${typed}”: write a number with its unit, e.g. ${EXAMPLE}.`;
}

export { readUnit };
