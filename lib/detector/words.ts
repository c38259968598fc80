/**
 * Words and their hashes, the one definition the matcher's builder (background) and its checker
 * (detector content script) share, so a name hashed when the fact base changes hashes the same
 * when a page says it. A word is a run of letters and digits (as in lib/match/aliases.ts), compared
 * lower-cased; every other character separates words, as folded quotes, hyphens and spaces do there.
 * Ships in: detector bundle and background.
 */

/** Called for each word: its hash and whether it starts with a capital. Return true to stop. */
export type OnWord = (hash: number, capital: boolean) => boolean | undefined;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Kinds of a lower-cased character: not part of a word, or a letter or digit. */
const SEPARATOR = 0;
const WORD = 1;
/** ASCII kinds by code, then other BMP characters' kinds as met (0 = not looked at yet, else kind + 1). */
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, code) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? WORD : SEPARATOR,
);
let bmpKinds: Uint8Array | undefined;
const astralKinds = new Map<number, number>();
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function kindOf(code: number): number {
  if (code > 0xffff) {
    let kind = astralKinds.get(code);
    if (kind === undefined) {
      kind = classify(code);
      astralKinds.set(code, kind);
    }
    return kind;
  }
  bmpKinds ??= new Uint8Array(0x10000);
  const known = bmpKinds[code] as number;
  if (known !== 0) return known - 1;
  const kind = classify(code);
  bmpKinds[code] = kind + 1;
  return kind;
}

function classify(code: number): number {
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code)) ? WORD : SEPARATOR;
}

/**
 * Calls `onWord` for each word of `text` in order, until it returns true; true if it did. Words are
 * hashed lower-cased, the whole text at once as lib/match/fold.ts does (so a Greek final sigma reads
 * alike); a word starts with a capital when lower-casing changes its first character.
 */
export function scanWords(text: string, onWord: OnWord): boolean {
  const lower = text.toLowerCase();
  // A character whose lower case is longer ("İ") keeps its case, as in foldLower.
  const folded = lower.length === text.length ? lower : foldLowerByCharacter(text);
  let hash = FNV_OFFSET;
  let inWord = false;
  let capital = false;
  for (let i = 0; i < folded.length; i++) {
    let code = folded.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      code = folded.codePointAt(i) as number;
      if (code > 0xffff) width = 2;
    }
    if ((code < 128 ? ASCII_KINDS[code] : kindOf(code)) === SEPARATOR) {
      if (inWord && onWord(hash >>> 0, capital)) return true;
      inWord = false;
    } else {
      if (!inWord) {
        inWord = true;
        capital = text.charCodeAt(i) !== folded.charCodeAt(i);
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
    }
    i += width - 1;
  }
  return inWord && onWord(hash >>> 0, capital) === true;
}

/** Lower case character by character, keeping the case of characters whose lower case is longer. */
function foldLowerByCharacter(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
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

/** Mixed into the hash of a phrase that matches in any case ("working group on …"): such phrases are not looked for only after a capital. */
export const ANY_CASE = 0x5bd1e995;

/** Longest phrase the checker looks back over, in words (longer names are matched by their first words). */
export const MAX_WORDS = 32;
