/**
 * The sentences a card says: the verdict on a figure (naming what is compared, never contradicting
 * its rows), a restated claim and a date the page gets otherwise than its source.
 */
import type { Figure } from '@/lib/shared/facts/schema';
import type { EventDate, FigureMention, Verdict } from '@/lib/shared/match/types';
import { valueIn } from '@/lib/shared/match/verdicts';
import { numberWord } from '@/lib/shared/match/vocabulary';
import {
  capitalise,
  describePeriod,
  describeUnit,
  formatDate,
  formatEventDate,
  formatFigure,
  periodTail,
} from './describe';

/**
 * How much a page value is beside a source value, the way an editor would say it: "half as much
 * again", "twice as much", "about 20 % less", "a third as much".
 */
export function ratioWords(page: number, source: number): string {
  const r = page / source;
  if (!Number.isFinite(r) || r <= 0) return 'a different amount';
  if (r >= 1) {
    if (Math.abs(r - 1.5) <= 0.05) return 'half as much again';
    const n = Math.round(r);
    if (n >= 2 && Math.abs(r - n) <= 0.05 * n)
      return n === 2 ? 'twice as much' : `${numberWord(n)} times as much`;
    if (r < 2) return `about ${Math.max(5, Math.round(((r - 1) * 100) / 5) * 5)} % more`;
    return `about ${Math.round(r * 10) / 10} times as much`;
  }
  for (const [fraction, words] of FRACTIONS) {
    if (Math.abs(r - fraction) <= 0.03) return words;
  }
  if (r < 0.1) return 'less than a tenth as much';
  return `about ${Math.max(5, Math.round(((1 - r) * 100) / 5) * 5)} % less`;
}

const FRACTIONS: [number, string][] = [
  [1 / 2, 'half as much'],
  [1 / 3, 'a third as much'],
  [2 / 3, 'two thirds as much'],
  [1 / 4, 'a quarter as much'],
  [3 / 4, 'three quarters as much'],
];

/** A source figure as the verdict sentence needs it: its figure, its relation, and who gave it. */
export interface VerdictRow {
  figure: Figure;
  relation: Verdict;
  /** Who gave the figure: the person it is attributed to, or the publisher. */
  who: string;
}

/**
 * The verdict in one plain sentence, naming what is compared and never contradicting the rows:
 * "Sources put North Korea's total crypto theft at about $2 billion; this page says $3 billion, half
 * as much again." `label` names the measure (or the incident) in words.
 */
export function verdictSentence(
  page: FigureMention,
  verdict: Verdict,
  rows: readonly VerdictRow[],
  label: string,
): string {
  const says = `this page says ${page.text}${periodTail(page.period)}`;
  const comparable = rows.filter((r) => r.relation === 'agrees' || r.relation === 'differs');
  if (verdict === 'agrees' || verdict === 'differs') {
    const subject = comparable.length === 1 ? (comparable[0] as VerdictRow).who : 'Sources';
    const values = listWords(
      unique(comparable.map((r) => `${formatFigure(r.figure)}${periodTail(r.figure.period)}`)),
    );
    const lead = `${subject} put ${label} at ${values}`;
    if (verdict === 'differs')
      return `${capitalise(lead)}; ${says}, ${difference(page, comparable)}.`;
    const agreeing = comparable.filter((r) => r.relation === 'agrees');
    const withWhom =
      agreeing.length < comparable.length
        ? ` with ${listWords(unique(agreeing.map((r) => r.who)))}`
        : '';
    return `${capitalise(lead)}; ${says}, which agrees${withWhom}.`;
  }
  const shown = rows.filter((r) => r.relation === verdict);
  const notCompared = 'so the figures are not compared';
  if (verdict === 'other-period') {
    const periods = listWords(unique(shown.map((r) => describePeriod(r.figure.period))));
    return `${capitalise(says)}; sources give ${label} only ${periods}, ${notCompared}.`;
  }
  if (verdict === 'different-unit') {
    const units = listWords(unique(shown.map((r) => describeUnit(r.figure.unit))));
    return `${capitalise(says)}; sources give ${label} only in ${units}, ${notCompared}.`;
  }
  if ((page.scope ?? 'total') === 'incident') {
    const which = page.incidentWords ? ` (“${page.incidentWords}”)` : '';
    return `This page says ${page.text}${periodTail(page.period)} for a single incident${which}; sources give only ${label}, ${notCompared}.`;
  }
  return `${capitalise(says)} in total; sources give only single incidents, ${notCompared}.`;
}

/** Why the page's figure differs from the nearest comparable source figure. */
function difference(page: FigureMention, comparable: readonly VerdictRow[]): string {
  let nearest: { row: VerdictRow; value: number } | undefined;
  for (const row of comparable) {
    const value = valueIn(page, row.figure.unit);
    if (value === undefined) continue;
    const distance = Math.abs(Math.log(value / row.figure.value));
    if (!nearest || distance < Math.abs(Math.log(nearest.value / nearest.row.figure.value))) {
      nearest = { row, value };
    }
  }
  if (!nearest) return 'which differs';
  const { row, value } = nearest;
  // A floor or a ceiling is not a point: say which side of it the page is on.
  if (row.figure.qualifier === 'over' && value < row.figure.value) return 'less than that';
  if (
    (row.figure.qualifier === 'under' || row.figure.qualifier === 'up-to') &&
    value > row.figure.value
  ) {
    return 'more than that';
  }
  return ratioWords(value, row.figure.value);
}

/** What the card says of a restated claim whose source gives the same event. */
export function restatedSentence(
  who: string | undefined,
  publisher: string,
  when?: string,
): string {
  const date = when ? formatDate(when) : undefined;
  if (who)
    return `This restates what ${who} said, as reported by ${publisher}${date ? ` (${date})` : ''}.`;
  return `This restates a claim reported by ${publisher}${date ? `, which dates it to ${date}` : ''}.`;
}

/** What the card says when the page puts a sourced event at another time. */
export function dateConflictSentence(publisher: string, when: string, page: EventDate): string {
  return `${publisher} dates this to ${formatDate(when)}; this page puts it in ${formatEventDate(page)}.`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
