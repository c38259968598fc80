/**
 * Where a restated claim's mark starts and ends in its sentence: a phrase, never a lone word, that goes
 * around the sentence's other marks and drops dangling little words.
 */
import { CLAUSE_BREAK } from '@/lib/shared/match/clauses';
import type { PlacedDate } from './dates';
import type { KeywordHit } from './keywords';

/** A sentence's text and where it starts in the article text. */
interface SentenceText {
  text: string;
  offset: number;
}

/**
 * What a restated claim's mark covers: the words of the sentence that retell it, read as a phrase,
 * never a lone word picked out of it. The sentence is cut into pieces at clause breaks (commas,
 * dashes, brackets) and at the other marks (names, figures, another claim), which a mark never
 * overlaps; the mark is the piece holding most of the claim's words — the one with the date the
 * page gets wrong, when there is one — joined with its neighbours in the same stretch between
 * marks while they hold claim words too, and trimmed of dangling little words at its ends.
 */
export function phraseOf(
  context: SentenceText,
  hits: readonly KeywordHit[],
  marked: readonly [number, number][],
  date?: PlacedDate,
): [number, number] | undefined {
  const pieces = piecesOf(context, marked).map((piece) => ({
    ...piece,
    keys: new Set(
      hits.filter((h) => h.word.start >= piece.start && h.word.end <= piece.end).map((h) => h.key),
    ),
    dated: !!date && date.start >= piece.start && date.end <= piece.end,
  }));
  const weight = (p: (typeof pieces)[number]) => p.keys.size + (p.dated ? 100 : 0);
  let best = -1;
  for (const [i, piece] of pieces.entries()) {
    if (weight(piece) > 0 && (best < 0 || weight(piece) > weight(pieces[best] as typeof piece)))
      best = i;
  }
  if (best < 0) return undefined;
  // Neighbours in the same stretch join while they carry claim words too.
  const joins = (i: number) => {
    const piece = pieces[i];
    return !!piece && piece.stretch === pieces[best]?.stretch && piece.keys.size > 0;
  };
  let first = best;
  let last = best;
  while (joins(first - 1)) first--;
  while (joins(last + 1)) last++;
  return trimmed(context, pieces[first]?.start ?? 0, pieces[last]?.end ?? 0);
}

/**
 * The sentence's text between clause breaks and other marks, in order, each with the number of the
 * stretch between marks it lies in (pieces of one stretch may be joined; a mark is never crossed).
 * Offsets index the article text.
 */
function piecesOf(
  { text, offset }: SentenceText,
  marked: readonly [number, number][],
): { start: number; end: number; stretch: number }[] {
  const pieces: { start: number; end: number; stretch: number }[] = [];
  let stretch = 0;
  let start = offset;
  const close = (end: number) => {
    if (/[\p{L}\p{N}]/u.test(text.slice(start - offset, end - offset)))
      pieces.push({ start, end, stretch });
  };
  for (let i = offset; i < offset + text.length; ) {
    const mark = marked.find(([s, e]) => s <= i && i < e);
    if (mark) {
      close(i);
      stretch++;
      i = mark[1];
      start = i;
    } else if (CLAUSE_BREAK.test(text[i - offset] as string)) {
      close(i);
      i++;
      start = i;
    } else i++;
  }
  close(offset + text.length);
  return pieces;
}

/** Little words a phrase never ends on: "disrupted the", "information about", "spectator when". */
const ENDING = {
  /** Never: nothing follows them in the mark. */
  always:
    /^(?:a|an|the|its|their|his|her|our|this|these|and|or|but|that|which|who|when|while|as|if)$/i,
  /** Only from a longer phrase: "travelled to" says more than "travelled". */
  longer: /^(?:to|of|in|on|at|for|with|by|from|into|about|after|before|over)$/i,
};
/** Little words that only join a phrase to what came before it. */
const STARTING = /^(?:and|or|but|that|which|who|as|while|so)$/i;

/**
 * [start, end) without spaces, clause punctuation, a possessive left by a name's mark ("’s"),
 * an unpaired quotation mark, or dangling little words at either end.
 */
function trimmed({ text, offset }: SentenceText, start: number, end: number): [number, number] {
  const words = [...text.slice(start - offset, end - offset).matchAll(/\S+/g)].map((m) => ({
    word: m[0].replace(/^\P{L}+|\P{L}+$/gu, ''),
    start: start + (m.index ?? 0),
    end: start + (m.index ?? 0) + m[0].length,
  }));
  let from = /^['’]s$/.test(words[0]?.word ?? '') || words[0]?.word === 's' ? 1 : 0;
  let to = words.length;
  while (to - from > 1 && STARTING.test(words[from]?.word ?? '')) from++;
  for (;;) {
    const last = words[to - 1]?.word ?? '';
    if (to - from > 1 && ENDING.always.test(last)) to--;
    else if (to - from > 2 && ENDING.longer.test(last)) to--;
    else break;
  }
  const head = words[from];
  const tail = words[to - 1];
  if (!head || !tail) return [start, end];
  let [s, e] = [head.start, tail.end];
  // Punctuation at the ends is the sentence's, and a quotation mark only with its pair.
  while (s < e && /[^\p{L}\p{N}$£€“"‘]/u.test(text[s - offset] as string)) s++;
  while (e > s && /[^\p{L}\p{N}%”"’]/u.test(text[e - 1 - offset] as string)) e--;
  const inside = text.slice(s - offset, e - offset);
  if (/^[“"‘]/.test(inside) && !/[”"’]/.test(inside.slice(1))) s++;
  if (/[”"’]$/.test(inside) && !/[“"‘]/.test(inside.slice(0, -1))) e--;
  return [s, e];
}
