/**
 * The words of figures, in one place for reading them on pages (figures.ts, periods.ts) and writing
 * them on cards (lib/shared/facts/describe.ts): number words, scales, currencies, qualifiers, months.
 * Each table lists the word a card writes first, then the other forms news uses.
 */
import type { Qualifier } from '@/lib/shared/facts/schema';

/** "zero" … "nineteen": index = value. */
export const SMALL_NUMBERS = [
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
] as const;

/** "twenty" … "ninety": index + 2 = tens. */
const TENS = [
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
] as const;

/** Scales, largest first: the word a card writes, its value, and the short forms news uses (the first for tight spaces). */
export const SCALES = [
  { word: 'trillion', value: 1e12, short: ['tn'] },
  { word: 'billion', value: 1e9, short: ['bn', 'b'] },
  { word: 'million', value: 1e6, short: ['m', 'mln', 'mn'] },
  { word: 'thousand', value: 1e3, short: ['k'] },
] as const;

/** Currencies by ISO code: signs (the first is written) and words a page may use. */
export const CURRENCIES: Record<string, { signs: string[]; words: string[] }> = {
  USD: { signs: ['$', 'US$', 'U.S.$', 'USD'], words: ['US dollars', 'dollars', 'dollar'] },
  GBP: { signs: ['£', 'GBP'], words: ['pounds sterling', 'pounds', 'pound'] },
  EUR: { signs: ['€', 'EUR'], words: ['euros', 'euro'] },
  KRW: { signs: ['₩', 'KRW'], words: ['won'] },
  JPY: { signs: ['¥', 'JPY'], words: ['yen'] },
};

/**
 * Qualifiers: the words a card writes first, then the other forms news uses. "nearly $2b" sits just
 * below $2b: it is read as about (±10 %), never as an open "under" bound.
 */
export const QUALIFIER_WORDS: Record<Qualifier, string[]> = {
  exact: [],
  over: ['over', 'more than', 'above', 'in excess of', 'at least', 'upwards of'],
  about: [
    'about',
    'around',
    'roughly',
    'approximately',
    'an estimated',
    'some',
    'nearly',
    'almost',
    'close to',
  ],
  under: ['under', 'less than', 'fewer than', 'below'],
  'up-to': ['up to', 'as much as', 'as many as'],
};

export const MONTHS = [
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
] as const;

/** Units of time: a number followed by one is a duration ("10 years"), never a figure to check. */
export const TIME_UNITS = [
  'decades',
  'decade',
  'years',
  'year',
  'months',
  'month',
  'weeks',
  'week',
  'days',
  'day',
  'hours',
  'hour',
];

/** Alternation of `words` for a regular expression, longest first (so "pounds sterling" beats "pounds"). */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** A global pattern for any of `phrases`, matched only as whole words (never inside "Mayor" or "20230"). */
export function phrasePattern(phrases: readonly string[], flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, `g${flags}`);
}

const QUALIFIER_BY_WORD = new Map<string, Qualifier>(
  Object.entries(QUALIFIER_WORDS).flatMap(([q, words]) =>
    words.map((w) => [w, q as Qualifier] as const),
  ),
);

/** The qualifier a phrase states ("more than" → over), or exact. */
export function readQualifier(words: string | undefined): Qualifier {
  return (words && QUALIFIER_BY_WORD.get(collapse(words))) || 'exact';
}

const SCALE_BY_WORD = new Map<string, number>(
  SCALES.flatMap((s) => [s.word, ...s.short].map((w) => [w, s.value] as const)),
);

/** The value of a scale word ("bn" → 1e9), or 1. */
export function readScale(word: string | undefined): number {
  return (word && SCALE_BY_WORD.get(word.toLowerCase())) || 1;
}

const CURRENCY_BY_FORM = new Map<string, string>(
  Object.entries(CURRENCIES).flatMap(([code, { signs, words }]) =>
    [...signs, ...words].map((form) => [form.toLowerCase(), code] as const),
  ),
);

/**
 * The unit a currency sign or word stands for ("US $" and "dollars" → "USD"), the unit itself for
 * "count", "percent" or an ISO code, or undefined.
 */
export function readUnit(raw: string): string | undefined {
  const form = collapse(raw).replace(/ \$$/, '$');
  if (form === 'count' || form === 'percent') return form;
  return CURRENCY_BY_FORM.get(form) ?? (/^[a-z]{3}$/.test(form) ? form.toUpperCase() : undefined);
}

/** The sign a card writes for a currency code, if it has one. */
export function currencySign(unit: string): string | undefined {
  return CURRENCIES[unit]?.signs[0];
}

/** The number (1–12) of a month name, or 0. */
export function readMonth(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((m) => m.toLowerCase() === lower) + 1;
}

/** Regex source of a number as news writes it: digits ("1,200.5") or words ("twenty-five", "half a"). */
export const NUMBER_PATTERN = `(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|(?:half\\s+an?|an?|(?:${TENS.join('|')})(?:[ -](?:${SMALL_NUMBERS.slice(1, 10).join('|')}))?|${SMALL_NUMBERS.join('|')}|a\\s+hundred)(?![\\p{L}]))`;

/** The value of a digit string ("1,200.5") or a number word ("half a", "twenty-five", "a"); NaN if neither. */
export function parseNumber(raw: string): number {
  const lower = collapse(raw);
  if (/^[\d,]*\.?\d+$/.test(lower)) return Number.parseFloat(lower.replace(/,/g, ''));
  if (/^half an?$/.test(lower)) return 0.5;
  if (lower === 'a' || lower === 'an') return 1;
  if (lower === 'a hundred') return 100;
  const [tens = '', units = 'zero'] = lower.split(/[ -]/);
  const tensIndex = (TENS as readonly string[]).indexOf(tens);
  const unitsIndex = (SMALL_NUMBERS as readonly string[]).indexOf(units);
  if (tensIndex >= 0 && unitsIndex >= 0 && unitsIndex < 10)
    return (tensIndex + 2) * 10 + unitsIndex;
  const small = (SMALL_NUMBERS as readonly string[]).indexOf(lower);
  return small >= 0 ? small : Number.NaN;
}

/** A number as a word when news would spell it ("two years"), else digits. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 10 ? (SMALL_NUMBERS[n] as string) : String(n);
}

function collapse(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
