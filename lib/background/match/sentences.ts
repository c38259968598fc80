/**
 * Where the matcher cuts an article: sentences for claim matching (a figure is only read together
 * with its own sentence) and chunks between pause points.
 */

// "U.S." and "U.N." too: a dotted initialism is read as part of the sentence ("the U.S. presidents").
const ABBREVIATION =
  /(?:^|[\s("'])(?:(?:\p{Lu}\.)*\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|Gen|Sen|Rep|Gov|Lt|Col|Capt|Inc|Corp|Co)\.$/u;

/** True if the character at `i` ends a sentence (line break, or . ! ? followed by a space, not after "U.S." or "Mr."). */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\n') return true;
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  let next = i + 1;
  while (next < text.length && /["'\u201d\u2019)]/.test(text[next] as string)) next++;
  if (next < text.length && !/\s/.test(text[next] as string)) return false;
  return ch !== '.' || !ABBREVIATION.test(text.slice(Math.max(0, i - 8), i + 1));
}

/** [start, end) of the sentence containing offset `pos`. */
export function sentenceAt(text: string, pos: number): [number, number] {
  let start = pos;
  while (start > 0 && !endsSentence(text, start - 1)) start--;
  let end = pos;
  while (end < text.length && !endsSentence(text, end)) end++;
  return [start, Math.min(text.length, end + 1)];
}

/** Characters scanned between pause points (paragraph-aligned). */
const CHUNK_CHARS = 8_000;

/** [from, to) pieces of about CHUNK_CHARS, cut at line breaks so no alias is split. */
export function chunkBounds(text: string): [number, number][] {
  const bounds: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    const cut = text.indexOf('\n', from + CHUNK_CHARS);
    const to = cut < 0 ? text.length : cut;
    bounds.push([from, to]);
    from = to;
  }
  return bounds;
}
