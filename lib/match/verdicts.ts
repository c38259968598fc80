/**
 * Compares a figure on the page with every source claim of the same measure (DESIGN.md verdicts)
 * and says so in one line a reader understands.
 */
import type { Claim, Figure, Period } from '@/lib/facts/schema';
import type { Comparison, Verdict } from './types';

/** Relative tolerance of "about" (DESIGN.md: ±10 %). */
const ABOUT_TOLERANCE = 0.1;
/** Exact figures are rounded in news ("$2b" for $2.04 billion): half a percent either way. */
const EXACT_TOLERANCE = 0.005;

/** The closed range of values a figure allows, given its qualifier. */
export function boundsOf(figure: Figure): [number, number] {
  const v = figure.value;
  switch (figure.qualifier) {
    case 'over':
      return [v, Number.POSITIVE_INFINITY];
    case 'under':
    case 'up-to':
      return [0, v];
    case 'about':
      return [v * (1 - ABOUT_TOLERANCE), v * (1 + ABOUT_TOLERANCE)];
    default:
      return [v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)];
  }
}

/** How one page figure compares with one source figure. */
export function compareFigures(page: Figure, source: Figure): Verdict {
  if (page.unit !== source.unit) return 'different-unit';
  if (page.period !== source.period) return 'other-period';
  const [a0, a1] = boundsOf(page);
  const [b0, b1] = boundsOf(source);
  return a0 <= b1 && b0 <= a1 ? 'agrees' : 'differs';
}

/** Comparisons of the page figure with each claim (claims without a figure are skipped). */
export function compareWithClaims(page: Figure, claims: Claim[]): Comparison[] {
  const out: Comparison[] = [];
  for (const claim of claims) {
    if (claim.figure) out.push({ claimId: claim.id, verdict: compareFigures(page, claim.figure) });
  }
  return out;
}

/**
 * The overall verdict. Rule: the page figure "differs" only if at least one source figure has the
 * same unit and period AND the page conflicts with every one of those; if any of them agrees, it
 * "agrees". With no same-period figure it is "other-period" (shown side by side, never a conflict),
 * and with no same-unit figure at all, "different-unit".
 */
export function overallVerdict(comparisons: Comparison[]): Verdict {
  const samePeriod = comparisons.filter((c) => c.verdict === 'agrees' || c.verdict === 'differs');
  if (samePeriod.length > 0) {
    return samePeriod.some((c) => c.verdict === 'agrees') ? 'agrees' : 'differs';
  }
  return comparisons.some((c) => c.verdict === 'other-period') ? 'other-period' : 'different-unit';
}

/** "this page: $3 billion; sources: $2 billion overall, over $1 billion in the past 2 years". */
export function reasonLine(page: Figure, claims: Claim[]): string {
  const sources = claims.flatMap((c) => (c.figure ? [describeFigure(c.figure)] : []));
  const unique = [...new Set(sources)];
  return `this page: ${describeFigure(page)}; sources: ${unique.join(', ')}`;
}

const QUALIFIER_WORDS: Record<Figure['qualifier'], string> = {
  exact: '',
  over: 'over ',
  about: 'about ',
  under: 'under ',
  'up-to': 'up to ',
};

const CURRENCY_SIGNS: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', KRW: '₩', JPY: '¥' };

/** A figure in plain words: "over $1 billion in the past 2 years". */
export function describeFigure(figure: Figure): string {
  return `${QUALIFIER_WORDS[figure.qualifier]}${formatAmount(figure)} ${describePeriod(figure.period)}`;
}

/** "$1.2 billion", "£450 million", "3,000", "40 %", "10 years". */
export function formatAmount(figure: Figure): string {
  const sign = CURRENCY_SIGNS[figure.unit];
  const number = formatNumber(figure.value);
  if (sign) return `${sign}${number}`;
  if (figure.unit === 'count') return number;
  if (figure.unit === 'percent') return `${number} %`;
  return `${number} ${figure.unit}`;
}

function formatNumber(value: number): string {
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [size, word] of scales) {
    if (value >= size) return `${round(value / size)} ${word}`;
  }
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

const MONTH_NAMES = [
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

/** "overall", "in the past 2 years", "in 2024", "in July 2023", "since 2017". */
export function describePeriod(period: Period): string {
  const [kind, arg = ''] = period.split(':');
  if (kind === 'past') {
    const n = Number.parseFloat(arg);
    const unit = arg.endsWith('m') ? 'month' : 'year';
    return n === 1 ? `in the past ${unit}` : `in the past ${n} ${unit}s`;
  }
  if (kind === 'year') return `in ${arg}`;
  if (kind === 'since') return `since ${arg}`;
  if (kind === 'month') {
    const [year, month] = arg.split('-');
    return `in ${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`;
  }
  return 'overall';
}
