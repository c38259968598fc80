/**
 * A claim's own words, and how many of them a page sentence carries: by crude stem ("signed" and
 * "signing"), by a small table of words news uses for the same thing ("agreement" for "memorandum"),
 * or as a near form found by fuse.js ("stole" for "stolen"). Shared by figure claims and restated claims.
 */
import Fuse from 'fuse.js/basic';
import type { Claim, Entity } from '@/lib/shared/facts/schema';
import { MONTHS, SMALL_NUMBERS } from '@/lib/shared/match/vocabulary';

const FUSE_THRESHOLD = 0.2;

/**
 * A word shared by more claims than this does not narrow the search (a sentence with it would be
 * checked against all of them): it finds no candidates, so matching stays sub-linear in the number
 * of facts. It still counts once a claim is a candidate through a rarer word or a named subject.
 */
export const MAX_POSTING = 64;

const STOPWORDS = new Set(
  (
    'the and for with from its their his her has have had was were are been being that this than ' +
    'more over about under past last since into onto upon who whom which what when where while ' +
    'billion million thousand trillion dollars dollar usd gbp eur krw count total year years month ' +
    'months per cent percent some also said says say not but all any own they them there these those ' +
    'will would could should may might can did does done such other through during between ' +
    'told according reported report reports claimed claims stated statement added ' +
    'after before end start because while still even just only very much many most ' +
    `${SMALL_NUMBERS.slice(1, 11).join(' ')} first second third ` +
    `${MONTHS.join(' ').toLowerCase()}`
  ).split(' '),
);

/**
 * Words news uses for the same act or thing, each group under one key. Small on purpose: only
 * what paraphrases of the fact base's claims need, so no unrelated sentence gains support.
 */
const SAME_THING: string[][] = [
  ['agreement', 'accord', 'pact', 'deal', 'memorandum', 'mou'],
  ['signed', 'signing', 'inked', 'concluded'],
  ['stole', 'stolen', 'steal', 'stealing', 'theft', 'thefts', 'looted', 'heist'],
  ['recovered', 'seized', 'confiscated', 'clawed', 'retrieved'],
  ['disrupted', 'dismantled', 'thwarted', 'broke', 'broken'],
  ['travelled', 'traveled', 'visited', 'visit', 'trip', 'flew'],
  ['pledged', 'promised', 'vowed', 'promising'],
  ['espionage', 'spying'],
  ['accused', 'accusing', 'charged', 'blamed'],
  ['training', 'courses', 'course'],
  ['funding', 'funded', 'sponsoring', 'paying'],
  ['cooperation', 'partnership', 'collaboration'],
];

const NON_WORD = /[^\p{L}']+/u;

/**
 * A crude stem: lower case, common English endings and a final "e" dropped, at most seven letters
 * ("revenues" and "revenue" alike; "committee" and "commitments" apart).
 */
function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s?$/, '');
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w.slice(0, 7);
}

const GROUP_KEYS = new Map<string, string>(
  SAME_THING.flatMap((group) =>
    group.map((word) => [stem(word), stem(group[0] as string)] as const),
  ),
);

/** The key a word is matched by: its stem, or the key of the group of words that mean the same. */
export function keyOf(word: string): string {
  const s = stem(word);
  return GROUP_KEYS.get(s) ?? s;
}

/** Content words of a text: letters only, three or more, not stopwords. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/** A content word of a sentence with its offsets. */
export interface PlacedWord {
  word: string;
  stem: string;
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}']+/gu;

/** Content words of `text[from, to)` with offsets into `text`. */
export function placedWords(text: string, from = 0, to = text.length): PlacedWord[] {
  const out: PlacedWord[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const word = m[0].toLowerCase();
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    const s = stem(word);
    out.push({
      word,
      stem: s,
      key: GROUP_KEYS.get(s) ?? s,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/**
 * The stems of an entity's name and aliases: a claim's words that name its subjects are not its own.
 * Stems, not keys: "crypto theft" names a subject, yet "stolen" stays one of the claim's words.
 */
export function entityStems(entity: Entity | undefined): Set<string> {
  if (!entity) return new Set();
  return new Set(contentWords([entity.name, ...entity.aliases].join(' ')).map(stem));
}

/** A claim's own words (keys), and its subjects' names, which are not its own words. */
export interface ClaimWords {
  keys: Set<string>;
  /** The first four letters of each key: a near form starts like its key. */
  prefixes: Set<string>;
  subjectStems: ReadonlySet<string>;
}

/** Letters a near form shares with its key at the start ("stole"/"stolen", not "spent"/"spectator"). */
const NEAR_PREFIX = 4;

/** The keys of a claim's own words in `text`, leaving out its subjects' names. */
export function claimWords(text: string, subjectStems: ReadonlySet<string>): ClaimWords {
  const keys = new Set<string>();
  for (const w of contentWords(text)) {
    if (!subjectStems.has(stem(w))) keys.add(keyOf(w));
  }
  const prefixes = new Set([...keys].map((k) => k.slice(0, NEAR_PREFIX)));
  return { keys, prefixes, subjectStems };
}

/** fuse.js instances over each claim's keys, built on first use. */
export type FuseCache = Map<Claim['id'], Fuse<string>>;

/** A sentence word that carries one of a claim's keys. */
export interface KeywordHit {
  key: string;
  word: PlacedWord;
}

/**
 * Every sentence word that carries one of the claim's keys: exactly by key, or as a near form of a
 * key found by fuse.js ("stole" for "stolen"; a near form starts with the same four letters).
 */
export function keywordHits(
  claimId: Claim['id'],
  { keys, prefixes, subjectStems }: ClaimWords,
  words: readonly PlacedWord[],
  fuses: FuseCache,
): KeywordHit[] {
  const hits: KeywordHit[] = [];
  const found = new Set<string>();
  for (const word of words) {
    if (!keys.has(word.key)) continue;
    hits.push({ key: word.key, word });
    found.add(word.key);
  }
  // Near forms only tip the balance: a sentence sharing none of the claim's words is not about it,
  // and three words are enough under every rule. (fuse.js is the costly part of matching.)
  if (found.size === 0 || found.size >= 3 || found.size === keys.size) return hits;
  const fuse = fuseFor(fuses, claimId, keys);
  for (const word of words) {
    // A word of a subject's name ("Countermeasures") names the subject; it is no near form.
    if (word.word.length < 5 || keys.has(word.key) || subjectStems.has(word.stem)) continue;
    if (!prefixes.has(word.key.slice(0, NEAR_PREFIX))) continue;
    const best = fuse.search(word.key)[0];
    if (
      best &&
      (best.score ?? 1) <= FUSE_THRESHOLD &&
      best.item.slice(0, NEAR_PREFIX) === word.key.slice(0, NEAR_PREFIX)
    ) {
      hits.push({ key: best.item, word });
    }
  }
  return hits;
}

/** How many of a claim's keys the hits carry. */
export function distinctKeys(hits: readonly KeywordHit[]): Set<string> {
  return new Set(hits.map((h) => h.key));
}

function fuseFor(fuses: FuseCache, claimId: string, keys: ReadonlySet<string>): Fuse<string> {
  let fuse = fuses.get(claimId);
  if (!fuse) {
    fuse = new Fuse([...keys], {
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: FUSE_THRESHOLD,
    });
    fuses.set(claimId, fuse);
  }
  return fuse;
}
