/**
 * Everything one card shows, resolved from an annotation and the fact base (pure), in the words the
 * card prints. A claim card never contradicts itself: its verdict sentence and every source row
 * come from the same comparisons, each row with its own relation, attribution, quote and origin.
 * Every fact says where it comes from (bundled, the reader's own, or an imported pack), and a
 * quote is shown only where a real one was given.
 */
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
} from '@/lib/facts/describe';
import {
  buildProvenance,
  describeOrigin,
  type Layer,
  type PackOrigin,
  type SourcedNote,
} from '@/lib/facts/layers';
import type { Claim, Entity, Figure, NoteTarget, Source } from '@/lib/facts/schema';
import { siteName } from '@/lib/facts/site-name';
import { figureReason, incidentName, restatedReason, whoOf } from '@/lib/match/explain';
import type { FactIndex } from '@/lib/match/index';
import type { Annotation, Comparison, FigureMention, Verdict } from '@/lib/match/types';
import { valueIn } from '@/lib/match/verdicts';
import { isWebUrl } from '@/lib/safe-url';
import { formatKind } from './format';
import type { NumberLineData } from './NumberLine';

/**
 * What the card and the popup's summary read from the fact base: the one contract between whoever
 * delivers facts to the page and the card. Every field is a map looked up by key (an id, or a
 * "<list>:<id>" / "<kind>:<id>" key as below), so a slice for a page is the same maps with fewer
 * entries (see `lookupSlice`).
 */
export interface FactLookup
  extends Pick<FactIndex, 'entities' | 'claims' | 'sources' | 'claimsBySubject' | 'measureLabels'> {
  /** Where each entity, claim and source comes from, by "entities:<id>", "claims:<id>", "sources:<id>". */
  origins: Map<string, PackOrigin>;
  /** Notes about an entity or a claim, from every layer, by "entity:<id>" or "claim:<id>". */
  notes: Map<string, SourcedNote[]>;
}

/** The card's lookups for a fact base of `layers` (bottom first) whose merged index is `index`. */
export function buildFactLookup(index: FactIndex, layers: readonly Layer[]): FactLookup {
  const provenance = buildProvenance([...layers]);
  const origins = new Map<string, PackOrigin>();
  const notes = new Map<string, SourcedNote[]>();
  const lists = [
    ['entities', index.entities],
    ['claims', index.claims],
    ['sources', index.sources],
  ] as const;
  for (const [list, entries] of lists) {
    for (const id of entries.keys()) {
      const origin = provenance.originOf(list, id);
      if (origin) origins.set(`${list}:${id}`, origin);
    }
  }
  for (const [kind, entries] of [
    ['entity', index.entities],
    ['claim', index.claims],
  ] as const) {
    for (const id of entries.keys()) {
      const about = provenance.notesAbout({ kind, id });
      if (about.length > 0) notes.set(noteKey({ kind, id }), about);
    }
  }
  const { entities, claims, sources, claimsBySubject, measureLabels } = index;
  return { entities, claims, sources, claimsBySubject, measureLabels, origins, notes };
}

function noteKey(target: NoteTarget): string {
  return `${target.kind}:${target.id}`;
}

/** Where a fact comes from, in words, and which kind of layer that is (the card styles each apart). */
export interface Origin {
  kind: PackOrigin['kind'];
  /** "Bundled with Backstory", "Yours", "From “Lazarus notes” by Jane Doe, imported 3 May 2026". */
  words: string;
}

/** A source as the card cites it. */
export interface Citation {
  title: string;
  /** Only ever an http(s) link. */
  url?: string;
  /** Its publisher, or the site's name when only a link was given. */
  publisher?: string;
  /** When it was published, in words. */
  date?: string;
}

/** A fact-checker's rating of a claim, with who rated it and where. */
export interface RatingWords {
  /** "Rated “Mostly False”". */
  label: string;
  /** The checker's own words: "Mostly False". */
  words: string;
  /** "2 on a scale from 1 to 6", when the checker gives a scale. */
  scale?: string;
  /** The reviewing organisation. */
  by?: string;
  url?: string;
  date?: string;
}

/** One of the reader's notes (or an imported pack's), as the card shows it. */
export interface NoteWords {
  id: string;
  /** The note's own words (may be empty when it keeps only a quote). */
  text: string;
  /** Words from its source, exactly as written; none when none were given. */
  quote?: string;
  sources: Citation[];
  origin: Origin;
}

