/**
 * Words and their hashes, the one definition the matcher's builder and its checker share, so a name hashed when the fact base changes hashes the same when
 * a page says it. A word is a run of letters and digits, compared in lib/match/fold.ts's lower case
 * (as lib/match/aliases.ts reads names); every other character separates words, as folded quotes,
 * hyphens and spaces do there.
 * Ships in: background.
 */
import { foldLower } from '@/lib/match/fold';

/** What separates words (as in lib/match/aliases.ts). The builder splits names with it. */
export const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * True if the character at `at` is part of a word, as far as the matcher can tell: an ASCII letter
 * or digit, or a character of its names' `alphabet` (their letters beyond ASCII). Any other letter
 * is taken for a separator: that can only put a word boundary where there is none (a rare extra yes,
 * never a miss), and it spares every page the cost of Unicode classes. A surrogate pair counts whole.
 */
export function isWordCharAt(text: string, at: number, alphabet: string): boolean {
  const code = text.charCodeAt(at);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (alphabet === '' || Number.isNaN(code)) return false;
  const high = code >= 0xd800 && code <= 0xdbff;
  return alphabet.includes(high ? text.slice(at, at + 2) : text.charAt(at));
}

/** True if the character ending just before `at` is part of a word (see isWordCharAt). */
export function isWordCharBefore(text: string, at: number, alphabet: string): boolean {
  return at > 0 && isWordCharAt(text, stepBack(text, at), alphabet);
}

/** The place one character (a surrogate pair counts whole) before `at`. */
export function stepBack(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
}

/** The characters beyond ASCII in `words`, once each: the alphabet isWordCharAt reads words in. */
export function alphabetOf(words: Iterable<string>): string {
  const chars = new Set<string>();
  for (const word of words) for (const ch of word) if (ch.charCodeAt(0) >= 128) chars.add(ch);
  return [...chars].join('');
}

/** Lower case of `text`, of the same length (lib/match/fold.ts's foldLower, without folding separators). */
export function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : foldLower(text);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of a (lower-cased) word, or of the part [from, to) of `text`. */
export function hashWord(text: string, from = 0, to = text.length): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * The hash of a phrase from the hash of its first word and the hash of the rest, so a checker that
 * meets a phrase's last word can hash the phrases ending there by going back one word at a time.
 */
export function prependWord(word: number, rest: number): number {
  let x = Math.imul(word ^ (word >>> 16), 0x85ebca6b) ^ rest;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The hash of a phrase of word hashes. */
export function hashPhrase(words: readonly number[]): number {
  let phrase = words[words.length - 1] ?? 0;
  for (let i = words.length - 2; i >= 0; i--) phrase = prependWord(words[i] as number, phrase);
  return phrase;
}

/** Mixed into the hash of a phrase that matches in any case ("working group on …"): such phrases are not looked for only after a capital. */
export const ANY_CASE = 0x5bd1e995;

/** Longest phrase the checker reads back from a last word, in words (longer names are matched by their first words). */
export const MAX_WORDS = 32;
