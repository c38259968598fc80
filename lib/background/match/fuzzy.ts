/**
 * Near misses (misspellings, transliterations) of multi-word names among capitalised word sequences.
 * fuse.js ranks; strict guards keep false positives out: same number of words, each word starting
 * with the same letter, and at most one edit per ~8 characters. "Kim Jong Un" never becomes
 * "Kim Kuk-myong"; single words are never fuzzy ("Wrayburn" is not "Wray").
 */
import Fuse from 'fuse.js/basic';
import { foldLower } from '@/lib/shared/match/fold';
import type { AliasEntry, AliasHit, AliasTable } from './aliases';

const FUSE_THRESHOLD = 0.25;
const CHARS_PER_EDIT = 8;
const MAX_BUCKET = 64;

export interface FuzzyTable {
  /** Multi-word aliases by each of their words (the blocking key), so fuse only sees plausible names. */
  byWord: Map<string, AliasEntry[]>;
  /** fuse.js instances per blocking word, built on first use. */
  fuses: Map<string, Fuse<AliasEntry>>;
}

/** Builds the blocking table from the alias table (non-generic, multi-word, non-acronym aliases). */
export function buildFuzzyTable(aliases: AliasTable): FuzzyTable {
  const byWord = new Map<string, AliasEntry[]>();
  for (const list of aliases.values()) {
    for (const alias of list) {
      if (alias.generic || alias.acronym || !alias.lower.includes(' ')) continue;
      for (const word of new Set(alias.lower.split(' '))) {
        if (word.length < 3) continue;
        const bucket = byWord.get(word);
        if (bucket) bucket.push(alias);
        else byWord.set(word, [alias]);
      }
    }
  }
  // A word shared by many names ("example", "department") does not narrow the search: drop it as a
  // key, so fuse always sees a small bucket and matching stays sub-linear in the number of facts.
  for (const [word, bucket] of byWord) if (bucket.length > MAX_BUCKET) byWord.delete(word);
  return { byWord, fuses: new Map() };
}

// Two to four capitalised words; after a hyphen the next part may be lower case ("Kim Kuk-myong").
const CAPITALISED_RUN = /\p{Lu}[\p{L}']*(?:(?:[ \u00a0]\p{Lu}|[-\u2010\u2011]\p{L})[\p{L}']*)+/gu;

/** Near-miss hits starting in text[from, to) that do not overlap `taken` (sorted, non-overlapping exact hits). */
export function scanNearMisses(
  table: FuzzyTable,
  text: string,
  taken: AliasHit[],
  from = 0,
  to = text.length,
): AliasHit[] {
  if (table.byWord.size === 0) return [];
  const hits: AliasHit[] = [];
  CAPITALISED_RUN.lastIndex = from;
  for (let m = CAPITALISED_RUN.exec(text); m && m.index < to; m = CAPITALISED_RUN.exec(text)) {
    hits.push(...nearMissesInRun(table, m[0], m.index, taken));
  }
  return hits;
}

function nearMissesInRun(
  table: FuzzyTable,
  run: string,
  offset: number,
  taken: AliasHit[],
): AliasHit[] {
  const lower = foldLower(run);
  const words: { start: number; word: string }[] = [];
  for (const m of lower.matchAll(/\S+/g)) words.push({ start: m.index, word: m[0] });
  const hits: AliasHit[] = [];
  if (!words.some((w) => table.byWord.has(w.word))) return hits;
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(4, words.length - i); n >= 2; n--) {
      const first = words[i] as { start: number; word: string };
      const last = words[i + n - 1] as { start: number; word: string };
      const start = offset + first.start;
      const end = offset + last.start + last.word.length;
      if (overlapsSorted(taken, start, end) || hits.some((h) => h.start < end && start < h.end)) {
        continue;
      }
      const alias = bestNearMiss(table, lower.slice(first.start, last.start + last.word.length));
      if (alias) hits.push({ start, end, alias });
    }
  }
  return hits;
}

function bestNearMiss(table: FuzzyTable, phrase: string): AliasEntry | null {
  for (const word of new Set(phrase.split(' '))) {
    const fuse = fuseFor(table, word);
    if (!fuse) continue;
    for (const result of fuse.search(phrase)) {
      if ((result.score ?? 1) > FUSE_THRESHOLD) break;
      if (result.item.lower !== phrase && isCloseName(phrase, result.item.lower))
        return result.item;
    }
  }
  return null;
}

function fuseFor(table: FuzzyTable, word: string): Fuse<AliasEntry> | null {
  const cached = table.fuses.get(word);
  if (cached) return cached;
  const bucket = table.byWord.get(word);
  if (!bucket) return null;
  const fuse = new Fuse(bucket, {
    keys: ['lower'],
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: FUSE_THRESHOLD,
  });
  table.fuses.set(word, fuse);
  return fuse;
}

/** Same word count, same initial letters, few edits. */
function isCloseName(phrase: string, alias: string): boolean {
  const a = phrase.split(' ');
  const b = alias.split(' ');
  if (a.length !== b.length) return false;
  if (a.some((word, i) => word[0] !== b[i]?.[0])) return false;
  const allowed = Math.max(1, Math.floor(alias.length / CHARS_PER_EDIT));
  return editDistance(phrase, alias) <= allowed;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** Overlap test against sorted, non-overlapping hits by binary search. */
function overlapsSorted(hits: AliasHit[], start: number, end: number): boolean {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid] as AliasHit).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const next = hits[lo];
  return next !== undefined && next.start < end;
}
