/**
 * Claims restated in other words (docs/architecture.md, "Figure rules"): a page sentence restates a
 * sourced claim (one without a figure) when it names at least one of the claim's subjects and
 * carries enough of the claim's own words — "the two allies' military cyber commands signed an
 * agreement in August" restates "South Korea's Cyber Operations Command and US Cyber Command signed an
 * MOU in August". When the page dates the event otherwise than the source, that is a date conflict.
 *
 * Cost: each sentence word is one map lookup; candidates come from short posting lists only, so the
 * work per sentence does not grow with the number of facts.
 */
import type { Claim, Entity } from '@/lib/shared/facts/schema';
import { push } from '@/lib/shared/map-of-lists';
import { clauseAround } from '@/lib/shared/match/clauses';
import { subjectStemsOf } from './claims';
import { findDates, type PlacedDate, sameTime } from './dates';
import {
  type ClaimWords,
  claimWords,
  contentWords,
  distinctKeys,
  type FuseCache,
  type KeywordHit,
  keyOf,
  keywordHits,
  MAX_POSTING,
  type PlacedWord,
} from './keywords';
import { phraseOf } from './restated-phrase';

export interface RestatedTable {
  /** Claims without a figure, with their own words. */
  entries: { claim: Claim; words: ClaimWords }[];
  /** Entry indices by key, for keys few claims share (the others cannot narrow the search). */
  byKey: Map<string, number[]>;
  /** Entry indices by subject entity id. */
  bySubject: Map<string, number[]>;
  /** How many claims use each key: a word only one or two claims use is distinctive. */
  claimsPerKey: Map<string, number>;
  entities: Map<string, Entity>;
  /**
   * Per entity: the keys of each of its multi-word names, to find "cyber commands" for "Cyber
   * Command"; filled on first use, so building the index stays cheap.
   */
  nameKeys: Map<string, string[][]>;
  fuses: FuseCache;
}

/** A key used by at most this many claims is distinctive. */
const DISTINCTIVE = 2;
/** Candidates checked per sentence, most promising first. */
const MAX_CANDIDATES = 8;

export function buildRestatedTable(
  claims: Iterable<Claim>,
  entities: Map<string, Entity>,
): RestatedTable {
  const table: RestatedTable = {
    entries: [],
    byKey: new Map(),
    bySubject: new Map(),
    claimsPerKey: new Map(),
    entities,
    nameKeys: new Map(),
    fuses: new Map(),
  };
  const subjectStems = subjectStemsOf(entities);
  for (const claim of claims) {
    if (claim.figure) continue;
    const words = claimWords(`${claim.statement} ${claim.evidence ?? ''}`, subjectStems(claim));
    const i = table.entries.push({ claim, words }) - 1;
    for (const k of words.keys) {
      push(table.byKey, k, i);
      table.claimsPerKey.set(k, (table.claimsPerKey.get(k) ?? 0) + 1);
    }
    for (const subject of claim.subjects) push(table.bySubject, subject, i);
  }
  for (const [key, list] of table.byKey) if (list.length > MAX_POSTING) table.byKey.delete(key);
  return table;
}

/** Keys of each multi-word name of an entity ("U.S. Cyber Command" → ["cyber", "command"]). */
function nameKeysOf(table: RestatedTable, id: string): string[][] {
  let names = table.nameKeys.get(id);
  if (!names) {
    const entity = table.entities.get(id);
    names = [entity?.name ?? '', ...(entity?.aliases ?? [])]
      .map((form) => contentWords(form).map(keyOf))
      .filter((keys) => keys.length >= 2);
    table.nameKeys.set(id, names);
  }
  return names;
}

/** A restated claim found in a sentence. Offsets into the text the sentence's words index. */
export interface RestatedMatch {
  claim: Claim;
  start: number;
  end: number;
  /** The page's date for the event when it cannot be the source's. */
  conflict?: PlacedDate;
}

/** Restated claims a sentence may carry (a long sentence can retell two events). */
const MAX_PER_SENTENCE = 2;

/** A sentence as the restated-claim matcher reads it. Offsets index the article text. */
export interface SentenceContext {
  text: string;
  /** Where the sentence starts in the article text. */
  offset: number;
  /** Its content words. */
  words: readonly PlacedWord[];
  /** Ids of the entities marked in it. */
  entities: ReadonlySet<string>;
  /** Spans already marked in it (entities, figures): a restated claim's mark goes around them. */
  marked: readonly [number, number][];
  /** The article's published date, to anchor "last month". */
  published?: string;
}