/** A claim about an entity, with who made it, when, where and where it comes from. */
export interface RelatedClaim {
  claim: Claim;
  statement: string;
  who?: string;
  date?: string;
  source?: Citation;
  rating?: RatingWords;
  origin?: Origin;
}

export interface EntityCardData {
  kind: 'entity';
  entity: Entity;
  /** "Person", "Organisation". */
  kindWords: string;
  origin?: Origin;
  /** The entity's own sources (its claims cite theirs). */
  sources: Citation[];
  notes: NoteWords[];
  /** Claims about the entity, newest first. */
  claims: RelatedClaim[];
}

/** One source figure beside the page's, in words, with its own relation, quote and origin. */
export interface SourceRow {
  claim: Claim;
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
  /** The publisher, or the site's name when the source gives only a link. */
  publisher?: string;
  /** When it was said or happened (else when the source was published), in words: "July 2023". */
  date?: string;
  /** The source's own words for this figure; none when the claim has no quote (never invented). */
  quote?: string;
  source?: Citation;
  origin?: Origin;
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

/** What the source of a restated claim says, who said it, when, and where that comes from. */
export interface RestatedClaim {
  /** The claim in the project's words (or as the fact-checker wrote it). */
  statement: string;
  who?: string;
  publisher?: string;
  /** When the source dates the event (or the claim was made), in words. */
  date?: string;
  /** The source's own words; none when the claim has no quote (never invented). */
  quote?: string;
  /** The page's other date for the event ("March"), when it conflicts. */
  pageDate?: string;
  source?: Citation;
  rating?: RatingWords;
  origin?: Origin;
}

/**
 * The card of a claim mark: a figure compared with the sources (`page`, `rows`, `numberLine`), or
 * a sourced claim the page restates (`restated`).
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
  /** Notes about the claim. */
  notes: NoteWords[];
}

export type CardData = EntityCardData | FigureCardData;

/**
 * A claim annotation's verdict as a heading, the same on the card and in the popup: "Conflicts with
 * the sources", "Restates a sourced claim", "Dated otherwise than the source", "Rated “False”".
 */
export function verdictLabelOf(annotation: Annotation, claim: Claim | undefined): string {
  if (annotation.figure) return VERDICT_LABELS[annotation.verdict ?? 'other-scope'];
  if (claim?.rating) return ratingLabel(claim.rating.label);
  return RESTATED_LABELS[annotation.pageDate ? 'differs' : 'agrees'];
}

/** What a card's "Save to my facts" writes a note about. */
export function noteTargetOf(data: CardData): NoteTarget {
  return data.kind === 'entity'
    ? { kind: 'entity', id: data.entity.id }
    : { kind: 'claim', id: data.annotation.factId };
}

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
    .map((claim) => relatedClaim(claim, facts));
  return {
    kind: 'entity',
    entity,
    kindWords: formatKind(entity.kind),
    ...withOrigin(facts, 'entities', entity.id),
    sources: [...new Set(entity.sourceIds)].flatMap((id) => citationOf(facts, id) ?? []),
    notes: notesAbout(facts, { kind: 'entity', id: entityId }),
    claims,
  };
}

function relatedClaim(claim: Claim, facts: FactLookup): RelatedClaim {
  const source = facts.sources.get(claim.sourceId);
  const cited = citationOf(facts, claim.sourceId);
  const rating = ratingOf(claim, cited);
  return {
    claim,
    statement: claim.statement,
    ...(claim.attributedTo ? { who: whoOf(claim, source) } : {}),
    ...(claim.when ? { date: formatDate(claim.when) } : {}),
    ...(cited ? { source: cited } : {}),
    ...(rating ? { rating } : {}),
    ...withOrigin(facts, 'claims', claim.id),
  };
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
    verdictLabel: verdictLabelOf(annotation, claim),
    sentence: figureReason(facts, claim, figure, comparisons),
    page: {
      text: figure.text,
      value: formatFigure(figure),
      period: describePeriod(figure.period),
      scope: describeScope(figure, incidentName(facts, figure) ?? figure.incidentWords),
    },
    rows,
    ...withNumberLine(figure, rows),
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
  const verdict = annotation.verdict ?? 'agrees';
  const pageDate = annotation.pageDate;
  return {
    kind: 'claim',
    annotation,
    claim,
    verdict,
    verdictLabel: verdictLabelOf(annotation, claim),
    sentence: restatedReason(facts, claim, pageDate),
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
    notes: notesAbout(facts, { kind: 'claim', id: claim.id }),
  };
}

