/**
 * The matcher's public API: build the index once per fact base, pre-check a page cheaply, then find
 * entity mentions, figure claims and restated claims in the article text.
 */
import type { Claim, Entity, FactPack, Source } from '@/lib/shared/facts/schema';
import { push } from '@/lib/shared/map-of-lists';
import { foldLower } from '@/lib/shared/match/fold';
import type { Annotation } from '@/lib/shared/match/types';
import { runInSlices } from '@/lib/shared/yield';
import { type AliasHit, type AliasTable, buildAliasTable, scanAliases } from './aliases';
import { findClaimAnnotations } from './claim-annotations';
import { buildClaimTable, type ClaimTable } from './claims';
import { buildFuzzyTable, type FuzzyTable, scanNearMisses } from './fuzzy';
import { buildRestatedTable, type RestatedTable } from './restated';
import { chunkBounds } from './sentences';

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
 * run its time (lib/shared/yield.ts), so no main-thread task is long even on a very long article.
 * Rejects with the signal's reason once it aborts.
 */
export async function findAnnotationsChunked(
  index: FactIndex,
  text: string,
  options: MatchOptions & { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<Annotation[]> {
  const finished = await runInSlices(annotate(index, text, options), options);
  if (!finished) throw options.signal?.reason;
  return finished.value;
}

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
