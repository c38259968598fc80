/**
 * Migrations of the reader's stored facts, as pure functions (lib/shared/storage.ts runs them).
 *
 * v1 kept one pack, `readerPack`, for everything: facts added on the options page and everything
 * ever imported, mixed. v2 keeps the reader's own facts there and each imported pack apart. The
 * form has always given its entries ids starting with "reader." (reader.ts), so v1's entries split
 * cleanly: those are the reader's own, the rest came from imports and become one imported pack.
 * Nothing is dropped but two things the old form made up: a "quote" it wrote itself from the
 * figure, and the publisher "Added by you" on a source given without a link.
 *
 * v3 writes the units of the reader's figures as pages are read: the v2 form took a unit as typed,
 * so "dollars" or "usd" were never compared with the sources' "USD".
 */
import { readUnit } from '@/lib/shared/match/vocabulary';
import { isRecord, type Json } from './json';

const LISTS = ['sources', 'entities', 'claims'] as const;

/** The id of the pack that holds what v1 had imported. */
export const EARLIER_IMPORTS_ID = 'imported-before-v2';
const V1_DEFAULT_NAME = 'My facts';

export interface ReaderPackV2 {
  /** The reader's own facts. */
  yours: unknown;
  /** What v1 had imported, as one stored imported pack; none when v1 held only the reader's own. */
  earlierImports?: { id: string; importedAt: string; pack: unknown };
}

/** Splits a v1 reader pack into the reader's own facts and what was imported, losing nothing. */
export function splitReaderPackV1(v1: unknown, now: Date): ReaderPackV2 {
  // A value that is not a pack at all is kept as it is: reading it says what is wrong.
  if (!isRecord(v1) || !LISTS.every((list) => Array.isArray(v1[list]))) return { yours: v1 };
  // v1's measure labels all came with imports (its form never wrote any): they go with what it imported.
  const { measures, ...rest } = v1;
  const yours: Json = { ...rest, name: V1_DEFAULT_NAME };
  const imported: Json = { format: 1, sources: [], entities: [], claims: [] };
  for (const list of LISTS) {
    const entries = v1[list] as unknown[];
    yours[list] = entries.filter(isReaders).map((entry) => withoutMadeUpWords(list, entry));
    imported[list] = entries.filter((entry) => !isReaders(entry));
  }
  if (LISTS.every((list) => (imported[list] as unknown[]).length === 0)) {
    return { yours: measures === undefined ? yours : { ...yours, measures } };
  }
  if (measures !== undefined) imported.measures = measures;
  // An empty v1 pack took the name of the first pack imported into it.
  const name = typeof v1.name === 'string' && v1.name !== V1_DEFAULT_NAME ? v1.name : undefined;
  imported.name = name ?? 'Facts you imported before packs were kept apart';
  return {
    yours,
    earlierImports: { id: EARLIER_IMPORTS_ID, importedAt: now.toISOString(), pack: imported },
  };
}

function isReaders(entry: unknown): boolean {
  return isRecord(entry) && typeof entry.id === 'string' && entry.id.startsWith('reader.');
}

/** The entry without what the v1 form wrote in the reader's name but the reader never gave. */
function withoutMadeUpWords(list: (typeof LISTS)[number], entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  if (list === 'sources' && entry.publisher === 'Added by you') {
    const { publisher: _madeUp, ...rest } = entry;
    return rest;
  }
  // The v1 form's figure claim: "<term>: <figure in words>", with the figure in words as "evidence".
  const madeUpQuote =
    list === 'claims' &&
    typeof entry.id === 'string' &&
    entry.id.endsWith('.figure') &&
    typeof entry.evidence === 'string' &&
    typeof entry.statement === 'string' &&
    entry.statement.endsWith(`: ${entry.evidence}`);
  if (!madeUpQuote) return entry;
  const { evidence: _madeUp, ...rest } = entry;
  return rest;
}

/**
 * v2 → v3: each figure's unit as the reader of pages writes it ("dollars", "usd", "$" → "USD",
 * "Count" → "count"). A unit it does not know ("years") stays as typed; nothing else changes, and
 * a value that is not a pack is kept as it is.
 */
export function readerUnitsV3(v2: unknown): unknown {
  if (!isRecord(v2) || !Array.isArray(v2.claims)) return v2;
  return { ...v2, claims: v2.claims.map(withReadUnit) };
}

function withReadUnit(claim: unknown): unknown {
  if (!isRecord(claim) || !isRecord(claim.figure) || typeof claim.figure.unit !== 'string') {
    return claim;
  }
  const unit = readUnit(claim.figure.unit);
  if (unit === undefined || unit === claim.figure.unit) return claim;
  return { ...claim, figure: { ...claim.figure, unit } };
}