/** The rating a fact-checker gave `claim`, reviewed in its source (the review). */
function ratingOf(claim: Claim, review: Citation | undefined): RatingWords | undefined {
  const { rating } = claim;
  if (!rating) return undefined;
  const { value, worst, best } = rating;
  const scale =
    value !== undefined && best !== undefined
      ? `${value} on a scale from ${worst ?? 1} to ${best}`
      : undefined;
  return {
    label: ratingLabel(rating.label),
    words: rating.label,
    ...(scale && !rating.label.includes(String(value)) ? { scale } : {}),
    ...(review?.publisher ? { by: review.publisher } : {}),
    ...(review?.url ? { url: review.url } : {}),
    ...(review?.date ? { date: review.date } : {}),
  };
}

/** The notes about `target`, the reader's first, then each imported pack's. */
function notesAbout(facts: FactLookup, target: NoteTarget): NoteWords[] {
  const notes = facts.notes.get(noteKey(target)) ?? [];
  return [...notes]
    .sort((a, b) => Number(b.origin.kind === 'yours') - Number(a.origin.kind === 'yours'))
    .map(({ note, origin, sources }) => ({
      id: note.id,
      text: note.text.trim(),
      ...(note.quote ? { quote: note.quote } : {}),
      sources: sources.map(citation),
      origin: originWords(origin),
    }));
}

function withOrigin(
  facts: FactLookup,
  list: 'entities' | 'claims' | 'sources',
  id: string,
): { origin?: Origin } {
  const origin = facts.origins.get(`${list}:${id}`);
  return origin ? { origin: originWords(origin) } : {};
}

function originWords(origin: PackOrigin): Origin {
  return { kind: origin.kind, words: describeOrigin(origin) };
}

function citationOf(facts: FactLookup, sourceId: string): Citation | undefined {
  const source = facts.sources.get(sourceId);
  return source && citation(source);
}

/** A source as cited: a link only if http(s); a link alone is named by its site. */
function citation(source: Source): Citation {
  const url = source.url && isWebUrl(source.url) ? source.url : undefined;
  const publisher = source.publisher ?? (url ? siteName(url) : undefined);
  return {
    title: source.title,
    ...(url ? { url } : {}),
    ...(publisher && publisher !== source.title ? { publisher } : {}),
    ...(source.published ? { date: formatDate(source.published) } : {}),
  };
}

/**
 * The part of `facts` that the cards and the summary of `annotations` read: what a page needs, and
 * nothing more (a reader's 5,000 facts never go to a page). Found by reading: the cards are built
 * once against maps that remember every key looked up, so a field added to FactLookup and read by
 * a card is carried with no change here.
 */
export function lookupSlice(facts: FactLookup, annotations: readonly Annotation[]): FactLookup {
  const slice = Object.fromEntries(
    Object.keys(facts).map((field) => [field, new Map()]),
  ) as unknown as FactLookup;
  const recording = Object.fromEntries(
    Object.entries(facts).map(([field, map]) => [
      field,
      recorder(
        map as Map<string, unknown>,
        slice[field as keyof FactLookup] as Map<string, unknown>,
      ),
    ]),
  ) as unknown as FactLookup;
  for (const annotation of annotations) cardDataFor(annotation, recording);
  return slice;
}

/**
 * A map that reads through to `from` and copies each entry it finds into `into`. Only lookups by
 * key are allowed: a card that walked a whole map would need all of it.
 */
function recorder<V>(from: Map<string, V>, into: Map<string, V>): Map<string, V> {
  const record = (key: string) => {
    const value = from.get(key);
    if (value !== undefined) into.set(key, value);
    return value;
  };
  return new Proxy(from, {
    get(_map, property) {
      if (property === 'get') return record;
      if (property === 'has') return (key: string) => record(key) !== undefined;
      throw new Error(`a card may only look facts up by key, not use Map.${String(property)}`);
    },
  });
}
