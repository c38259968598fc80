/**
 * The period a figure counts over, read from its own clause the way news writes it, and normalised
 * (schema.ts, Period) so two figures can be compared: "in the past two years alone" → past:2y,
 * "between 2017 and 2023" → range:2017-2023, "over five years" → past:5y, "a decade" → past:10y,
 * "since 2017" → since:2017, "in 2022" → year:2022, "in July 2023" → month:2023-07. Relative periods
 * ("last year", "so far this year") are anchored on the article's published date.
 */
import type { Period } from '@/lib/shared/facts/schema';
import { MONTHS, NUMBER_PATTERN, parseNumber, phrasePattern, readMonth } from './vocabulary';

/** A period phrase in a text: offsets into that text and its normalised period. */
export interface PeriodSpan {
  start: number;
  end: number;
  period: Period;
}

/** The year and month an article was published, to anchor "last year" and "so far this year". */
export interface Anchor {
  year: number;
  month: number;
}

/** The anchor of an ISO date ("2023-09-14T08:00:00Z", "2023-09"), or undefined. */
export function anchorOf(published: string | undefined): Anchor | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(published?.trim() ?? '');
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 12 };
}

const S = '\\s+';
const YEAR = '(?:19|20)\\d\\d';
const MONTH = `(?:${MONTHS.join('|')})`;
const SPAN_UNIT = '(?:years?|months?|decades?)';
// "more than a decade", "nearly five years": the hedge does not change the period's length.
const HEDGE = `(?:(?:more${S}than|over|nearly|almost|about|some|just${S}over|less${S}than)${S})?`;

const PERIOD = phrasePattern(
  [
    `(?:(?:in|during|over|for|within|across|throughout)${S})?the${S}(?:past|last|previous)${S}(?:(?<backN>${NUMBER_PATTERN})${S})?(?<backUnit>${SPAN_UNIT})`,
    `between${S}(?<fromA>${YEAR})${S}and${S}(?<toA>${YEAR})`,
    `from${S}(?<fromB>${YEAR})${S}(?:to|through|until)${S}(?<toB>${YEAR})`,
    `(?<fromC>${YEAR})\\s*[–\\s]\\s*(?<toC>${YEAR})`,
    `since${S}(?:${MONTH}${S})?(?<since>${YEAR})`,
    `(?:(?:in|during|throughout|for)${S})(?:(?<month>${MONTH}),?${S})?(?<year>${YEAR})(?!\\s*[–\\s]\\s*${YEAR})`,
    `(?:in|during|throughout|for)${S}(?<fromD>${YEAR})\\s*[–\\s]\\s*(?<toD>${YEAR})`,
    `(?:over|in|for|across|within|spanning)${S}${HEDGE}(?<spanN>${NUMBER_PATTERN})${S}(?<spanUnit>${SPAN_UNIT})`,
    `${HEDGE}a${S}(?<decade>decade)`,
    `(?:in|during)${S}(?<relMonth>${MONTH})${S}(?<relYear>this|last)${S}year`,
    `(?<!the${S})(?<lastYear>last${S}year)`,
    `(?:so${S}far${S}|earlier${S})?(?<thisYear>this${S}year)`,
  ],
  'iu',
);

/** Every period phrase in `text` (a sentence), normalised; relative ones need `published` to anchor. */
export function findPeriods(text: string, published?: string): PeriodSpan[] {
  const anchor = anchorOf(published);
  const spans: PeriodSpan[] = [];
  for (const m of text.matchAll(PERIOD)) {
    const period = periodOf(m.groups ?? {}, anchor);
    if (period) spans.push({ start: m.index, end: m.index + m[0].length, period });
  }
  return spans;
}

function periodOf(g: Record<string, string | undefined>, anchor?: Anchor): Period | undefined {
  if (g.backUnit) return pastPeriod(g.backN ? parseNumber(g.backN) : 1, g.backUnit);
  if (g.spanUnit && g.spanN) return pastPeriod(parseNumber(g.spanN), g.spanUnit);
  if (g.decade) return 'past:10y';
  const from = g.fromA ?? g.fromB ?? g.fromC ?? g.fromD;
  const to = g.toA ?? g.toB ?? g.toC ?? g.toD;
  if (from && to) return Number(to) > Number(from) ? `range:${from}-${to}` : undefined;
  if (g.since) return `since:${g.since}`;
  if (g.year && g.month) return `month:${g.year}-${String(readMonth(g.month)).padStart(2, '0')}`;
  if (g.year) return `year:${g.year}`;
  if (g.relMonth && anchor) {
    const year = g.relYear?.toLowerCase() === 'last' ? anchor.year - 1 : anchor.year;
    return `month:${year}-${String(readMonth(g.relMonth)).padStart(2, '0')}`;
  }
  // Without the article's date, "last year" is at least "within the past year".
  if (g.lastYear) return anchor ? `year:${anchor.year - 1}` : 'past:1y';
  // "So far this year" counts from January to the article's date: since the start of that year.
  if (g.thisYear) return anchor ? `since:${anchor.year}` : undefined;
  return undefined;
}

/** "past:<n>y" or "past:<n>m" for n units of time back from the article's date. */
function pastPeriod(n: number, unit: string): Period | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const u = unit.toLowerCase();
  if (u.startsWith('decade')) return `past:${n * 10}y`;
  return `past:${n}${u.startsWith('year') ? 'y' : 'm'}`;
}
