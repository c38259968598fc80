/**
 * Money, counts and percentages as news writes them, normalised to a figure: value, unit, qualifier,
 * the period of its own clause (periods.ts) and its scope (scope.ts). A bracketed conversion
 * ("$3bn (£2.4bn)") belongs to the figure before it; a length of time ("10 years") is not a figure.
 * Other currencies keep their unit: no invented exchange rates.
 */
import type { Period, Scope } from '@/lib/shared/facts/schema';
import { CLAUSE_BREAK, clauseAround } from './clauses';
import { foldCase } from './fold';
import { findPeriods, type PeriodSpan } from './periods';
import { findScopeCues, type ScopeCue } from './scope';
import type { Amount, FigureMention } from './types';
import {
  alternation,
  CURRENCIES,
  NUMBER_PATTERN,
  parseNumber,
  QUALIFIER_WORDS,
  readQualifier,
  readScale,
  readUnit,
  SCALES,
  TIME_UNITS,
} from './vocabulary';

/** A figure found in the text, with offsets into that text. */
export interface FoundFigure extends FigureMention {
  start: number;
  end: number;
}

export interface FigureOptions {
  /** The article's published date (ISO), to anchor "last year" and "so far this year". */
  published?: string;
}

const SIGNS = Object.values(CURRENCIES).flatMap((c) => c.signs);
const UNIT_WORDS = [
  ...Object.values(CURRENCIES).flatMap((c) => c.words),
  ...Object.keys(CURRENCIES),
];
const SCALE_WORDS = SCALES.flatMap((s) => [s.word, ...s.short]);

const QUAL = `(?<qual>${alternation(Object.values(QUALIFIER_WORDS).flat())})\\s+`;
const SCALE = `(?:${alternation(SCALE_WORDS)})(?![\\p{L}\\p{N}])`;
const PRE_UNIT = `(?:${alternation(SIGNS)})\\s?`;
const POST_UNIT = `(?:${alternation(UNIT_WORDS)})(?![\\p{L}])`;
const PERCENT = `\\s?%|\\s+per\\s?cent(?![\\p{L}])|\\s+percent(?![\\p{L}])`;

/** One amount: a sign before the number, or a unit word, percent sign or nothing after it. */
const AMOUNT =
  `(?:(?<pre>${PRE_UNIT})(?<n1>${NUMBER_PATTERN})(?:\\s?(?<s1>${SCALE}))?(?:\\s+${POST_UNIT})?` +
  `|(?<n2>${NUMBER_PATTERN})(?:[\\s-]?(?<s2>${SCALE}))?(?:\\s+(?<post>${POST_UNIT})|(?<pct>${PERCENT}))?)`;

const FIGURE = new RegExp(`(?<![\\p{L}\\p{N}.,$£€₩¥])(?:${QUAL})?${AMOUNT}`, 'giu');

/** "(£2.4bn)", "(about €2.8 billion)" right after a figure: the same figure in another unit. */
const CONVERSION = new RegExp(`^\\s*\\(\\s*(?:${QUAL})?${AMOUNT}\\s*\\)`, 'iu');

/** "10 years", "a 10-year": a length of time. */
const DURATION_AFTER = new RegExp(`^[\\s-]+(?:${TIME_UNITS.join('|')})(?![\\p{L}])`, 'iu');

