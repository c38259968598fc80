/**
 * Figures, periods and dates in the words a reader understands. One place for them, so the card,
 * the popup, the matcher's reason lines and reader facts all say the same thing the same way.
 */
import type { Figure, Period, Qualifier } from '@/lib/facts/schema';

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  over: 'over ',
  about: 'about ',
  under: 'under ',
  'up-to': 'up to ',
};

const CURRENCY_SIGNS: Record<string, string> = {
  USD: '$',
  GBP: '£',
  EUR: '€',
  KRW: '₩',
  JPY: '¥',
};

const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

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

/** A number in news style: 2000000000 → "2 billion", 1250000 → "1.25 million", 500000 → "500,000". */
export function formatNumber(value: number): string {
  for (const [scale, word] of SCALES) {
    if (Math.abs(value) >= scale) return `${Math.round((value / scale) * 100) / 100} ${word}`;
  }
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** An amount with its unit: "$1.2 billion", "£450 million", "3,000", "40 %", "10 years". */
export function formatAmount(figure: Pick<Figure, 'value' | 'unit'>): string {
  const sign = CURRENCY_SIGNS[figure.unit];
  const number = formatNumber(figure.value);
  if (sign) return `${sign}${number}`;
  if (figure.unit === 'count') return number;
  if (figure.unit === 'percent') return `${number} %`;
  return `${number} ${figure.unit}`;
}

/** An amount with its qualifier: "over $1 billion", "about 300", "up to 10 years". */
export function formatFigure(figure: Pick<Figure, 'value' | 'unit' | 'qualifier'>): string {
  return `${QUALIFIER_WORDS[figure.qualifier]}${formatAmount(figure)}`;
}

/** A partial ISO date as words: "2023-07" → "July 2023", "2023-08-17" → "17 August 2023". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!year || !monthName) return iso;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A normalised period as words: "overall", "in the past 2 years", "in 2024", "in July 2023", "since 2017". */
export function describePeriod(period: Period): string {
  const [kind, arg = ''] = period.split(':');
  switch (kind) {
    case 'past': {
      const n = Number.parseFloat(arg);
      const unit = arg.endsWith('m') ? 'month' : 'year';
      return n === 1 ? `in the past ${unit}` : `in the past ${n} ${unit}s`;
    }
    case 'year':
    case 'since':
      return `${kind === 'year' ? 'in' : 'since'} ${arg}`;
    case 'month':
      return `in ${formatDate(arg)}`;
    default:
      return 'overall';
  }
}

/** A whole figure in plain words: "over $1 billion in the past 2 years". */
export function describeFigure(figure: Figure): string {
  return `${formatFigure(figure)} ${describePeriod(figure.period)}`;
}
