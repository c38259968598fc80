/**
 * The card of a claim mark: a page figure beside the source figures of the same measure, or a sourced
 * claim the page restates. It never contradicts itself: its verdict sentence and every source row
 * come from the same comparisons, each row with its own relation, attribution, quote and origin, and
 * a quote is shown only where a real one was given.
 */

import type { NumberLineData } from '@/lib/annotator/card/number-line-layout';
import {
  describePeriod,
  describeScope,
  formatDate,
  formatEventDate,
  formatFigure,
  RELATION_WORDS,
  RESTATED_LABELS,
  ratingLabel,
  VERDICT_LABELS,
} from '@/lib/shared/facts/describe';
import type { Claim, Figure } from '@/lib/shared/facts/schema';
import { figureReason, incidentName, restatedReason, whoOf } from '@/lib/shared/match/explain';
import type { Annotation, Comparison, FigureMention, Verdict } from '@/lib/shared/match/types';
import { valueIn } from '@/lib/shared/match/verdicts';
import type { FactLookup, FigureCardData, SourceRow } from './card-types';
import { citationOf, notesAbout, ratingOf, withOrigin } from './citation';

/**
 * A claim annotation's verdict as a heading, the same on the card and in the popup: "Conflicts with
 * the sources", "Restates a sourced claim", "Dated otherwise than the source", "Rated “False”".
 */
export function verdictLabelOf(annotation: Annotation, claim: Claim | undefined): string {
  if (annotation.figure) return VERDICT_LABELS[annotation.verdict ?? 'other-scope'];
  if (claim?.rating) return ratingLabel(claim.rating.label);
  return RESTATED_LABELS[annotation.pageDate ? 'differs' : 'agrees'];
}

/** Rows in this order: what is compared first, then what is only shown beside it. */
const ROW_ORDER: Verdict[] = ['agrees', 'differs', 'other-period', 'different-unit', 'other-scope'];

export function claimCard(annotation: Annotation, facts: FactLookup): FigureCardData | undefined {
  const claim = facts.claims.get(annotation.factId);
  if (!claim) return undefined;
  const figure = annotation.figure;
  return figure
    ? figureCard(annotation, figure, claim, facts)
    : restatedCard(annotation, claim, facts);
}

function figureCard(
  annotation: Annotation,
  figure: FigureMention,
  claim: Claim,
  facts: FactLookup,
): FigureCardData {
  const comparisons = orderedComparisons(annotation.comparisons ?? []);
  const rows = comparisons.flatMap((c) => {
    const compared = facts.claims.get(c.claimId);
    return compared?.figure ? [sourceRow(compared, compared.figure, c.verdict, facts)] : [];
  });
  const sentence = figureReason(facts, claim, figure, comparisons);
  return {
    ...claimCardCommon(annotation, claim, annotation.verdict ?? 'other-scope', sentence, facts),
    page: {
      text: figure.text,
      value: formatFigure(figure),
      period: describePeriod(figure.period),
      scope: describeScope(figure, incidentName(facts, figure) ?? figure.incidentWords),
    },
    rows,
    ...withNumberLine(figure, rows),
  };
}

/** What every claim card has: its verdict as a heading and as one sentence, and the notes on the claim. */
function claimCardCommon(
  annotation: Annotation,
  claim: Claim,
  verdict: Verdict,
  sentence: string,
  facts: FactLookup,
) {
  return {
    kind: 'claim' as const,
    annotation,
    claim,
    verdict,
    verdictLabel: verdictLabelOf(annotation, claim),
    sentence,
    notes: notesAbout(facts, { kind: 'claim', id: claim.id }),
  };
}

function orderedComparisons(comparisons: readonly Comparison[]): Comparison[] {
  return [...comparisons].sort(
    (a, b) => ROW_ORDER.indexOf(a.verdict) - ROW_ORDER.indexOf(b.verdict),
  );
}

function sourceRow(claim: Claim, figure: Figure, relation: Verdict, facts: FactLookup): SourceRow {
  const source = facts.sources.get(claim.sourceId);
  const cited = citationOf(facts, claim.sourceId);
  const date = claim.when ?? source?.published;
  return {
    claim,
    relation,
    relationWords: RELATION_WORDS[relation],
    value: formatFigure(figure),
    period: describePeriod(figure.period),
    scope: describeScope(figure, incidentName(facts, figure)),
    ...(claim.attributedTo ? { who: whoOf(claim, source) } : {}),
    ...(cited?.publisher ? { publisher: cited.publisher } : {}),
    ...(date ? { date: formatDate(date) } : {}),
    ...(claim.evidence ? { quote: claim.evidence } : {}),
    ...(cited ? { source: cited } : {}),
    ...withOrigin(facts, 'claims', claim.id),
  };
}

/** The number line of a figure card: the page and every source row that shares its unit. */
function withNumberLine(figure: FigureMention, rows: SourceRow[]): { numberLine?: NumberLineData } {
  const marks = rows.flatMap((row) => {
    const unit = row.claim.figure?.unit;
    const value = unit === undefined ? undefined : valueIn(figure, unit);
    return row.claim.figure && value !== undefined
      ? [{ unit: row.claim.figure.unit, pageValue: value, row, figure: row.claim.figure }]
      : [];
  });
  const first = marks[0];
  if (!first) return {};
  const sameUnit = marks.filter((m) => m.unit === first.unit);
  return {
    numberLine: {
      unit: first.unit,
      page: {
        who: 'This page',
        value: formatFigure({ ...figure, value: first.pageValue, unit: first.unit }),
        period: describePeriod(figure.period),
        figure: { value: first.pageValue, qualifier: figure.qualifier },
      },
      sources: sameUnit.map(({ row, figure: f }) => ({
        who: row.who ?? row.publisher ?? 'A source',
        value: row.value,
        period: row.period,
        figure: { value: f.value, qualifier: f.qualifier },
        relation: row.relation,
      })),
    },
  };
}

function restatedCard(annotation: Annotation, claim: Claim, facts: FactLookup): FigureCardData {
  const source = facts.sources.get(claim.sourceId);
  const cited = citationOf(facts, claim.sourceId);
  const rating = ratingOf(claim, cited);
  const pageDate = annotation.pageDate;
  const sentence = restatedReason(facts, claim, pageDate);
  return {
    ...claimCardCommon(annotation, claim, annotation.verdict ?? 'agrees', sentence, facts),
    rows: [],
    restated: {
      statement: claim.statement,
      ...(claim.attributedTo ? { who: whoOf(claim, source) } : {}),
      ...(cited?.publisher ? { publisher: cited.publisher } : {}),
      ...(claim.when ? { date: formatDate(claim.when) } : {}),
      ...(claim.evidence ? { quote: claim.evidence } : {}),
      ...(pageDate ? { pageDate: formatEventDate(pageDate) } : {}),
      ...(cited ? { source: cited } : {}),
      ...(rating ? { rating } : {}),
      ...withOrigin(facts, 'claims', claim.id),
    },
  };
}
