/**
 * Everything one card shows, resolved from an annotation and the fact base (pure), in the words the
 * card prints. A claim card never contradicts itself: its verdict sentence and every source row
 * come from the same comparisons, each row with its own relation, attribution and quote.
 */
import {
  describePeriod,
  describeScope,
  formatDate,
  formatEventDate,
  formatFigure,
  RELATION_WORDS,
  RESTATED_LABELS,
  VERDICT_LABELS,
} from '@/lib/facts/describe';
import type { Claim, Entity, Figure, Source } from '@/lib/facts/schema';
import { figureReason, incidentName, restatedReason, whoOf } from '@/lib/match/explain';
import type { FactIndex } from '@/lib/match/index';
import type { Annotation, Comparison, FigureMention, Verdict } from '@/lib/match/types';
import { valueIn } from '@/lib/match/verdicts';
import type { NumberLineData } from './NumberLine';

/** The lookups the card and the summary need from the fact index. */
export type FactLookup = Pick<
  FactIndex,
  'entities' | 'claims' | 'sources' | 'claimsBySubject' | 'measureLabels'
>;

/** A claim with the source it comes from. */
export interface SourcedClaim {
  claim: Claim;
  source?: Source;
}

export interface EntityCardData {
  kind: 'entity';
  entity: Entity;
  /** Claims about the entity, newest first. */
  claims: SourcedClaim[];
  sources: Source[];
}

/** One source figure beside the page's, in words, with its own relation and its own quote. */
export interface SourceRow extends SourcedClaim {
  relation: Verdict;
  /** "agrees", "differs", "other period", "other scope", "other unit". */
  relationWords: string;
  /** "about $2 billion". */
  value: string;
  /** "overall", "in the past two years". */
  period: string;
  /** "in total", or "one incident: the Ronin hack". */
  scope: string;
  /** The person or body who gave the figure, when the source attributes it. */
  who?: string;
  publisher?: string;
  /** When it was said or happened (else when the source was published), in words: "July 2023". */
  date?: string;
  /** The source's own words for this figure; none when the claim has no quote (never invented). */
  quote?: string;
}

/** What the page says, in words. */
export interface PageFigure {
  /** As the page writes it: "more than $1 billion", "$3bn (£2.4bn)". */
  text: string;
  /** Normalised: "over $1 billion". */
  value: string;
  period: string;
  scope: string;
}

/** What the source of a restated claim says, and when. */
export interface RestatedClaim extends SourcedClaim {
  /** The claim in the project's words. */
  statement: string;
  who?: string;
  publisher?: string;
  /** When the source dates the event, in words. */
  date?: string;
  /** The source's own words; none when the claim has no quote (never invented). */
  quote?: string;
  /** The page's other date for the event ("March"), when it conflicts. */
  pageDate?: string;
}

/**
 * The card of a claim mark: a figure compared with the sources (`page`, `rows`, `numberLine`), or
 * a sourced claim the page restates (`restated`). `comparisons` is the older shape of `rows`.
 */
export interface FigureCardData {
  kind: 'claim';
  annotation: Annotation;
  /** The claim the page's figure or sentence speaks about. */
  claim?: Claim;
  verdict: Verdict;
  /** The verdict as a heading: "Conflicts with the sources". */
  verdictLabel: string;
  /** The verdict in one plain sentence (the same as the annotation's reason). */
  sentence: string;
  page?: PageFigure;
  /** Each source figure of the same measure, comparable ones first. */
  rows: SourceRow[];
  /** The page's figure and the sources' on one axis; absent when no source shares its unit. */
  numberLine?: NumberLineData;
  restated?: RestatedClaim;
  comparisons: (SourcedClaim & { verdict: Verdict })[];
  sources: Source[];
}

export type CardData = EntityCardData | FigureCardData;

/** How many related claims an entity card lists. */
const MAX_RELATED_CLAIMS = 4;

/** Rows in this order: what is compared first, then what is only shown beside it. */
const ROW_ORDER: Verdict[] = ['agrees', 'differs', 'other-period', 'different-unit', 'other-scope'];

