/** Words a reader understands for figures, periods, verdicts and dates on the card. */
import type { EntityKind, Figure, Period, Qualifier } from '@/lib/facts/schema';
import type { Verdict } from '@/lib/match/types';

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  over: 'over ',
  about: 'about ',
  under: 'under ',
  'up-to': 'up to ',
};

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', GBP: '£', EUR: '€' };

const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** A number in news style: 2000000000 → "2 billion", 500000 → "500,000". */
export function formatNumber(value: number): string {
  for (const [scale, word] of SCALES) {
    if (Math.abs(value) >= scale) return `${Number((value / scale).toFixed(2))} ${word}`;
  }
  return value.toLocaleString('en-US');
}

/** A figure with its qualifier and unit, e.g. "over $1 billion", "about 300 count" → "about 300". */
export function formatFigure(figure: Pick<Figure, 'value' | 'unit' | 'qualifier'>): string {
  const symbol = CURRENCY_SYMBOLS[figure.unit];
  const number = formatNumber(figure.value);
  let amount = `${number} ${figure.unit}`;
  if (symbol) amount = `${symbol}${number}`;
  else if (figure.unit === 'count') amount = number;
  return `${QUALIFIER_WORDS[figure.qualifier]}${amount}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A partial ISO date as words: "2023-07" → "July 2023", "2023-08-17" → "17 August 2023". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!year || !monthName) return iso;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A normalised period as words: "past:2y" → "in the past 2 years", "total" → "overall". */
export function formatPeriod(period: Period): string {
  const [type, value = ''] = period.split(':');
  const count = Number.parseInt(value, 10);
  switch (type) {
    case 'total':
      return 'overall';
    case 'past': {
      const unit = value.endsWith('m') ? 'month' : 'year';
      return count === 1 ? `in the past ${unit}` : `in the past ${count} ${unit}s`;
    }
    case 'year':
      return `in ${value}`;
    case 'month':
      return `in ${formatDate(value)}`;
    case 'since':
      return `since ${value}`;
    default:
      return period;
  }
}

const VERDICT_WORDS: Record<Verdict, string> = {
  agrees: 'Agrees with the sources',
  differs: 'Differs from every source',
  'other-period': 'Sources give it for another period',
  'different-unit': 'Sources use another unit',
};

/** The verdict as a short heading. */
export function formatVerdict(verdict: Verdict): string {
  return VERDICT_WORDS[verdict];
}

const KIND_WORDS: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  country: 'Country',
  place: 'Place',
  programme: 'Programme',
  event: 'Event',
  concept: 'Concept',
};

/** An entity kind as a label. */
export function formatKind(kind: EntityKind): string {
  return KIND_WORDS[kind];
}
