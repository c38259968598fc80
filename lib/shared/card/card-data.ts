/**
 * Everything one card shows, resolved from an annotation and the fact base (pure), in the words the
 * card prints; and the slice of the fact base a page needs for its cards. Every fact says where it
 * comes from (bundled, the reader's own, or an imported pack).
 */

import type { FactIndex } from '@/lib/background/match/index';
import {
  buildProvenance,
  type Layer,
  type PackOrigin,
  type SourcedNote,
} from '@/lib/shared/facts/layers';
import type { NoteTarget } from '@/lib/shared/facts/schema';
import type { Annotation } from '@/lib/shared/match/types';
import type { CardData, FactLookup } from './card-types';
import { noteKey } from './citation';
import { claimCard } from './claim-card';
import { entityCard } from './entity-card';

// FactLookup is the contract between whoever delivers facts to the page and the card: its users
// import it with the functions that build and slice it.
export type { FactLookup } from './card-types';

/** The card's lookups for a fact base of `layers` (bottom first) whose merged index is `index`. */
export function buildFactLookup(index: FactIndex, layers: readonly Layer[]): FactLookup {
  const provenance = buildProvenance([...layers]);
  const origins = new Map<string, PackOrigin>();
  const notes = new Map<string, SourcedNote[]>();
  const lists = [
    ['entities', index.entities],
    ['claims', index.claims],
    ['sources', index.sources],
  ] as const;
  for (const [list, entries] of lists) {
    for (const id of entries.keys()) {
      const origin = provenance.originOf(list, id);
      if (origin) origins.set(`${list}:${id}`, origin);
    }
  }
  for (const [kind, entries] of [
    ['entity', index.entities],
    ['claim', index.claims],
  ] as const) {
    for (const id of entries.keys()) {
      const about = provenance.notesAbout({ kind, id });
      if (about.length > 0) notes.set(noteKey({ kind, id }), about);
    }
  }
  const { entities, claims, sources, claimsBySubject, measureLabels } = index;
  return { entities, claims, sources, claimsBySubject, measureLabels, origins, notes };
}

/** What a card's "Save to my facts" writes a note about. */
export function noteTargetOf(data: CardData): NoteTarget {
  return data.kind === 'entity'
    ? { kind: 'entity', id: data.entity.id }
    : { kind: 'claim', id: data.annotation.factId };
}

/** The card for `annotation`, or undefined if its fact is not in the fact base. */
export function cardDataFor(annotation: Annotation, facts: FactLookup): CardData | undefined {
  return annotation.kind === 'entity'
    ? entityCard(annotation.factId, facts)
    : claimCard(annotation, facts);
}

/**
 * The part of `facts` that the cards and the summary of `annotations` read: what a page needs, and
 * nothing more (a reader's 5,000 facts never go to a page). Found by reading: the cards are built
 * once against maps that remember every key looked up, so a field added to FactLookup and read by
 * a card is carried with no change here.
 */
export function lookupSlice(facts: FactLookup, annotations: readonly Annotation[]): FactLookup {
  const slice = Object.fromEntries(
    Object.keys(facts).map((field) => [field, new Map()]),
  ) as unknown as FactLookup;
  const recording = Object.fromEntries(
    Object.entries(facts).map(([field, map]) => [
      field,
      recorder(
        map as Map<string, unknown>,
        slice[field as keyof FactLookup] as Map<string, unknown>,
      ),
    ]),
  ) as unknown as FactLookup;
  for (const annotation of annotations) cardDataFor(annotation, recording);
  return slice;
}

/**
 * A map that reads through to `from` and copies each entry it finds into `into`. Only lookups by
 * key are allowed: a card that walked a whole map would need all of it.
 */
function recorder<V>(from: Map<string, V>, into: Map<string, V>): Map<string, V> {
  const record = (key: string) => {
    const value = from.get(key);
    if (value !== undefined) into.set(key, value);
    return value;
  };
  return new Proxy(from, {
    get(_map, property) {
      if (property === 'get') return record;
      if (property === 'has') return (key: string) => record(key) !== undefined;
      throw new Error(`a card may only look facts up by key, not use Map.${String(property)}`);
    },
  });
}
