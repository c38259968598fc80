/**
 * The alias index: every surface form of every entity, keyed by its first folded word, so the text
 * is scanned once and each word costs one map lookup whatever the number of facts.
 */
import type { Entity } from '@/lib/shared/facts/schema';
import { foldCase, foldLower, isUpper, isWordChar } from '@/lib/shared/match/fold';

export interface AliasEntry {
  entityId: string;
  /** Folded, lower-cased surface form. */
  lower: string;
  /** Folded surface form with its case, compared exactly for acronyms. */
  cased: string;
  /** Acronyms ("FBI", "U.S.") match only in exactly this case. */
  acronym: boolean;
  /** Starts with a capital: the page's text must too (all-caps headlines still match). */
  capitalised: boolean;
  /** A single word of a person's name ("Wray"): counts only after the full name appeared. */
  shortForm: boolean;
  generic: boolean;
}

/** Alias entries by first folded word, longest first. */
export type AliasTable = Map<string, AliasEntry[]>;

/** A raw alias hit in the text, before overlaps and short-form rules are resolved. */
export interface AliasHit {
  start: number;
  end: number;
  alias: AliasEntry;
}

const SCAN_WORD = /[\p{L}\p{N}]+/gu;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;

/** Builds the alias table from entities (name + aliases). */
export function buildAliasTable(entities: Iterable<Entity>): AliasTable {
  const table: AliasTable = new Map();
  for (const entity of entities) {
    const name = foldLower(entity.name);
    const nameWords = new Set(name.split(' '));
    const seen = new Set<string>();
    for (const surface of [entity.name, ...entity.aliases]) {
      const entry = makeEntry(entity, surface.trim(), name, nameWords);
      if (!entry || seen.has(entry.cased)) continue;
      seen.add(entry.cased);
      const key = firstWord(entry.lower);
      const list = table.get(key);
      if (list) list.push(entry);
      else table.set(key, [entry]);
    }
  }
  for (const list of table.values()) list.sort((a, b) => b.lower.length - a.lower.length);
  return table;
}

function makeEntry(
  entity: Entity,
  surface: string,
  name: string,
  nameWords: Set<string>,
): AliasEntry | null {
  if (!isWordChar(surface[0])) return null;
  const cased = foldCase(surface);
  const lower = foldLower(cased);
  const singleWord = !lower.includes(' ');
  return {
    entityId: entity.id,
    lower,
    cased,
    acronym: isAcronym(surface),
    capitalised: isUpper(surface[0]),
    shortForm: entity.kind === 'person' && singleWord && nameWords.has(lower) && lower !== name,
    generic: entity.generic === true,
  };
}

/** "FBI", "U.S.", "DPRK", "UN": two or more capitals and no lower-case letters. */
function isAcronym(surface: string): boolean {
  if (surface !== surface.toUpperCase() || surface === surface.toLowerCase()) return false;
  const letters = surface.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 &&
    letters.length <= 8 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

function firstWord(lower: string): string {
  return FIRST_WORD.exec(lower)?.[0] ?? lower;
}

/**
 * Every alias occurrence starting in text[from, to), on word boundaries, in one pass. `lower` is
 * foldLower(text). `stopAtFirst` makes the pre-check return after the first anchoring (non-generic,
 * non-short) hit.
 */
export function scanAliases(
  table: AliasTable,
  text: string,
  lower: string,
  stopAtFirst = false,
  from = 0,
  to = text.length,
): AliasHit[] {
  const hits: AliasHit[] = [];
  const word = SCAN_WORD;
  word.lastIndex = from;
  for (let m = word.exec(lower); m && m.index < to; m = word.exec(lower)) {
    const candidates = table.get(m[0]);
    if (!candidates) continue;
    for (const alias of candidates) {
      const end = matchEnd(alias, text, lower, m.index);
      if (end < 0) continue;
      hits.push({ start: m.index, end, alias });
      if (stopAtFirst && !alias.generic && !alias.shortForm) return hits;
    }
  }
  return hits;
}

/** Where `alias` ends if it occurs at `at` (on word boundaries, in the right case), else -1. */
function matchEnd(alias: AliasEntry, text: string, lower: string, at: number): number {
  const end = spacedEnd(alias.lower, lower, at);
  if (end < 0) return -1;
  if (isWordChar(alias.lower[alias.lower.length - 1]) && isWordChar(lower[end])) return -1;
  // "US$2bn" is a currency, not the country.
  if (lower[end] === '$') return -1;
  if (alias.acronym) return foldCase(text.slice(at, end)) === alias.cased ? end : -1;
  return !alias.capitalised || isUpper(text[at]) ? end : -1;
}

/**
 * End of `surface` read at `at` in `lower`, where one space of the surface form may stand for a run
 * of spaces in the page (HTML source often wraps a name across lines); -1 if it does not occur.
 */
function spacedEnd(surface: string, lower: string, at: number): number {
  let j = at;
  for (let i = 0; i < surface.length; i++) {
    const ch = surface[i];
    if (ch !== ' ') {
      if (lower[j++] !== ch) return -1;
      continue;
    }
    if (lower[j] !== ' ') return -1;
    while (lower[j] === ' ') j++;
  }
  return j;
}
