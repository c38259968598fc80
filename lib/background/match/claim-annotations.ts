/**
 * Claims in an article, sentence by sentence: figure claims (each figure read with its own clause
 * and compared with the sourced claims of its measure) and restated claims, as annotations with
 * their verdicts and reasons.
 */
import type { Claim } from '@/lib/shared/facts/schema';
import { clauseAround } from '@/lib/shared/match/clauses';
import { figureReason, restatedReason } from '@/lib/shared/match/explain';
import { type FoundFigure, findFigures } from '@/lib/shared/match/figures';
import type { Annotation } from '@/lib/shared/match/types';
import { claimsToShow, compareWithClaims, overallVerdict } from '@/lib/shared/match/verdicts';
import type { AliasHit } from './aliases';
import { matchClaim } from './claims';
import type { FactIndex } from './index';
import { placedWords } from './keywords';
import { matchRestated, type RestatedMatch } from './restated';
import { chunkBounds, sentenceAt } from './sentences';

/** Sentences read for claims between pause points (when none of them has a figure). */
const SENTENCES_PER_STEP = 16;

/**
 * Claims, sentence by sentence: every figure read with its own sentence and the entities named in it
 * (matchClaim decides whether that is topical support enough), and the sourced claim the sentence
 * restates in other words, if any. `hits` are the marked names, `mentions` every name found (nested
 * ones too); both sorted by start.
 */
export function* findClaimAnnotations(
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
