/**
 * Money, counts, percentages and durations as news writes them, normalised to a Figure
 * (value, unit, qualifier, period). Other currencies keep their unit: no invented exchange rates.
 */
import type { Period, Qualifier } from '@/lib/facts/schema';
import { foldCase } from './fold';
import type { FigureMention } from './types';

/** A figure found in the text, with offsets into that text. */
export interface FoundFigure extends FigureMention {
  start: number;
  end: number;
}

const QUALIFIERS: Record<string, Qualifier> = {
  'more than': 'over',
  over: 'over',
  above: 'over',
  'in excess of': 'over',
  'at least': 'over',
  'upwards of': 'over',
  about: 'about',
  around: 'about',
  roughly: 'about',
  approximately: 'about',
  'an estimated': 'about',
  some: 'about',
  // "nearly $2b" sits just below $2b: treated as about (±10 %), never as an open "under" bound.
  nearly: 'about',
  almost: 'about',
  'close to': 'about',
  'up to': 'up-to',
  'as much as': 'up-to',
  'as many as': 'up-to',
  'less than': 'under',
  'fewer than': 'under',
  under: 'under',
  below: 'under',
};

const SMALL_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const CURRENCIES: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  'u.s.$': 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  'us dollars': 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  'pounds sterling': 'GBP',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '₩': 'KRW',
  krw: 'KRW',
  won: 'KRW',
  '¥': 'JPY',
  jpy: 'JPY',
  yen: 'JPY',
};

const QUAL = `(?<qual>${Object.keys(QUALIFIERS).join('|')})\\s+`;
const WORDNUM = `(?:half an?|an?|(?:${TENS.join('|')})(?:[ -](?:${SMALL_NUMBERS.slice(1, 10).join('|')}))?|${SMALL_NUMBERS.join('|')}|a hundred)`;
const NUM = `(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|${WORDNUM}(?![\\p{L}]))`;
const SCALE = '(?:thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)(?![\\p{L}\\p{N}])';
const PRE_CURRENCY = '(?:US ?\\$|U\\.S\\. ?\\$|USD ?|\\$|£|€|GBP ?|EUR ?|₩|KRW ?|¥|JPY ?)';
const POST_CURRENCY =
  '(?:US dollars|dollars?|USD|pounds sterling|pounds?|euros?|EUR|GBP|won|yen)(?![\\p{L}])';
const DURATION = '(?:years?|months?|weeks?|days?)(?![\\p{L}])';

const FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?:${QUAL})?(?:` +
    `(?<cur>${PRE_CURRENCY})(?<n1>${NUM})(?: ?(?<s1>${SCALE}))?(?: (?:${POST_CURRENCY}))?` +
    `|(?<n2>${NUM})(?:[ -]?(?<s2>${SCALE}))?(?:(?<pc> (?:${POST_CURRENCY}))|(?<pct> ?%| per ?cent(?![\\p{L}]))|(?<dur> ${DURATION}))?` +
    ')',
  'giu',
);

/** Every figure has a digit, a currency sign, or a scale or unit word: a cheap test before the big regex. */
const MAY_HOLD_FIGURE =
  /[\d$£€₩¥]|million|billion|trillion|thousand|hundred|year|month|week|day|per ?cent/i;

const PERIOD = new RegExp(
  `(?<![\\p{L}])(?:` +
    `(?<lead>in|during|over|for|within) the (?:past|last|previous) (?:(?<pn>${NUM}) )?(?<pu>years?|months?)` +
    `|since (?<since>(?:19|20)\\d\\d)` +
    `|(?:in|during|throughout) (?:(?<month>january|february|march|april|may|june|july|august|september|october|november|december),? )?(?<year>(?:19|20)\\d\\d)` +
    `)(?![\\p{L}\\p{N}])`,
  'giu',
);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

interface PeriodSpan {
  start: number;
  end: number;
  period: Period;
  /** "for the past 10 years" also states a duration (10 years) that a claim may count. */
  isDuration: boolean;
}

/**
 * Figures in text[from, to), each with the period stated nearest to it in that range
 * ("total" when none is). Numbers inside period phrases ("the past 10 years", "in 2024") are not figures.
 */
export function findFigures(text: string, from = 0, to = text.length): FoundFigure[] {
  const slice = foldCase(text.slice(from, to));
  if (!MAY_HOLD_FIGURE.test(slice)) return [];
  const periods = findPeriods(slice);
  const figures: FoundFigure[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(slice); m; m = FIGURE.exec(slice)) {
    const start = m.index;
    const end = start + m[0].length;
    const within = periods.find((p) => p.start < end && start < p.end);
    if (within && !(within.isDuration && m.groups?.dur)) continue;
    const parsed = parseFigure(m.groups ?? {});
    if (!parsed) continue;
    figures.push({
      ...parsed,
      text: text.slice(from + start, from + end),
      period: within ? 'total' : nearestPeriod(slice, periods, start, end),
      start: from + start,
      end: from + end,
    });
  }
  return figures;
}

function parseFigure(
  g: Record<string, string | undefined>,
): Omit<FoundFigure, 'text' | 'period' | 'start' | 'end'> | null {
  const qualifier = g.qual ? (QUALIFIERS[g.qual.toLowerCase()] ?? 'exact') : 'exact';
  const number = g.n1 ?? g.n2;
  if (number === undefined) return null;
  const base = parseNumber(number);
  const scaleWord = (g.s1 ?? g.s2)?.toLowerCase();
  const value = base * (scaleWord ? (SCALES[scaleWord] ?? 1) : 1);
  const isWord = !/\d/.test(number);
  if (g.cur) return { value, unit: CURRENCIES[normaliseCurrency(g.cur)] ?? 'USD', qualifier };
  if (g.pc) return { value, unit: CURRENCIES[normaliseCurrency(g.pc)] ?? 'USD', qualifier };
  if (g.pct) return { value, unit: 'percent', qualifier };
  if (g.dur) return { value, unit: durationUnit(g.dur), qualifier };
  // A bare number is a count only when it cannot be a year or a stray word ("one of them").
  if (isWord && !scaleWord) return null;
  if (!scaleWord && /^(1[89]|20)\d\d$/.test(number)) return null;
  return { value, unit: 'count', qualifier };
}

function normaliseCurrency(raw: string): string {
  return raw.toLowerCase().replace(/\s+/g, ' ').trim().replace(/ \$$/, '$');
}

function durationUnit(raw: string): string {
  const word = raw.trim().toLowerCase();
  return word.endsWith('s') ? word : `${word}s`;
}

/** The value of a digit string ("1,200.5") or a number word ("half a", "twenty-five", "a"). */
export function parseNumber(raw: string): number {
  const lower = raw.toLowerCase().trim();
  if (/\d/.test(lower)) return Number.parseFloat(lower.replace(/,/g, ''));
  if (lower.startsWith('half')) return 0.5;
  if (lower === 'a' || lower === 'an') return 1;
  if (lower === 'a hundred') return 100;
  const [tens, units] = lower.split(/[ -]/);
  const tensIndex = TENS.indexOf(tens ?? '');
  if (tensIndex >= 0)
    return (tensIndex + 2) * 10 + Math.max(0, SMALL_NUMBERS.indexOf(units ?? 'zero'));
  return SMALL_NUMBERS.indexOf(lower);
}

function findPeriods(text: string): PeriodSpan[] {
  const spans: PeriodSpan[] = [];
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    const g = m.groups ?? {};
    const isDuration = g.lead?.toLowerCase() === 'for' && g.pn !== undefined;
    spans.push({ start: m.index, end: m.index + m[0].length, period: periodOf(g), isDuration });
  }
  return spans;
}

function periodOf(g: Record<string, string | undefined>): Period {
  if (g.pu) {
    const n = g.pn ? parseNumber(g.pn) : 1;
    return `past:${n}${g.pu.toLowerCase().startsWith('y') ? 'y' : 'm'}`;
  }
  if (g.since) return `since:${g.since}`;
  if (g.month) {
    const month = String(MONTHS.indexOf(g.month.toLowerCase()) + 1).padStart(2, '0');
    return `month:${g.year}-${month}`;
  }
  return `year:${g.year}`;
}

/** Characters past which a period is in another clause; such periods lose to any in the same clause. */
const OTHER_CLAUSE = 10_000;

function nearestPeriod(text: string, periods: PeriodSpan[], start: number, end: number): Period {
  let best: PeriodSpan | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const p of periods) {
    const between = p.start >= end ? text.slice(end, p.start) : text.slice(p.end, start);
    const gap = between.length + (/[,;:]/.test(between) ? OTHER_CLAUSE : 0);
    if (gap < bestGap) {
      best = p;
      bestGap = gap;
    }
  }
  return best?.period ?? 'total';
}