/** "the $620 million Ronin hack": the figure qualifies an incident noun right after it. */
const INCIDENT_AFTER =
  /^\s+((?:[\p{L}'’-]+\s+){0,3}?(?:hack|heist|breach|theft|exploit|robbery|raid|cyberattack))(?![\p{L}])/iu;

/** Every figure has a digit, a currency sign, or a scale or unit word: a cheap test before the big regex. */
const MAY_HOLD_FIGURE =
  /[\d$£€₩¥]|million|billion|trillion|thousand|hundred|dollar|pound|euro|per ?cent/i;

/**
 * Figures in text[from, to) (one sentence), each with the period and scope of its own clause.
 * Numbers inside period phrases ("the past 10 years", "in 2024") are not figures.
 */
export function findFigures(
  text: string,
  from = 0,
  to = text.length,
  options: FigureOptions = {},
): FoundFigure[] {
  const slice = foldCase(text.slice(from, to));
  if (!MAY_HOLD_FIGURE.test(slice)) return [];
  const periods = findPeriods(slice, options.published);
  const amounts = findAmounts(slice, periods);
  if (amounts.length === 0) return [];
  const cues = findScopeCues(slice);
  return amounts.map((a) => {
    const { scope, incidentWords } = scopeOf(slice, a, cues, amounts);
    return {
      text: text.slice(from + a.start, from + a.end),
      value: a.value,
      unit: a.unit,
      qualifier: a.qualifier,
      period: nearestPeriod(slice, periods, a.start, a.end),
      scope,
      ...(incidentWords ? { incidentWords } : {}),
      ...(a.conversions.length > 0 ? { conversions: a.conversions } : {}),
      start: from + a.start,
      end: from + a.end,
    };
  });
}

interface FoundAmount extends Amount {
  start: number;
  end: number;
  qualifier: FigureMention['qualifier'];
  conversions: Amount[];
}

function findAmounts(slice: string, periods: PeriodSpan[]): FoundAmount[] {
  const found: FoundAmount[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(slice); m; m = FIGURE.exec(slice)) {
    const start = m.index;
    let end = start + m[0].length;
    if (periods.some((p) => p.start < end && start < p.end)) continue;
    const amount = amountOf(m.groups ?? {});
    if (!amount) continue;
    if (amount.unit === 'count' && DURATION_AFTER.test(slice.slice(end))) continue;
    const conversions: Amount[] = [];
    const conversion = CONVERSION.exec(slice.slice(end));
    const converted = conversion && amountOf(conversion.groups ?? {});
    if (conversion && converted && isCurrency(converted.unit) && isCurrency(amount.unit)) {
      conversions.push({ value: converted.value, unit: converted.unit });
      end += conversion[0].length;
      FIGURE.lastIndex = end;
    }
    found.push({ ...amount, start, end, conversions });
  }
  return found;
}

function amountOf(
  g: Record<string, string | undefined>,
): (Amount & { qualifier: FigureMention['qualifier'] }) | null {
  const number = g.n1 ?? g.n2;
  if (number === undefined) return null;
  const scaleWord = g.s1 ?? g.s2;
  const value = parseNumber(number) * readScale(scaleWord);
  if (!Number.isFinite(value)) return null;
  const qualifier = readQualifier(g.qual);
  const currency = g.pre ?? g.post;
  if (currency) return { value, unit: readUnit(currency) ?? 'USD', qualifier };
  if (g.pct) return { value, unit: 'percent', qualifier };
  // A bare number is a count only when it cannot be a year or a stray word ("one of them").
  if (!/\d/.test(number) && !scaleWord) return null;
  if (!scaleWord && /^(1[89]|20)\d\d$/.test(number)) return null;
  return { value, unit: 'count', qualifier };
}

function isCurrency(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit);
}

/** Characters past which a period is in another clause; such periods lose to any in the same clause. */
const OTHER_CLAUSE = 10_000;

function nearestPeriod(text: string, periods: PeriodSpan[], start: number, end: number): Period {
  let best: PeriodSpan | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const p of periods) {
    const between = p.start >= end ? text.slice(end, p.start) : text.slice(p.end, start);
    const gap = between.length + (CLAUSE_BREAK.test(between) ? OTHER_CLAUSE : 0);
    if (gap < bestGap) {
      best = p;
      bestGap = gap;
    }
  }
  return best?.period ?? 'total';
}

/**
 * The scope of one figure: stated in its own clause ("in total" wins over incident words), by a
 * neighbouring clause that is nothing but an incident in apposition ("the largest heist on record,
 * $1.5 billion"; "$1.5bn, the largest heist on record"), or by an opening "In the … hack," before the
 * sentence's first figure. Otherwise the figure is a total.
 */
function scopeOf(
  slice: string,
  amount: FoundAmount,
  cues: ScopeCue[],
  amounts: FoundAmount[],
): { scope: Scope; incidentWords?: string } {
  const [clauseStart, clauseEnd] = clauseAround(slice, amount.start, amount.end);
  const inClause = cues.filter((c) => c.start < clauseEnd && clauseStart < c.end);
  if (inClause.some((c) => c.scope === 'total')) return { scope: 'total' };
  const adjectival = INCIDENT_AFTER.exec(slice.slice(amount.end, clauseEnd));
  if (adjectival?.[1]) return { scope: 'incident', incidentWords: adjectival[1] };
  const own = nearestCue(inClause, amount);
  if (own) return { scope: 'incident', incidentWords: own.incident };
  const neighbours: [number, number][] = [];
  if (clauseStart > 0) neighbours.push(clauseAround(slice, clauseStart - 1, clauseStart - 1));
  if (clauseEnd < slice.length) neighbours.push(clauseAround(slice, clauseEnd + 1, clauseEnd + 1));
  for (const [start, end] of neighbours) {
    const between: [number, number] = start < clauseStart ? [start, clauseStart] : [clauseEnd, end];
    if (amounts.some((a) => a !== amount && a.start < between[1] && between[0] < a.end)) continue;
    const cue = appositiveCue(slice, start, end, cues);
    if (cue) return { scope: 'incident', incidentWords: cue.incident };
  }
  // "In the Ronin hack, …" or "The raid on a Japanese exchange, …, netted $300 million".
  const [, openingEnd] = clauseAround(slice, 0, 0);
  if (amounts[0] === amount && openingEnd < amount.start) {
    const opening = cues.find(
      (c) =>
        c.scope === 'incident' &&
        c.end <= openingEnd &&
        /^\s*(?:(?:in|during)\s+)?$/i.test(slice.slice(0, c.start)),
    );
    if (opening) return { scope: 'incident', incidentWords: opening.incident };
  }
  return { scope: 'total' };
}

/** Words that make a following incident a part of the figure, not the figure itself. */
const PART_OF = /^(?:including|among|plus|with|besides|excluding|of which)$/i;

/** The incident cue that makes up the clause text[start, end) all but a word, if any. */
function appositiveCue(
  slice: string,
  start: number,
  end: number,
  cues: ScopeCue[],
): ScopeCue | undefined {
  const cue = cues.find((c) => c.scope === 'incident' && c.start >= start && c.end <= end);
  if (!cue) return undefined;
  const rest = `${slice.slice(start, cue.start)} ${slice.slice(cue.end, end)}`;
  const words = rest.match(/[\p{L}]+/gu) ?? [];
  return words.length <= 1 && !words.some((w) => PART_OF.test(w)) ? cue : undefined;
}

function nearestCue(cues: ScopeCue[], amount: FoundAmount): ScopeCue | undefined {
  let best: ScopeCue | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const c of cues) {
    if (c.scope !== 'incident') continue;
    const gap = c.start >= amount.end ? c.start - amount.end : Math.max(0, amount.start - c.end);
    if (gap < bestGap) {
      best = c;
      bestGap = gap;
    }
  }
  return best;
}
