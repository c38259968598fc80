/**
 * Same-length text folding, so offsets found in folded text are offsets in the original.
 * Curly quotes become straight, exotic spaces and tabs become a space, hyphens become a space
 * (so "Kim Kuk-myong" and "Kim Kuk Myong" fold alike). Line breaks stay: collectText puts one
 * between blocks, and no match may run from one block into the next.
 */

const FOLDABLE =
  /[\u2018\u2019\u201a\u201b\u2032\u02bc\u201c\u201d\u201e\u2033\u00a0\u2007\u2009\u200a\u202f\t\u2010\u2011-]/g;

function foldChar(ch: string): string {
  switch (ch) {
    case '\u2018':
    case '\u2019':
    case '\u201a':
    case '\u201b':
    case '\u2032':
    case '\u02bc':
      return "'";
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u2033':
      return '"';
    default:
      return ' ';
  }
}

/** `text` with quotes, spaces and hyphens folded; same length, case kept. */
export function foldCase(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}

/** `text` folded and lower-cased; same length as `text` (characters whose lower case is longer keep their case). */
export function foldLower(text: string): string {
  const folded = foldCase(text);
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  let out = '';
  for (const ch of folded) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True if `ch` is a letter or digit (part of a word). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** True if `ch` is an upper-case letter. */
export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
