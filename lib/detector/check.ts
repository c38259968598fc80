/**
 * The detector's question, asked on every page: does this text name anything the fact base knows?
 * "No" must be right (a miss is a page left unannotated); "yes" may rarely be wrong (it only costs
 * injecting the annotator, which then finds nothing). Linear in the text, no allocation per word.
 * Ships in: detector bundle.
 */
import type { Matcher } from './matcher';
import { ANY_CASE, MAX_WORDS, prependWord, scanWords } from './words';

/** True if `text` holds a phrase of the matcher (an alias that is neither generic nor a short form). */
export function mentionsFactBase(matcher: Matcher, text: string): boolean {
  const { ends, endBits, phrases } = matcher;
  const maxWords = Math.min(matcher.maxWords, MAX_WORDS);
  if (phrases.length === 0) return false;
  // The last MAX_WORDS words' hashes and capitals, so phrases can be read back from their last word.
  const recent = new Uint32Array(MAX_WORDS);
  const capitals = new Uint8Array(MAX_WORDS);
  let count = 0;
  return scanWords(text, (hash, capital) => {
    const at = count++ % MAX_WORDS;
    recent[at] = hash;
    capitals[at] = capital ? 1 : 0;
    const top = hash >>> 16;
    if (((endBits[top >>> 5] as number) & (1 << (top & 31))) === 0 || !has(ends, hash))
      return false;
    let phrase = hash;
    for (let n = 1; n <= maxWords && n <= count; n++) {
      const first = (at - n + 1 + MAX_WORDS) % MAX_WORDS;
      if (n > 1) phrase = prependWord(recent[first] as number, phrase);
      if (capitals[first] === 1 && has(phrases, phrase)) return true;
      if (has(phrases, (phrase ^ ANY_CASE) >>> 0)) return true;
    }
    return false;
  });
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
