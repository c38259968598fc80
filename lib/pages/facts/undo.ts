/**
 * Taking a change to the reader's facts back, entry by entry rather than by restoring an old copy:
 * what the change added goes, what it removed or altered comes back as it was, and whatever was
 * changed since (in another tab, say) is left alone.
 */

import { sameJson } from '@/lib/shared/facts/json';
import type { FactPack } from '@/lib/shared/facts/schema';
import { withNotes } from './edit';

type Entry = { id: string };

/** `current` without the change that turned `before` into `after`. */
export function undoChange(current: FactPack, before: FactPack, after: FactPack): FactPack {
  const { measures: _current, ...rest } = current;
  const measures = undoList(current.measures ?? [], before.measures ?? [], after.measures ?? []);
  const undone: FactPack = {
    ...rest,
    sources: undoList(current.sources, before.sources, after.sources),
    entities: undoList(current.entities, before.entities, after.entities),
    claims: undoList(current.claims, before.claims, after.claims),
    // Like notes, a pack without measure labels has no list.
    ...(measures.length > 0 ? { measures } : {}),
  };
  return withNotes(undone, undoList(current.notes ?? [], before.notes ?? [], after.notes ?? []));
}

function undoList<T extends Entry>(current: T[], before: T[], after: T[]): T[] {
  const was = new Map(before.map((e) => [e.id, e]));
  const became = new Map(after.map((e) => [e.id, e]));
  // An entry is the change's own while it is still exactly what the change made it.
  const untouched = (entry: T) => sameJson(became.get(entry.id), entry);
  const result = current.flatMap((entry) => {
    if (!untouched(entry)) return [entry];
    const old = was.get(entry.id);
    return old ? [old] : [];
  });
  const present = new Set(result.map((e) => e.id));
  before.forEach((entry, index) => {
    if (became.has(entry.id) || present.has(entry.id)) return;
    result.splice(Math.min(index, result.length), 0, entry);
    present.add(entry.id);
  });
  return result;
}
