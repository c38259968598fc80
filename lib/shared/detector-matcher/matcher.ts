/**
 * The detector's compact matcher: what the background builds each time the fact base changes and
 * sends the detector on every page instead of the fact pack. It holds the last word of each name,
 * so a page's text can be searched for them by the browser's own string search, and hashes of the
 * whole names: no name, summary or source of the fact base reaches the page.
 * Ships in: detector bundle (decode) and background (encode).
 */

/** The matcher as sent: plain JSON, the hash list as base64 of little-endian 32-bit words. */
export interface StoredMatcher {
  /** Format version; a detector that meets another one treats the page as a maybe. */
  version: 1;
  /** Words in the longest phrase. */
  maxWords: number;
  /** The last word of every phrase, folded to lower case, once each, separated by spaces. */
  ends: string;
  /** The letters beyond ASCII in the phrases' words, once each. */
  alphabet: string;
  /** Sorted hashes of every phrase (any-case phrases mixed with ANY_CASE). */
  phrases: string;
}

export const MATCHER_VERSION = 1;

/** The matcher ready to check text with. */
export interface Matcher {
  maxWords: number;
  /** The phrases' last words. */
  ends: string[];
  alphabet: string;
  phrases: Uint32Array;
}

/** Sorted, duplicate-free hashes as base64 (little-endian 32-bit words). */
export function encodeHashes(hashes: Iterable<number>): string {
  const sorted = Uint32Array.from(new Set(hashes)).sort();
  const bytes = new Uint8Array(sorted.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `Uint8Array.fromBase64` (Chromium 140+, Firefox 133+; not yet in lib.dom). */
type WithBase64 = { fromBase64?: (base64: string) => Uint8Array };

/** The hashes encodeHashes wrote. */
function decodeHashes(base64: string): Uint32Array {
  const fromBase64 = (Uint8Array as WithBase64).fromBase64;
  if (fromBase64) {
    const bytes = fromBase64(base64);
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  }
  const binary = atob(base64);
  const out = new Uint32Array(binary.length >>> 2);
  for (let i = 0, j = 0; i < out.length; i++, j += 4)
    out[i] =
      (binary.charCodeAt(j) |
        (binary.charCodeAt(j + 1) << 8) |
        (binary.charCodeAt(j + 2) << 16) |
        (binary.charCodeAt(j + 3) << 24)) >>>
      0;
  return out;
}

/** The stored matcher ready for use, or undefined when it is missing or of another version. */
export function decodeMatcher(stored: unknown): Matcher | undefined {
  const m = stored as Partial<StoredMatcher> | undefined;
  if (
    m?.version !== MATCHER_VERSION ||
    typeof m.ends !== 'string' ||
    typeof m.phrases !== 'string' ||
    typeof m.alphabet !== 'string'
  )
    return undefined;
  const ends = m.ends ? m.ends.split(' ') : [];
  return {
    maxWords: m.maxWords ?? 1,
    ends,
    alphabet: m.alphabet,
    phrases: decodeHashes(m.phrases),
  };
}
