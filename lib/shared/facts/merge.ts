/**
 * One fact base from several packs (the bundled pack, then the reader's). Later packs win on id
 * collisions so a reader can correct or replace a bundled entry by reusing its id: their own
 * judgement outranks what shipped. Entries are replaced whole, never field by field, so each entry
 * stays consistent with its own sources.
 */
import type { FactPack } from './schema';

/** Merges packs list by list; when ids collide within a list, the later pack's entry wins (in the earlier one's place). */
export function mergePacks(...packs: FactPack[]): FactPack {
  const measures = mergeById(packs.map((pack) => pack.measures ?? []));
  const notes = mergeById(packs.map((pack) => pack.notes ?? []));
  return {
    format: 1,
    sources: mergeById(packs.map((pack) => pack.sources)),
    entities: mergeById(packs.map((pack) => pack.entities)),
    claims: mergeById(packs.map((pack) => pack.claims)),
    ...(measures.length > 0 ? { measures } : {}),
    // Notes add to what they are about rather than replace it; a pack without any has no list.
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function mergeById<T extends { id: string }>(lists: T[][]): T[] {
  const byId = new Map<string, T>();
  for (const list of lists) for (const entry of list) byId.set(entry.id, entry);
  return [...byId.values()];
}
