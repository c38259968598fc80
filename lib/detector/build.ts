/**
 * Builds the detector's matcher from the fact base, once per change (in the background). It takes
 * the aliases the annotator's matcher anchors on — neither generic entities ("United States") nor
 * short forms ("Wray") — from the same alias table, so the detector says yes wherever the annotator
 * could mark something (DESIGN.md, "Data flow").
 * Ships in: background.
 */
import type { FactPack } from '@/lib/facts/schema';
import { buildAliasTable } from '@/lib/match/aliases';
import type { Matcher } from './matcher';
import { ANY_CASE, alphabetOf, hashPhrase, hashWord, MAX_WORDS, SEPARATORS } from './words';

/** The matcher for a fact pack (bundled and reader facts merged beforehand). */
export function buildMatcher(pack: Pick<FactPack, 'entities'>): Matcher {
  const ends = new Set<string>();
  const allWords = new Set<string>();
  const phrases: number[] = [];
  let maxWords = 0;
  for (const entries of buildAliasTable(pack.entities).values()) {
    for (const alias of entries) {
      if (alias.generic || alias.shortForm) continue;
      // A name longer than the checker reads back is looked for by its first words.
      const words = alias.lower.split(SEPARATORS).filter(Boolean).slice(0, MAX_WORDS);
      if (words.length === 0) continue;
      const phrase = hashPhrase(words.map((word) => hashWord(word)));
      ends.add(words[words.length - 1] as string);
      for (const word of words) allWords.add(word);
      phrases.push(alias.capitalised ? phrase : (phrase ^ ANY_CASE) >>> 0);
      maxWords = Math.max(maxWords, words.length);
    }
  }
  return {
    maxWords,
    ends: [...ends],
    alphabet: alphabetOf(allWords),
    phrases: Uint32Array.from(new Set(phrases)).sort(),
  };
}
