/**
 * Builds the detector's matcher from the fact base, once per change (in the background). It takes
 * the aliases the annotator's matcher anchors on — neither generic entities ("United States") nor
 * short forms ("Wray") — from the same alias table, so the detector says yes wherever the annotator
 * could mark something (DESIGN.md, "Data flow").
 * Ships in: background.
 */
import type { FactPack } from '@/lib/facts/schema';
import { buildAliasTable } from '@/lib/match/aliases';
import { encodeHashes, MATCHER_VERSION, type StoredMatcher } from './matcher';
import { ANY_CASE, MAX_WORDS, prependWord, scanWords } from './words';

/** The matcher for a fact pack (bundled and reader facts merged beforehand). */
export function buildMatcher(pack: Pick<FactPack, 'entities'>): StoredMatcher {
  const ends: number[] = [];
  const phrases: number[] = [];
  let maxWords = 0;
  for (const entries of buildAliasTable(pack.entities).values()) {
    for (const alias of entries) {
      if (alias.generic || alias.shortForm) continue;
      const words: number[] = [];
      scanWords(alias.lower, (hash) => words.push(hash) >= MAX_WORDS);
      if (words.length === 0) continue;
      let phrase = words[words.length - 1] as number;
      for (let i = words.length - 2; i >= 0; i--) phrase = prependWord(words[i] as number, phrase);
      ends.push(words[words.length - 1] as number);
      phrases.push(alias.capitalised ? phrase : (phrase ^ ANY_CASE) >>> 0);
      maxWords = Math.max(maxWords, words.length);
    }
  }
  return {
    version: MATCHER_VERSION,
    maxWords,
    ends: encodeHashes(ends),
    phrases: encodeHashes(phrases),
  };
}
