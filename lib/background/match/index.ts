/**
 * The matcher's public API: build the index once per fact base, pre-check a page cheaply, then find
 * entity mentions, figure claims and restated claims in the article text.
 */
import type { Claim, Entity, FactPack, Source } from '@/lib/shared/facts/schema';
import { clauseAround } from '@/lib/shared/match/clauses';
import { figureReason, restatedReason } from '@/lib/shared/match/explain';
import { type FoundFigure, findFigures } from '@/lib/shared/match/figures';
import { foldLower } from '@/lib/shared/match/fold';
import type { Annotation } from '@/lib/shared/match/types';
import { claimsToShow, compareWithClaims, overallVerdict } from '@/lib/shared/match/verdicts';
import { yieldToBrowser } from '@/lib/shared/yield';
import { type AliasHit, type AliasTable, buildAliasTable, scanAliases } from './aliases';
import { buildClaimTable, type ClaimTable, matchClaim, push } from './claims';
import { buildFuzzyTable, type FuzzyTable, scanNearMisses } from './fuzzy';
import { placedWords } from './keywords';
import {
  buildRestatedTable,
  matchRestated,
  type RestatedMatch,
  type RestatedTable,
} from './restated';
import { sentenceAt } from './sentences';

export type { Annotation } from '@/lib/shared/match/types';

/** Everything the matcher and the card need, built once per fact base. */
export interface FactIndex {
  entities: Map<string, Entity>;
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
  /** Human labels of measures by id. */
  measureLabels: Map<string, string>;
  /** Claims with a figure, by measure: the claims a page figure is compared with. */
  claimsByMeasure: Map<string, Claim[]>;
  /** All claims by subject entity id (for "related claims" on the card). */
  claimsBySubject: Map<string, Claim[]>;
  /** Entities that name an incident some figure claim counts (kind "event", e.g. a heist). */
  incidents: Set<string>;
  aliases: AliasTable;
  fuzzy: FuzzyTable;
  claimTable: ClaimTable;
  restated: RestatedTable;
}

export interface MatchOptions {
  /**
   * Generic entities ("United States"): undefined = only when the page is on-topic (it mentions a
   * non-generic entity of the fact base), true = always, false = never.
   */
  markGeneric?: boolean;
  /** The article's published date (ISO): anchors "last year", "so far this year", "last month". */
  published?: string;
}

/** Builds the index for a fact pack (bundled and reader facts merged beforehand). */
export function buildIndex(pack: FactPack): FactIndex {
  const entities = new Map(pack.entities.map((e) => [e.id, e]));
  const claims = new Map(pack.claims.map((c) => [c.id, c]));
  const claimsByMeasure = new Map<string, Claim[]>();
  const claimsBySubject = new Map<string, Claim[]>();
  const incidents = new Set<string>();
  for (const claim of pack.claims) {
    if (claim.measure && claim.figure) push(claimsByMeasure, claim.measure, claim);
    if (claim.figure?.incident) incidents.add(claim.figure.incident);
    for (const subject of claim.subjects) push(claimsBySubject, subject, claim);
  }
  const aliases = buildAliasTable(pack.entities);
  return {
    entities,
    claims,
    sources: new Map(pack.sources.map((s) => [s.id, s])),
    measureLabels: new Map((pack.measures ?? []).map((m) => [m.id, m.label])),
    claimsByMeasure,
    claimsBySubject,
    incidents,
    aliases,
    fuzzy: buildFuzzyTable(aliases),
    claimTable: buildClaimTable(pack.claims, entities),
    restated: buildRestatedTable(pack.claims, entities),
  };
}

/**
 * The fast pre-check: true if the text names any non-generic entity of the fact base exactly.
 * A page that fails it can get no marks (generic entities need an on-topic page, short forms need
 * the full name), except a near-miss spelling of a name, which we accept losing.
 */
export function mentionsAnyAlias(index: FactIndex, text: string): boolean {
  return scanAliases(index.aliases, text, foldLower(text), true).some(
    (h) => !h.alias.generic && !h.alias.shortForm,
  );
}

