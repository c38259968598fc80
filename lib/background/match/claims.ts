/**
 * Which claim a figure on the page speaks about. Topical support is required: the claim's keywords
 * (from its measure, statement and evidence; keywords.ts) must appear in the figure's sentence — one
 * with a subject of the claim, two with any other known entity, three alone. A number alone, or an
 * entity alone, never matches a claim.
 */

import type { Claim, Entity } from '@/lib/shared/facts/schema';
import { push } from '@/lib/shared/map-of-lists';
import type { FoundFigure } from '@/lib/shared/match/figures';
import { compareFigures } from '@/lib/shared/match/verdicts';
import {
  type ClaimWords,
  claimWords,
  distinctKeys,
  entityStems,
  type FuseCache,
  keywordHits,
  MAX_POSTING,
  type PlacedWord,
} from './keywords';

export interface ClaimTable {
  /**
   * Stems of the names of subjects that are things rather than actors (concepts, programmes):
   * "crypto" speaks of crypto theft even where "crypto theft" is not written.
   */
  topicStems: Map<string, Set<string>>;
  /** Figure claims by a stem of a topic subject's name. */
  byTopicStem: Map<string, Claim[]>;
  /** Figure claims by keyword key. */
  byKey: Map<string, Claim[]>;
  /** Figure claims by subject entity id. */
  bySubject: Map<string, Claim[]>;
  /** Keyword keys per claim id. */
  keywords: Map<string, ClaimWords>;
  fuses: FuseCache;
}

/** Builds the keyword and subject tables for figure claims. */
export function buildClaimTable(
  claims: Iterable<Claim>,
  entities: Map<string, Entity>,
): ClaimTable {
  const table: ClaimTable = {
    topicStems: new Map(),
    byTopicStem: new Map(),
    byKey: new Map(),
    bySubject: new Map(),
    keywords: new Map(),
    fuses: new Map(),
  };
  const subjectStems = subjectStemsOf(entities);
  for (const claim of claims) {
    if (!claim.figure) continue;
    // Keywords say what is counted: the measure's words, plus the statement's and evidence's words
    // that are not part of a subject's name (the subjects are counted separately, as entities).
    const measure = (claim.measure ?? '').replace(/[._-]/g, ' ');
    const words = claimWords(
      `${measure} ${claim.statement} ${claim.evidence ?? ''}`,
      subjectStems(claim),
    );
    table.keywords.set(claim.id, words);
    for (const k of words.keys) push(table.byKey, k, claim);
    for (const subject of claim.subjects) {
      push(table.bySubject, subject, claim);
      const entity = entities.get(subject);
      if (!entity || !TOPICS.has(entity.kind)) continue;
      let stems = table.topicStems.get(subject);
      if (!stems) {
        stems = entityStems(entity);
        table.topicStems.set(subject, stems);
      }
      for (const s of stems) push(table.byTopicStem, s, claim);
    }
  }
  return table;
}

/** The keys of a claim's subjects' names, cached per entity. */
export function subjectStemsOf(entities: Map<string, Entity>): (claim: Claim) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (claim) => {
    const keys = new Set<string>();
    for (const id of claim.subjects) {
      let own = cache.get(id);
      if (!own) {
        own = entityStems(entities.get(id));
        cache.set(id, own);
      }
      for (const k of own) keys.add(k);
    }
    return keys;
  };
}

/** Entity kinds that name what a claim is about rather than who. */
const TOPICS = new Set<Entity['kind']>(['concept', 'programme']);

type UnitFamily = 'money' | 'count' | 'percent' | string;

function unitFamily(unit: string): UnitFamily {
  if (unit === 'count' || unit === 'percent') return unit;
  return /^[A-Z]{3}$/.test(unit) ? 'money' : unit;
}

/**
 * The claim the figure most likely speaks about, or null without topical support.
 * `words` are the sentence's content words; `sentenceEntities` the entity ids marked in it.
 */
export function matchClaim(
  table: ClaimTable,
  words: readonly PlacedWord[],
  sentenceEntities: Set<string>,
  figure: FoundFigure,
): Claim | null {
  const family = unitFamily(figure.unit);
  let best: Claim | null = null;
  let bestScore = 0;
  for (const claim of candidates(table, words, sentenceEntities)) {
    if (!claim.figure || unitFamily(claim.figure.unit) !== family) continue;
    const subjectHits = claim.subjects.filter((s) => sentenceEntities.has(s)).length;
    const own = table.keywords.get(claim.id);
    const hits =
      (own ? distinctKeys(keywordHits(claim.id, own, words, table.fuses)).size : 0) +
      topicsInWords(table, claim, sentenceEntities, words);
    // Support is a subject named in the sentence, or enough of the claim's own words: "the regime
    // funded its nuclear missile programmes with $2 billion of crypto crime" names no one but is
    // unmistakable. A number alone never is.
    const supported =
      hits >= 3 || (hits >= 1 && (subjectHits >= 1 || (sentenceEntities.size > 0 && hits >= 2)));
    if (!supported) continue;
    const verdict = compareFigures(figure, claim.figure);
    const score =
      2 * subjectHits + hits + (verdict === 'agrees' ? 1 : verdict === 'differs' ? 0.5 : 0);
    if (score > bestScore) {
      best = claim;
      bestScore = score;
    }
  }
  return best;
}

/** Subjects that are topics, not named in the sentence, yet spoken of by a word of their name. */
function topicsInWords(
  table: ClaimTable,
  claim: Claim,
  named: Set<string>,
  words: readonly PlacedWord[],
): number {
  let count = 0;
  for (const subject of claim.subjects) {
    const stems = table.topicStems.get(subject);
    if (stems && !named.has(subject) && words.some((w) => stems.has(w.stem))) count++;
  }
  return count;
}

function candidates(
  table: ClaimTable,
  words: readonly PlacedWord[],
  entities: Set<string>,
): Set<Claim> {
  const out = new Set<Claim>();
  for (const id of entities) for (const c of table.bySubject.get(id) ?? []) out.add(c);
  const add = (list: Claim[] | undefined) => {
    if (list && list.length <= MAX_POSTING) for (const c of list) out.add(c);
  };
  for (const w of words) {
    add(table.byKey.get(w.key));
    add(table.byTopicStem.get(w.stem));
  }
  return out;
}
