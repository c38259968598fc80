/**
 * When a page says an event happened ("In March", "in July 2022", "last year"), and whether that can
 * be the date a source gives it. A month without a year is compared by month only: its year would be
 * a guess, and a guess must never make a conflict.
 */
import { anchorOf } from '@/lib/shared/match/periods';
import type { EventDate } from '@/lib/shared/match/types';
import { MONTHS, phrasePattern, readMonth } from '@/lib/shared/match/vocabulary';

/** A date in a sentence, with offsets into that sentence. */
export interface PlacedDate extends EventDate {
  start: number;
  end: number;
}

const S = '\\s+';
const YEAR = '(?:19|20)\\d\\d';
/** `word` with its first letter in either case, as at the start of a sentence. */
const initialCase = (word: string) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`;
const LEAD_WORDS = [
  'in',
  'on',
  'by',
  'until',
  'during',
  'early',
  'late',
  'mid',
  'at the end of',
  'the end of',
  'the start of',
  'the beginning of',
  'the middle of',
];
const LEAD = `(?:(?:${LEAD_WORDS.map((w) => initialCase(w).replace(/ /g, S)).join('|')})${S})`;
// Month names must be capitalised ("may" is a verb); "May" itself needs a lead or a day or year.
const MONTH = `(?:${MONTHS.filter((m) => m !== 'May').join('|')})`;

const DATE = phrasePattern(
  [
    `${LEAD}?(?:\\d{1,2}${S})?(?<month>${MONTH})(?:${S}\\d{1,2}(?:st|nd|rd|th)?)?(?:,?${S}(?<year>${YEAR})|${S}(?<relYear>this|last)${S}year)?`,
    `${LEAD}(?:\\d{1,2}${S})?(?<may>May)(?:${S}\\d{1,2}(?:st|nd|rd|th)?)?(?:,?${S}(?<mayYear>${YEAR}))?`,
    `(?:\\d{1,2}${S})(?<mayDay>May)(?:,?${S}(?<mayDayYear>${YEAR}))?`,
    `(?:${initialCase('in')}|${initialCase('during')})${S}(?<onlyYear>${YEAR})`,
    `(?<lastMonth>${initialCase('last')}${S}month)`,
    `(?<lastYear>${initialCase('last')}${S}year)`,
    `(?:(?:${initialCase('earlier')}|${initialCase('later')})${S})?(?<thisYear>${initialCase('this')}${S}year)`,
  ],
  'u',
);

/** Every date phrase in `sentence`; relative ones ("last month") need `published` to anchor. */
export function findDates(sentence: string, published?: string): PlacedDate[] {
  const anchor = anchorOf(published);
  const dates: PlacedDate[] = [];
  for (const m of sentence.matchAll(DATE)) {
    const g = m.groups ?? {};
    const span = { text: m[0], start: m.index, end: m.index + m[0].length };
    const monthName = g.month ?? g.may ?? g.mayDay;
    const written = g.year ?? g.mayYear ?? g.mayDayYear ?? g.onlyYear;
    // "February this year", "May last year": the year the article's date implies.
    const relative = anchor && g.relYear ? anchor.year - (g.relYear === 'last' ? 1 : 0) : undefined;
    const year = written ? Number(written) : relative;
    if (monthName) dates.push({ ...span, month: readMonth(monthName), ...(year ? { year } : {}) });
    else if (year) dates.push({ ...span, year });
    else if (anchor && g.lastMonth) {
      const month = anchor.month === 1 ? 12 : anchor.month - 1;
      dates.push({ ...span, month, year: anchor.month === 1 ? anchor.year - 1 : anchor.year });
    } else if (anchor && g.lastYear) dates.push({ ...span, year: anchor.year - 1 });
    else if (anchor && g.thisYear) dates.push({ ...span, year: anchor.year });
  }
  return dates;
}

/** True if the page's date can be the source's `when` ("2022-07", "2022"): nothing either states differs. */
export function sameTime(page: EventDate, when: string): boolean {
  const [year, month] = when.split('-').map(Number);
  if (page.year !== undefined && year !== undefined && page.year !== year) return false;
  if (
    page.month !== undefined &&
    month !== undefined &&
    !Number.isNaN(month) &&
    page.month !== month
  ) {
    return false;
  }
  return true;
}
