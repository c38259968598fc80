/**
 * Figures, periods, dates and verdicts in the words a reader understands. One place for them, so the
 * card, the popup, the options page and the matcher say the same thing the same way; the words
 * themselves (scales, currencies, qualifiers, months) come from the vocabulary the reader of pages uses.
 * The sentences built from these words (verdicts, restated claims) are in `verdict-sentences.ts`.
 */
import type { Figure, Period, Qualifier } from '@/lib/shared/facts/schema';
import type { EventDate, Verdict } from '@/lib/shared/match/types';
import {
  CURRENCIES,
  currencySign,
  MONTHS,
  numberWord,
  QUALIFIER_WORDS,
  SCALES,
} from '@/lib/shared/match/vocabulary';

/** A number in news style: 2000000000 → "2 billion", 1250000 → "1.25 million", 500000 → "500,000". */
export function formatNumber(value: number): string {
  for (const { word, value: scale } of SCALES) {
    if (scale >= 1e6 && Math.abs(value) >= scale) {
      return `${Math.round((value / scale) * 100) / 100} ${word}`;
    }
  }
  return groupThousands(Math.round(value * 100) / 100);
}

/** 1234567.5 → "1,234,567.5" (toLocaleString is slow, and its output depends on the browser's locale data). */
function groupThousands(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** An amount in a tight space, such as a scale's ticks: "$1.5bn", "£450m", "300k", "40 %". */
export function formatCompact(value: number, unit: string): string {
  const scale = SCALES.find((s) => Math.abs(value) >= s.value);
  const number = scale
    ? `${Math.round((value / scale.value) * 10) / 10}${scale.short[0]}`
    : groupThousands(Math.round(value * 10) / 10);
  const sign = currencySign(unit);
  if (sign) return `${sign}${number}`;
  return unit === 'percent' ? `${number} %` : number;
}

/** An amount with its unit: "$1.2 billion", "£450 million", "3,000", "40 %", "12 kg". */
function formatAmount(figure: Pick<Figure, 'value' | 'unit'>): string {
  const sign = currencySign(figure.unit);
  const number = formatNumber(figure.value);
  if (sign) return `${sign}${number}`;
  if (figure.unit === 'count') return number;
  if (figure.unit === 'percent') return `${number} %`;
  return `${number} ${figure.unit}`;
}

function qualifierWord(qualifier: Qualifier): string {
  const word = QUALIFIER_WORDS[qualifier][0];
  return word ? `${word} ` : '';
}

/** An amount with its qualifier: "over $1 billion", "about 300", "up to £5 million". */
export function formatFigure(figure: Pick<Figure, 'value' | 'unit' | 'qualifier'>): string {
  return `${qualifierWord(figure.qualifier)}${formatAmount(figure)}`;
}

/** A partial ISO date as words: "2023-07" → "July 2023", "2023-08-17" → "17 August 2023". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!year || !monthName) return iso;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A date the page gives: "March", "July 2022", "2021". */
export function formatEventDate(date: Pick<EventDate, 'year' | 'month'>): string {
  const month = date.month ? MONTHS[date.month - 1] : undefined;
  return [month, date.year].filter((part) => part !== undefined).join(' ');
}

/**
 * A normalised period as words: "overall", "in the past two years", "in 2024", "in July 2023",
 * "since 2017", "between 2017 and 2023".
 */
export function describePeriod(period: Period): string {
  const [kind, arg = ''] = period.split(':');
  switch (kind) {
    case 'past': {
      const n = Number.parseFloat(arg);
      const unit = arg.endsWith('m') ? 'month' : 'year';
      return n === 1 ? `in the past ${unit}` : `in the past ${numberWord(n)} ${unit}s`;
    }
    case 'year':
      return `in ${arg}`;
    case 'since':
      return `since ${arg}`;
    case 'month':
      return `in ${formatDate(arg)}`;
    case 'range': {
      const [from, to] = arg.split('-');
      return `between ${from} and ${to}`;
    }
    default:
      return 'overall';
  }
}

/** A whole figure in plain words: "over $1 billion in the past two years", "about $2 billion overall". */
export function describeFigure(figure: Figure): string {
  return `${formatFigure(figure)} ${describePeriod(figure.period)}`;
}

/** A figure's period as a tail to its amount: "" for a total, else " in the past two years". */
export function periodTail(period: Period): string {
  return period === 'total' ? '' : ` ${describePeriod(period)}`;
}

/** The unit in words: "US dollars", "pounds sterling", "counts", "percentages". */
export function describeUnit(unit: string): string {
  if (unit === 'count') return 'counts';
  if (unit === 'percent') return 'percentages';
  return CURRENCIES[unit]?.words[0] ?? unit;
}

/** The verdict as a short heading, the same on the card and in the popup. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  agrees: 'Agrees with the sources',
  differs: 'Conflicts with the sources',
  'other-period': 'Sources give a different period',
  'other-scope': 'Sources count something else',
  'different-unit': 'Sources use a different unit',
};

/** A restated claim's verdict as a heading: the page retells it, or dates it otherwise. */
export const RESTATED_LABELS: Record<'agrees' | 'differs', string> = {
  agrees: 'Restates a sourced claim',
  differs: 'Dated otherwise than the source',
};

/** A fact-checker's rating as a heading: "Rated “Mostly False”". */
export function ratingLabel(label: string): string {
  return `Rated “${label}”`;
}

/** What the card says of a claim a fact-checker rated: who rated it, how, and when. */
export function ratingSentence(label: string, checker?: string, published?: string): string {
  const date = published ? ` (${formatDate(published)})` : '';
  return `${checker ?? 'A fact-checker'} rated this claim “${label}”${date}.`;
}

/** One source row's relation to the page, in a word or two. */
export const RELATION_WORDS: Record<Verdict, string> = {
  agrees: 'agrees',
  differs: 'differs',
  'other-period': 'other period',
  'other-scope': 'other scope',
  'different-unit': 'other unit',
};

/** A glyph beside each relation, on the line and on the card's rows, so none is told by colour alone. */
export const RELATION_GLYPHS: Record<Verdict, string> = {
  agrees: '✓',
  differs: '≠',
  'other-period': '↔',
  'other-scope': '↔',
  'different-unit': '↔',
};

/** "Sources put …" at the start of a sentence or a heading. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the card says a figure counts: "in total", or "one incident: the Harmony bridge hack". */
export function describeScope(figure: Pick<Figure, 'scope'>, incidentName?: string): string {
  if ((figure.scope ?? 'total') === 'total') return 'in total';
  return incidentName ? `one incident: ${incidentName}` : 'one incident';
}

/**
 * A figure written back the way the options form reads it ("over $1.7 billion in 2022"), exactly:
 * read again, it gives the same value, unit, qualifier and period. A value that a scale word cannot
 * write exactly is written in full ("$1,234,567,891").
 */
export function figureAsTyped(
  figure: Pick<Figure, 'value' | 'unit' | 'qualifier' | 'period'>,
): string {
  const amount = exactAmount(figure, true);
  const period = figure.period === 'total' ? '' : ` ${describePeriod(figure.period)}`;
  return `${qualifierWord(figure.qualifier)}${amount}${period}`;
}

/** The number with its unit, exact: "$1.7 billion" (short) or "$1,700,000,000" (in full). */
function exactAmount(figure: Pick<Figure, 'value' | 'unit'>, short: boolean): string {
  const number = (short && exactScaled(figure.value)) || groupThousands(figure.value);
  const sign = currencySign(figure.unit);
  if (sign) return `${sign}${number}`;
  if (figure.unit === 'count') return number;
  if (figure.unit === 'percent') return `${number}%`;
  return `${number} ${figure.unit}`;
}

/** "1.7 billion" when that reads back as exactly `value`, else undefined. */
function exactScaled(value: number): string | undefined {
  for (const { word, value: scale } of SCALES) {
    if (scale < 1e6 || Math.abs(value) < scale) continue;
    const short = String(Number((value / scale).toFixed(3)));
    return Number(short) * scale === value ? `${short} ${word}` : undefined;
  }
  return undefined;
}

/** How the form's preview says a bound, unmistakably: "more than", not "over" (which can read as a period). */
const BOUND_WORDS: Record<Qualifier, string> = {
  exact: '',
  over: 'more than ',
  about: 'about ',
  under: 'less than ',
  'up-to': 'up to ',
};

/**
 * What the options form read from a typed figure, part by part, with every digit shown so a slip
 * of scale is seen: "more than $1,000,000,000 · in the past two years · in total".
 */
export function describeReading(
  figure: Pick<Figure, 'value' | 'unit' | 'qualifier' | 'period' | 'scope'>,
  incidentName?: string,
): string {
  const amount = `${BOUND_WORDS[figure.qualifier]}${exactAmount(figure, false)}`;
  const period = figure.period === 'total' ? 'no period given' : describePeriod(figure.period);
  return [amount, period, describeScope(figure, incidentName)].join(' · ');
}