/** The card for `annotation`, or undefined if its fact is not in the fact base. */
export function cardDataFor(annotation: Annotation, facts: FactLookup): CardData | undefined {
  return annotation.kind === 'entity'
    ? entityCard(annotation.factId, facts)
    : claimCard(annotation, facts);
}

function entityCard(entityId: string, facts: FactLookup): EntityCardData | undefined {
  const entity = facts.entities.get(entityId);
  if (!entity) return undefined;
  const claims = [...(facts.claimsBySubject.get(entityId) ?? [])]
    .sort((a, b) => (b.when ?? '').localeCompare(a.when ?? ''))
    .slice(0, MAX_RELATED_CLAIMS)
    .map((claim) => sourced(claim, facts));
  const sourceIds = [...entity.sourceIds, ...claims.map((c) => c.claim.sourceId)];
  return { kind: 'entity', entity, claims, sources: sourcesOf(sourceIds, facts) };
}

function claimCard(annotation: Annotation, facts: FactLookup): FigureCardData | undefined {
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
  const verdict = annotation.verdict ?? 'other-scope';
  return {
    kind: 'claim',
    annotation,
    claim,
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    sentence: figureReason(facts, claim, figure, comparisons),
    page: {
      text: figure.text,
      value: formatFigure(figure),
      period: describePeriod(figure.period),
      scope: describeScope(figure, incidentName(facts, figure) ?? figure.incidentWords),
    },
    rows,
    ...withNumberLine(figure, rows),
    comparisons: rows.map(({ claim: c, source, relation }) => ({
      claim: c,
      source,
      verdict: relation,
    })),
    sources: sourcesOf([claim.sourceId, ...rows.map((r) => r.claim.sourceId)], facts),
  };
}

function orderedComparisons(comparisons: readonly Comparison[]): Comparison[] {
  return [...comparisons].sort(
    (a, b) => ROW_ORDER.indexOf(a.verdict) - ROW_ORDER.indexOf(b.verdict),
  );
}

function sourceRow(claim: Claim, figure: Figure, relation: Verdict, facts: FactLookup): SourceRow {
  const source = facts.sources.get(claim.sourceId);
  const date = claim.when ?? source?.published;
  return {
    claim,
    source,
    relation,
    relationWords: RELATION_WORDS[relation],
    value: formatFigure(figure),
    period: describePeriod(figure.period),
    scope: describeScope(figure, incidentName(facts, figure)),
    ...(claim.attributedTo ? { who: whoOf(claim, source) } : {}),
    ...(source?.publisher ? { publisher: source.publisher } : {}),
    ...(date ? { date: formatDate(date) } : {}),
    ...(claim.evidence ? { quote: claim.evidence } : {}),
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
  const verdict = annotation.verdict ?? 'agrees';
  const pageDate = annotation.pageDate;
  return {
    kind: 'claim',
    annotation,
    claim,
    verdict,
    verdictLabel: RESTATED_LABELS[pageDate ? 'differs' : 'agrees'],
    sentence: restatedReason(facts, claim, pageDate),
    rows: [],
    restated: {
      claim,
      source,
      statement: claim.statement,
      ...(claim.attributedTo ? { who: whoOf(claim, source) } : {}),
      ...(source?.publisher ? { publisher: source.publisher } : {}),
      ...(claim.when ? { date: formatDate(claim.when) } : {}),
      ...(claim.evidence ? { quote: claim.evidence } : {}),
      ...(pageDate ? { pageDate: formatEventDate(pageDate) } : {}),
    },
    comparisons: [],
    sources: sourcesOf([claim.sourceId], facts),
  };
}

function sourced(claim: Claim, facts: FactLookup): SourcedClaim {
  return { claim, source: facts.sources.get(claim.sourceId) };
}

/** Distinct sources for the ids, in first-mention order, skipping unknown ids. */
function sourcesOf(ids: readonly string[], facts: FactLookup): Source[] {
  return [...new Set(ids)].flatMap((id) => {
    const source = facts.sources.get(id);
    return source ? [source] : [];
  });
}