/** The claims a sentence restates, best first, their marks apart. */
export function matchRestated(table: RestatedTable, context: SentenceContext): RestatedMatch[] {
  const { text: sentence, offset, entities, marked, published } = context;
  if (table.entries.length === 0 || context.words.length < 4) return [];
  // Words inside a marked name ("Deputy National Security Advisor") are the name's, not the claim's.
  const words = context.words.filter((w) => !marked.some(([s, e]) => s <= w.start && w.end <= e));
  const sentenceKeys = new Set(context.words.map((w) => w.key));
  const scored: { claim: Claim; hits: KeywordHit[]; score: number }[] = [];
  for (const index of candidates(table, words, entities)) {
    const { claim, words: own } = table.entries[index] as RestatedTable['entries'][number];
    const named = claim.subjects.filter(
      (id) =>
        entities.has(id) ||
        nameKeysOf(table, id).some((name) => name.every((k) => sentenceKeys.has(k))),
    );
    if (named.length === 0) continue;
    const hits = keywordHits(claim.id, own, words, table.fuses);
    const found = distinctKeys(hits);
    const distinctive = [...found].filter((k) => (table.claimsPerKey.get(k) ?? 0) <= DISTINCTIVE);
    const specific = named.filter((id) => !table.entities.get(id)?.generic).length;
    if (!enoughWords(found.size, distinctive.length, named.length, specific)) continue;
    scored.push({ claim, hits, score: found.size + distinctive.length + named.length });
  }
  const kept: RestatedMatch[] = [];
  for (const { claim, hits } of scored.sort((a, b) => b.score - a.score)) {
    if (kept.length === MAX_PER_SENTENCE) break;
    const [start, end] = narrowestSpan(hits);
    // A fact-checked claim's date is when it was made, not when what it tells happened.
    const conflict =
      claim.when && !claim.rating
        ? dateConflict(sentence, offset, start, end, claim.when, published)
        : undefined;
    const taken = [...marked, ...kept.map((k): [number, number] => [k.start, k.end])];
    const span = phraseOf(context, hits, taken, conflict);
    if (!span) continue;
    kept.push({ claim, start: span[0], end: span[1], ...(conflict ? { conflict } : {}) });
  }
  return kept;
}

/**
 * Enough of the claim's own words. With a specific subject named (a person, a particular body):
 * three words, or two with one only a couple of claims use, or that one distinctive word when the
 * sentence names a second subject. With only countries and big agencies named, which any article
 * on the topic names: a distinctive word among three, or among two when it names two of them, or
 * two distinctive words.
 */
function enoughWords(hits: number, distinctive: number, named: number, specific: number): boolean {
  if (specific === 0) {
    return hits >= 3 || (hits >= 2 && named >= 2) ? distinctive >= 1 : distinctive >= 2;
  }
  return hits >= 3 || (hits >= 2 && distinctive >= 1) || (distinctive >= 1 && named >= 2);
}

/** The shortest stretch of the sentence holding one word for each key the hits carry. */
function narrowestSpan(hits: readonly KeywordHit[]): [number, number] {
  const sorted = [...hits].sort((a, b) => a.word.start - b.word.start);
  const need = distinctKeys(sorted).size;
  const inWindow = new Map<string, number>();
  let best: [number, number] = [sorted[0]?.word.start ?? 0, sorted.at(-1)?.word.end ?? 0];
  let left = 0;
  for (const hit of sorted) {
    inWindow.set(hit.key, (inWindow.get(hit.key) ?? 0) + 1);
    while (inWindow.size === need) {
      const first = sorted[left] as KeywordHit;
      if (hit.word.end - first.word.start < best[1] - best[0])
        best = [first.word.start, hit.word.end];
      const count = (inWindow.get(first.key) ?? 1) - 1;
      if (count === 0) inWindow.delete(first.key);
      else inWindow.set(first.key, count);
      left++;
    }
  }
  return best;
}

/** Entry indices sharing a subject or an uncommon word with the sentence, most shared first. */
function candidates(
  table: RestatedTable,
  words: readonly PlacedWord[],
  entities: ReadonlySet<string>,
): number[] {
  const counts = new Map<number, number>();
  for (const id of entities)
    for (const i of table.bySubject.get(id) ?? []) counts.set(i, (counts.get(i) ?? 0) + 2);
  for (const key of new Set(words.map((w) => w.key))) {
    for (const i of table.byKey.get(key) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CANDIDATES)
    .map(([i]) => i);
}

/**
 * The page's date for the event, when no date near the restatement can be the source's `when`.
 * Near: in the clauses the restated words span, or opening the sentence ("In March, …").
 */
function dateConflict(
  sentence: string,
  offset: number,
  start: number,
  end: number,
  when: string,
  published?: string,
): PlacedDate | undefined {
  const dates = findDates(sentence, published);
  // Lenient on purpose: any date in the sentence that can be the source's rules out a conflict.
  if (dates.some((d) => sameTime(d, when))) return undefined;
  const [from, to] = clauseAround(sentence, start - offset, end - offset);
  const near = dates.filter(
    (d) => (d.start >= from && d.end <= to) || /^\W*$/.test(sentence.slice(0, d.start)),
  );
  if (near.length === 0) return undefined;
  const first = near[0] as PlacedDate;
  return { ...first, start: first.start + offset, end: first.end + offset };
}
