/**
 * Which claim a figure on the page speaks about. Topical support is required: the claim's keywords
 * (from its measure, statement and evidence, matched exactly by stem or by fuse.js for near forms
 * like "stolen"/"stole") must appear in the figure's sentence — one with a subject of the claim,
 * two with any other known entity. A number alone, or an entity alone, never matches a claim.
 */
import Fuse from 'fuse.js/basic';
import type { Claim, Entity } from '@/lib/facts/schema';
import type { FoundFigure } from './figures';
import { compareFigures } from './verdicts';

export interface ClaimTable {
  /** Figure claims by keyword stem. */
  byStem: Map<string, Claim[]>;
  /** Figure claims by subject entity id. */
  bySubject: Map<string, Claim[]>;
  /** Keyword stems per claim id. */
  keywords: Map<string, Set<string>>;
  /** fuse.js over a claim's keyword words, built on first use. */
  fuses: Map<string, Fuse<string>>;
}

const FUSE_THRESHOLD = 0.2;

const STOPWORDS = new Set(
  (
    'the and for with from its their his her has have had was were are been being that this than ' +
    'more over about under past last since into onto upon who whom which what when where while ' +
    'billion million thousand trillion dollars dollar usd gbp eur krw count total year years month ' +
    'months per cent percent some also said says say not but all any own they them there these those ' +
    'will would could should may might can did does done such other through during between'
  ).split(' '),
);

const NON_WORD = /[^\p{L}']+/u;

/** A crude stem: lower case, common English endings dropped, at most six letters. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s?$/, '');
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.slice(0, 6);
}

/** Content words of a text: letters only, three or more, not stopwords. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/** Builds the keyword and subject tables for figure claims. */
export function buildClaimTable(
  claims: Iterable<Claim>,
  entities: Map<string, Entity>,
): ClaimTable {
  const table: ClaimTable = {
    byStem: new Map(),
    bySubject: new Map(),
    keywords: new Map(),
    fuses: new Map(),
  };
  const entityWordCache = new Map<string, Set<string>>();
  const wordsOf = (id: string): Set<string> => {
    let words = entityWordCache.get(id);
    if (!words) {
      words = new Set(entityWords(entities.get(id)));
      entityWordCache.set(id, words);
    }
    return words;
  };
  for (const claim of claims) {
    if (!claim.figure) continue;
    // Keywords say what is counted: the measure's words, plus the statement's and evidence's words
    // that are not part of a subject's name (the subjects are counted separately, as entities).
    const stems = new Set<string>();
    for (const w of contentWords((claim.measure ?? '').replace(/[._-]/g, ' '))) stems.add(stem(w));
    for (const w of contentWords(`${claim.statement} ${claim.evidence ?? ''}`)) {
      if (!claim.subjects.some((id) => wordsOf(id).has(w))) stems.add(stem(w));
    }
    table.keywords.set(claim.id, stems);
    for (const s of stems) push(table.byStem, s, claim);
    for (const subject of claim.subjects) push(table.bySubject, subject, claim);
  }
  return table;
}

function entityWords(entity: Entity | undefined): string[] {
  if (!entity) return [];
  return contentWords([entity.name, ...entity.aliases].join(' '));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type UnitFamily = 'money' | 'count' | 'percent' | string;

function unitFamily(unit: string): UnitFamily {
  if (unit === 'count' || unit === 'percent') return unit;
  return /^[A-Z]{3}$/.test(unit) ? 'money' : unit;
}

/**
 * The claim the figure most likely speaks about, or null without topical support.
 * `sentenceEntities` are the entity ids marked in the figure's sentence.
 */
export function matchClaim(
  table: ClaimTable,
  sentence: string,
  sentenceEntities: Set<string>,
  figure: FoundFigure,
): Claim | null {
  const words = contentWords(sentence);
  const stems = new Set(words.map(stem));
  const family = unitFamily(figure.unit);
  let best: Claim | null = null;
  let bestScore = 0;
  for (const claim of candidates(table, stems, sentenceEntities)) {
    if (!claim.figure || unitFamily(claim.figure.unit) !== family) continue;
    const subjectHits = claim.subjects.filter((s) => sentenceEntities.has(s)).length;
    const keywordHits = countKeywordHits(table, claim, words, stems);
    // Support is a subject named in the sentence, or enough of the claim's own words: "the regime
    // funded its nuclear missile programmes with $2 billion of crypto crime" names no one but is
    // unmistakable. A number alone never is.
    const supported =
      keywordHits >= 3 ||
      (keywordHits >= 1 && (subjectHits >= 1 || (sentenceEntities.size > 0 && keywordHits >= 2)));
    if (!supported) continue;
    const verdict = compareFigures(figure, claim.figure);
    const score =
      2 * subjectHits + keywordHits + (verdict === 'agrees' ? 1 : verdict === 'differs' ? 0.5 : 0);
    if (score > bestScore) {
      best = claim;
      bestScore = score;
    }
  }
  return best;
}

function candidates(table: ClaimTable, stems: Set<string>, entities: Set<string>): Set<Claim> {
  const out = new Set<Claim>();
  for (const id of entities) for (const c of table.bySubject.get(id) ?? []) out.add(c);
  for (const s of stems) for (const c of table.byStem.get(s) ?? []) out.add(c);
  return out;
}

/** Distinct claim keywords found in the sentence, exactly by stem or as a near form via fuse.js. */
function countKeywordHits(
  table: ClaimTable,
  claim: Claim,
  words: string[],
  stems: Set<string>,
): number {
  const keywords = table.keywords.get(claim.id) ?? new Set<string>();
  const hit = new Set<string>();
  for (const k of keywords) if (stems.has(k)) hit.add(k);
  if (hit.size === keywords.size) return hit.size;
  const fuse = fuseFor(table, claim.id, keywords);
  for (const word of words) {
    if (word.length < 5 || (stems.has(stem(word)) && hit.has(stem(word)))) continue;
    const found = fuse.search(stem(word))[0];
    if (found && (found.score ?? 1) <= FUSE_THRESHOLD) hit.add(found.item);
  }
  return hit.size;
}

function fuseFor(table: ClaimTable, claimId: string, keywords: Set<string>): Fuse<string> {
  let fuse = table.fuses.get(claimId);
  if (!fuse) {
    fuse = new Fuse([...keywords], {
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: FUSE_THRESHOLD,
    });
    table.fuses.set(claimId, fuse);
  }
  return fuse;
}