/** Annotations in `text`: sorted by start, non-overlapping (longest wins), offsets into `text`. */
export function findAnnotations(
  index: FactIndex,
  text: string,
  options: MatchOptions = {},
): Annotation[] {
  const steps = annotate(index, text, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * findAnnotations in slices: the same result, but the work pauses (a macrotask) whenever a slice has
 * run for `sliceMs`, so no main-thread task is long even on a very long article.
 */
export async function findAnnotationsChunked(
  index: FactIndex,
  text: string,
  options: MatchOptions & { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<Annotation[]> {
  const sliceMs = options.sliceMs ?? 8;
  const steps = annotate(index, text, options);
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToBrowser();
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}

/** Sentences read for claims between pause points (when none of them has a figure). */
const SENTENCES_PER_STEP = 16;

/** Characters scanned between pause points (paragraph-aligned). */
const CHUNK_CHARS = 8_000;

/** The matcher, as steps: it yields between chunks of text and between sentences with figures. */
function* annotate(
  index: FactIndex,
  text: string,
  options: MatchOptions,
): Generator<void, Annotation[]> {
  const lower = foldLower(text);
  const chunks = chunkBounds(text);
  const found: AliasHit[] = [];
  for (const [from, to] of chunks) {
    found.push(...scanAliases(index.aliases, text, lower, false, from, to));
    yield;
  }
  const exact = keepLongest(found);
  // A short form inside a misspelt full name ("Wray" in "Cristopher Wray") must not block the near miss.
  const anchors = exact.filter((h) => !h.alias.shortForm);
  const nearMisses: AliasHit[] = [];
  for (const [from, to] of chunks) {
    nearMisses.push(...scanNearMisses(index.fuzzy, text, anchors, from, to));
    yield;
  }
  const hits = dropUnearnedShortForms(keepLongest([...exact, ...nearMisses]));
  const onTopic = hits.some((h) => !h.alias.generic);
  const markGeneric = options.markGeneric ?? onTopic;
  const entities: Annotation[] = hits
    .filter((h) => markGeneric || !h.alias.generic)
    .map((h) => ({
      start: h.start,
      end: h.end,
      kind: 'entity',
      factId: h.alias.entityId,
      text: text.slice(h.start, h.end),
    }));
  // Names inside longer names count for claims: "North Korean hackers" names North Korea too.
  const mentions = [...found, ...nearMisses].sort((a, b) => a.start - b.start);
  const claims = onTopic
    ? yield* findClaimAnnotations(index, text, { hits, mentions }, options.published)
    : [];
  return keepLongest([...claims, ...entities]);
}

/** [from, to) pieces of about CHUNK_CHARS, cut at line breaks so no alias is split. */
function chunkBounds(text: string): [number, number][] {
  const bounds: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    const cut = text.indexOf('\n', from + CHUNK_CHARS);
    const to = cut < 0 ? text.length : cut;
    bounds.push([from, to]);
    from = to;
  }
  return bounds;
}

/** Non-overlapping subset, longer spans first, then earlier ones. */
function keepLongest<T extends { start: number; end: number }>(spans: T[]): T[] {
  const ordered = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken = new Uint8Array(spans.reduce((max, s) => Math.max(max, s.end), 0));
  const kept: T[] = [];
  for (const span of ordered) {
    if (taken.subarray(span.start, span.end).includes(1)) continue;
    taken.fill(1, span.start, span.end);
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** A short form ("Wray") counts only after the full name of the same entity appeared earlier. */
function dropUnearnedShortForms(hits: AliasHit[]): AliasHit[] {
  const named = new Set<string>();
  return hits.filter((h) => {
    if (!h.alias.shortForm) {
      named.add(h.alias.entityId);
      return true;
    }
    return named.has(h.alias.entityId);
  });
}

/**
 * Claims, sentence by sentence: every figure read with its own sentence and the entities named in it
 * (matchClaim decides whether that is topical support enough), and the sourced claim the sentence
 * restates in other words, if any. `hits` are the marked names, `mentions` every name found (nested
 * ones too); both sorted by start.
 */
function* findClaimAnnotations(
  index: FactIndex,
  text: string,
  { hits, mentions }: { hits: AliasHit[]; mentions: AliasHit[] },
  published?: string,
): Generator<void, Annotation[]> {
  const out: Annotation[] = [];
  const marks = new SentenceCursor(hits);
  const names = new SentenceCursor(mentions);
  let sentences = 0;
  for (const [from, to] of chunkBounds(text)) {
    for (let pos = from; pos < to; ) {
      const [start, end] = sentenceAt(text, pos);
      pos = end;
      const sentenceHits = marks.within(start, end);
      const entityIds = new Set(names.within(start, end).map((h) => h.alias.entityId));
      const words = placedWords(text, start, end);
      const figures: Annotation[] = [];
      for (const figure of findFigures(text, start, end, { published })) {
        const scoped = withIncident(index, figure, sentenceHits, text, [start, end]);
        const claim = matchClaim(index.claimTable, words, entityIds, scoped);
        if (claim) figures.push(figureAnnotation(index, claim, scoped));
      }
      out.push(...figures);
      const marked: [number, number][] = [
        ...sentenceHits.map((h): [number, number] => [h.start, h.end]),
        ...figures.map((a): [number, number] => [a.start, a.end]),
      ];
      const context = {
        text: text.slice(start, end),
        offset: start,
        words,
        entities: entityIds,
        marked,
        published,
      };
      for (const restated of matchRestated(index.restated, context)) {
        out.push(restatedAnnotation(index, text, restated));
      }
      // A pause point after a sentence with figures (the costly ones) and every few sentences.
      if (figures.length > 0 || ++sentences % SENTENCES_PER_STEP === 0) yield;
    }
  }
  return out;
}

/** Walks hits sorted by start, sentence after sentence, in one pass over the article. */
class SentenceCursor {
  private next = 0;

  constructor(private readonly hits: AliasHit[]) {}

  /** The hits starting in [start, end); sentences must be asked for in order. */
  within(start: number, end: number): AliasHit[] {
    while (this.next < this.hits.length && (this.hits[this.next] as AliasHit).start < start) {
      this.next++;
    }
    const out: AliasHit[] = [];
    for (let k = this.next; k < this.hits.length && (this.hits[k] as AliasHit).start < end; k++) {
      out.push(this.hits[k] as AliasHit);
    }
    return out;
  }
}

/**
 * The figure with the incident it counts, when its clause names an incident the fact base has
 * figures for ("the Ronin hack"); and back to a total when its "incident" is only a country
 * ("from North Korea").
 */
function withIncident(
  index: FactIndex,
  figure: FoundFigure,
  hits: AliasHit[],
  text: string,
  sentence: [number, number],
): FoundFigure {
  const [clauseStart, clauseEnd] = clauseAround(text, figure.start, figure.end, ...sentence);
  const inClause = hits.filter((h) => h.start >= clauseStart && h.end <= clauseEnd);
  const incident = inClause.find((h) => index.incidents.has(h.alias.entityId));
  if (incident) return { ...figure, scope: 'incident', incident: incident.alias.entityId };
  const words = figure.incidentWords?.replace(/^(?:the|a|an|one)\s+/i, '').toLowerCase();
  const onlyAPlace = inClause.some(
    (h) =>
      h.alias.generic && text.slice(h.start, h.end).toLowerCase() === words && isPlace(index, h),
  );
  if (figure.scope === 'incident' && onlyAPlace) {
    const { incidentWords: _, ...total } = figure;
    return { ...total, scope: 'total' };
  }
  return figure;
}

function isPlace(index: FactIndex, hit: AliasHit): boolean {
  const kind = index.entities.get(hit.alias.entityId)?.kind;
  return kind === 'country' || kind === 'place';
}

function figureAnnotation(index: FactIndex, claim: Claim, figure: FoundFigure): Annotation {
  const measureClaims = (claim.measure && index.claimsByMeasure.get(claim.measure)) || [claim];
  const { start, end, ...mention } = figure;
  const comparisons = compareWithClaims(mention, claimsToShow(mention, measureClaims));
  return {
    start,
    end,
    kind: 'claim',
    factId: claim.id,
    text: figure.text,
    figure: mention,
    verdict: overallVerdict(comparisons),
    reason: figureReason(index, claim, mention, comparisons),
    comparisons,
  };
}

function restatedAnnotation(index: FactIndex, text: string, match: RestatedMatch): Annotation {
  const { claim, start, end, conflict } = match;
  const pageDate = conflict && { text: conflict.text, year: conflict.year, month: conflict.month };
  return {
    start,
    end,
    kind: 'claim',
    factId: claim.id,
    text: text.slice(start, end),
    verdict: conflict ? 'differs' : 'agrees',
    reason: restatedReason(index, claim, pageDate),
    ...(pageDate ? { pageDate: withoutUndefined(pageDate) } : {}),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
