/**
 * The detector's question, asked on every page: does this text name anything the fact base knows?
 * "No" must be right (a miss is a page left unannotated); "yes" may rarely be wrong (it only costs
 * injecting the annotator, which then finds nothing). The engine's own string search finds the
 * last words of names (a loop over every character would be far slower);
 * only where one occurs are the words before it read and the phrases ending there hashed.
 * Ships in: background (the detector sends its page's text).
 */
import type { Matcher } from './matcher';
import {
  ANY_CASE,
  hashWord,
  isWordCharAt,
  isWordCharBefore,
  lowerCase,
  prependWord,
  stepBack,
} from './words';

/** Up to this many last words, each is searched for on its own (fast); beyond, the text is split into words once. */
const SEARCHED_ONE_BY_ONE = 100;

/** True if `text` holds a phrase of the matcher (an alias that is neither generic nor a short form). */
export function mentionsFactBase(matcher: Matcher, text: string): boolean {
  if (matcher.phrases.length === 0) return false;
  // Same length as `text`, so a place in one is the same place in the other.
  const lower = lowerCase(text);
  const found = (start: number, end: number) => phraseEndsAt(matcher, text, lower, start, end);
  return matcher.ends.length <= SEARCHED_ONE_BY_ONE
    ? searchEachEnd(matcher, lower, found)
    : splitIntoWords(matcher, lower, found);
}

type Found = (start: number, end: number) => boolean;

/** Each last word by indexOf, on word boundaries. */
function searchEachEnd({ ends, alphabet }: Matcher, lower: string, found: Found): boolean {
  for (const end of ends) {
    for (let at = lower.indexOf(end); at >= 0; at = lower.indexOf(end, at + 1)) {
      const after = at + end.length;
      if (
        !isWordCharBefore(lower, at, alphabet) &&
        !isWordCharAt(lower, after, alphabet) &&
        found(at, after)
      )
        return true;
    }
  }
  return false;
}

/**
 * The text's words looked up in a set: split natively at what isWordCharAt reads as separators (a
 * class of the names' own letters, cheap to build, unlike Unicode classes), the separators kept to
 * track places.
 */
function splitIntoWords({ ends, alphabet }: Matcher, lower: string, found: Found): boolean {
  const endSet = new Set(ends);
  const separators = new RegExp(`([^a-z0-9${alphabet.replace(/[\\\]^-]/g, '\\$&')}]+)`, 'u');
  const parts = lower.split(separators);
  for (let i = 0, at = 0; i < parts.length; at += (parts[i] as string).length, i++) {
    if (
      i % 2 === 0 &&
      endSet.has(parts[i] as string) &&
      found(at, at + (parts[i] as string).length)
    )
      return true;
  }
  return false;
}

/** True if a phrase of the matcher ends with the word at [start, end) of `lower`. */
function phraseEndsAt(
  matcher: Matcher,
  text: string,
  lower: string,
  start: number,
  end: number,
): boolean {
  let phrase = hashWord(lower, start, end);
  let wordStart = start;
  for (let n = 1; n <= matcher.maxWords; n++) {
    if (n > 1) {
      const previous = previousWord(lower, wordStart, matcher.alphabet);
      if (!previous) return false;
      wordStart = previous[0];
      phrase = prependWord(hashWord(lower, previous[0], previous[1]), phrase);
    }
    // As lib/match/fold.ts's isUpper reads the first character (a superset: title case counts too).
    const first = text.charAt(wordStart);
    const capital = first !== first.toLowerCase();
    if (capital && has(matcher.phrases, phrase)) return true;
    if (has(matcher.phrases, (phrase ^ ANY_CASE) >>> 0)) return true;
  }
  return false;
}

/** [start, end) of the word before `at` (which starts a word), if any. */
function previousWord(lower: string, at: number, alphabet: string): [number, number] | undefined {
  let end = at;
  while (end > 0 && !isWordCharBefore(lower, end, alphabet)) end = stepBack(lower, end);
  if (end === 0) return undefined;
  let start = end;
  while (isWordCharBefore(lower, start, alphabet)) start = stepBack(lower, start);
  return [start, end];
}

/** Binary search in sorted hashes. */
function has(sorted: Uint32Array, hash: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = sorted[mid] as number;
    if (value === hash) return true;
    if (value < hash) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
