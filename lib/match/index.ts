/**
 * The matcher's public API: build the index once per fact base, pre-check a page cheaply, then find
 * entity and figure-claim annotations in the article text.
 */
import type { Claim, Entity, FactPack, Source } from '@/lib/facts/schema';
import { yieldToBrowser } from '@/lib/yield';
import { type AliasHit, type AliasTable, buildAliasTable, scanAliases } from './aliases';
import { buildClaimTable, type ClaimTable, matchClaim } from './claims';
import { findFigures } from './figures';
import { foldLower } from './fold';
import { buildFuzzyTable, type FuzzyTable, scanNearMisses } from './fuzzy';
import { sentenceAt } from './sentences';
import type { Annotation } from './types';
import { compareWithClaims, overallVerdict, reasonLine } from './verdicts';

export type { Annotation, Comparison, FigureMention, Verdict } from './types';

/** Everything the matcher and the card need, built once per fact base. */
export interface FactIndex {
  entities: Map<string, Entity>;
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
  /** Claims with a figure, by measure: the claims a page figure is compared with. */
  claimsByMeasure: Map<string, Claim[]>;
  /** All claims by subject entity id (for "related claims" on the card). */
  claimsBySubject: Map<string, Claim[]>;
  aliases: AliasTable;
  fuzzy: FuzzyTable;
  claimTable: ClaimTable;
}

export interface MatchOptions {
  /**
   * Generic entities ("United States"): undefined = only when the page is on-topic (it mentions a
   * non-generic entity of the fact base), true = always, false = never.
   */
  markGeneric?: boolean;
}

/** Builds the index for a fact pack (bundled and reader facts merged beforehand). */
export function buildIndex(pack: FactPack): FactIndex {
  const entities = new Map(pack.entities.map((e) => [e.id, e]));
  const claims = new Map(pack.claims.map((c) => [c.id, c]));
  const claimsByMeasure = new Map<string, Claim[]>();
  const claimsBySubject = new Map<string, Claim[]>();
  for (const claim of pack.claims) {
    if (claim.measure && claim.figure) addTo(claimsByMeasure, claim.measure, claim);
    for (const subject of claim.subjects) addTo(claimsBySubject, subject, claim);
  }
  const aliases = buildAliasTable(pack.entities);
  return {
    entities,
    claims,
    sources: new Map(pack.sources.map((s) => [s.id, s])),
    claimsByMeasure,
    claimsBySubject,
    aliases,
    fuzzy: buildFuzzyTable(aliases),
    claimTable: buildClaimTable(pack.claims, entities),
  };
}

function addTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
  const claims = onTopic ? yield* findClaimAnnotations(index, text, hits) : [];
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
 * Figure claims: every figure in the text, read with its own sentence and the entities named in it
 * (matchClaim decides whether that is topical support enough). `hits` are sorted by start.
 */
function* findClaimAnnotations(
  index: FactIndex,
  text: string,
  hits: AliasHit[],
): Generator<void, Annotation[]> {
  const out: Annotation[] = [];
  let first = 0;
  for (const [from, to] of chunkBounds(text)) {
    for (let pos = from; pos < to; ) {
      // Figures are read sentence by sentence: a period ("in July") belongs to its own sentence.
      const [start, end] = sentenceAt(text, pos);
      pos = end;
      const figures = findFigures(text, start, end);
      if (figures.length === 0) continue;
      while (first < hits.length && (hits[first] as AliasHit).start < start) first++;
      const entityIds = new Set<string>();
      for (let k = first; k < hits.length && (hits[k] as AliasHit).start < end; k++) {
        entityIds.add((hits[k] as AliasHit).alias.entityId);
      }
      const sentence = text.slice(start, end);
      for (const figure of figures) {
        const claim = matchClaim(index.claimTable, sentence, entityIds, figure);
        if (claim) out.push(claimAnnotation(index, claim, figure));
      }
      yield;
    }
  }
  return out;
}

function claimAnnotation(
  index: FactIndex,
  claim: Claim,
  figure: ReturnType<typeof findFigures>[number],
): Annotation {
  const measureClaims = (claim.measure && index.claimsByMeasure.get(claim.measure)) || [claim];
  const comparisons = compareWithClaims(figure, measureClaims);
  const { start, end, ...mention } = figure;
  return {
    start,
    end,
    kind: 'claim',
    factId: claim.id,
    text: figure.text,
    figure: mention,
    verdict: overallVerdict(comparisons),
    reason: reasonLine(figure, measureClaims),
    comparisons,
  };
}
