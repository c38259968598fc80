/**
 * The fact base a page gets, over messaging: the `FactLookup` slice its annotations use
 * (`lookupSlice`), with every map as a list of entries, since Chromium passes messages as JSON,
 * which has no Map. Field by field, generically, so a field added to FactLookup travels unchanged.
 * Ships in: background (pack) and annotator (unpack).
 */

import { type FactLookup, lookupSlice } from '@/lib/shared/card/card-data';
import type { Annotation } from '@/lib/shared/match/types';

type EntriesOf<M> = M extends Map<infer K, infer V> ? [K, V][] : never;

/** A FactLookup with each map as its entries. */
export type PackedLookup = { [K in keyof FactLookup]: EntriesOf<FactLookup[K]> };

/** The part of `facts` the cards and summary of `annotations` read, ready to send. */
export function packSlice(facts: FactLookup, annotations: readonly Annotation[]): PackedLookup {
  const slice = lookupSlice(facts, annotations);
  return Object.fromEntries(
    Object.entries(slice).map(([field, map]) => [field, [...(map as Map<unknown, unknown>)]]),
  ) as PackedLookup;
}

/** The FactLookup that packSlice sent. */
export function unpackLookup(packed: PackedLookup): FactLookup {
  return Object.fromEntries(
    Object.entries(packed).map(([field, entries]) => [
      field,
      new Map(entries as [string, unknown][]),
    ]),
  ) as unknown as FactLookup;
}
