/**
 * Small edits of a pack's lists that the reader's facts and notes share. Each returns new lists.
 */
import type { FactPack, Note } from '@/lib/shared/facts/schema';

/** `list` with `item` in place of the entry with its id, or added at the end. */
export function replaceById<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];
}

/** `next` ordered like `before` (same ids first, in the old order), then anything new. */
export function restoreOrder<T extends { id: string }>(before: T[], next: T[]): T[] {
  const byId = new Map(next.map((x) => [x.id, x]));
  const kept = before.flatMap((x) => byId.get(x.id) ?? []);
  const keptIds = new Set(kept.map((x) => x.id));
  return [...kept, ...next.filter((x) => !keptIds.has(x.id))];
}

/** `pack` without those of `sourceIds` that no entity, claim or note refers to any more. */
export function dropUnusedSources(pack: FactPack, sourceIds: readonly string[]): FactPack {
  const used = new Set([
    ...pack.entities.flatMap((e) => e.sourceIds),
    ...pack.claims.map((c) => c.sourceId),
    ...(pack.notes ?? []).flatMap((n) => n.sourceIds),
  ]);
  const drop = new Set(sourceIds.filter((id) => !used.has(id)));
  return { ...pack, sources: pack.sources.filter((s) => !drop.has(s.id)) };
}

/** Lower-cased, whitespace-collapsed form of a name, for comparing names and aliases. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A short id-safe form of `text`: "Lazarus Group" → "lazarus-group". */
export function slug(text: string): string {
  const base = normaliseName(text)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return base.slice(0, 40).replace(/-$/, '') || 'fact';
}

/**
 * `prefix` + slug of `name`, numbered if needed so that neither it nor it plus any of `suffixes`
 * is an id in `pack` already (the entries written with it take those suffixes).
 */
export function freshId(pack: FactPack, prefix: string, name: string, suffixes: string[]): string {
  const lists = [pack.entities, pack.sources, pack.claims, pack.notes ?? []];
  const taken = new Set(lists.flatMap((list) => list.map((e) => e.id)));
  const base = `${prefix}${slug(name)}`;
  const ids = (id: string) => [id, ...suffixes.map((suffix) => `${id}${suffix}`)];
  let id = base;
  for (let n = 2; ids(id).some((i) => taken.has(i)); n++) id = `${base}-${n}`;
  return id;
}

/** `pack` with `notes` as its notes; a pack without notes has no list (as packs written before). */
export function withNotes(pack: FactPack, notes: Note[]): FactPack {
  const { notes: _old, ...rest } = pack;
  return notes.length > 0 ? { ...rest, notes } : rest;
}
