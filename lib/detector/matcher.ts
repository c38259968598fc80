/**
 * The detector's compact matcher: what the background builds each time the fact base changes and
 * checks every page's text with (the detector sends the text; the page never gets the matcher,
 * whose size grows with the reader's facts). It holds the last word of each name, so a page's text
 * can be searched for them by the engine's own string search, and hashes of the whole names.
 * Ships in: background.
 */

/** The matcher ready to check text with. */
export interface Matcher {
  /** Words in the longest phrase. */
  maxWords: number;
  /** The last word of every phrase, folded to lower case, once each. */
  ends: string[];
  /** The letters beyond ASCII in the phrases' words, once each. */
  alphabet: string;
  /** Sorted, duplicate-free hashes of every phrase (any-case phrases mixed with ANY_CASE). */
  phrases: Uint32Array;
}
