/**
 * The options page's list of everything in the fact base (the reader's facts and notes, imported
 * packs, the bundled facts), one row per entity, claim and note, each with where it comes from,
 * and the search and filter over thousands of them.
 */
import { describeFigure } from '@/lib/shared/facts/describe';
import { describeOrigin, type Layer, type PackOrigin } from '@/lib/shared/facts/layers';
import type { Claim, Entity, Note } from '@/lib/shared/facts/schema';
import type { NoteSubject } from './notes';

export interface FactRow {
  /** Unique among rows: "entities:lazarus". */
  key: string;
  list: 'entities' | 'claims' | 'notes';
  id: string;
  title: string;
  detail: string;
  origin: PackOrigin;
  /** Where it comes from, in words. */
  from: string;
  /** A note's subject; or, for an entity or claim, itself as the subject of a new note. */
  subject: NoteSubject;
  /** Lower-cased text the search looks in. */
  text: string;
}

/** Which rows to show: everything, the reader's own, the bundled facts, or one imported pack. */
export type RowFilter = 'all' | 'yours' | 'bundled' | `pack:${string}`;

/** One row per entry the fact base uses (a later layer's entry hides an earlier one with its id). */
export function factRows(layers: Layer[]): FactRow[] {
  const names = new Map<string, string>();
  const winners = new Map<string, number>();
  const measures = new Map<string, string>();
  layers.forEach(({ pack }, depth) => {
    for (const entity of pack.entities) names.set(`entity:${entity.id}`, entity.name);
    for (const claim of pack.claims) names.set(`claim:${claim.id}`, claim.statement);
    for (const measure of pack.measures ?? []) measures.set(measure.id, measure.label);
    for (const list of ['entities', 'claims', 'notes'] as const) {
      for (const entry of pack[list] ?? []) winners.set(`${list}:${entry.id}`, depth);
    }
  });
  const rows: FactRow[] = [];
  // The reader's own first, then imports (newest first), then the bundled facts.
  for (let depth = layers.length - 1; depth >= 0; depth--) {
    const layer = layers[depth] as Layer;
    const wins = (list: string, id: string) => winners.get(`${list}:${id}`) === depth;
    const from = describeOrigin(layer.origin);
    const add = (row: Omit<FactRow, 'origin' | 'from' | 'text'>) =>
      rows.push({
        ...row,
        origin: layer.origin,
        from,
        text: `${row.title} ${row.detail}`.toLowerCase(),
      });
    for (const note of layer.pack.notes ?? []) {
      if (wins('notes', note.id)) add(noteRow(note, names));
    }
    for (const entity of layer.pack.entities) {
      if (wins('entities', entity.id)) add(entityRow(entity));
    }
    for (const claim of layer.pack.claims) {
      if (wins('claims', claim.id)) add(claimRow(claim, measures));
    }
  }
  return rows;
}

function entityRow(entity: Entity) {
  const aliases = entity.aliases.length > 0 ? ` · also: ${entity.aliases.join(', ')}` : '';
  return {
    key: `entities:${entity.id}`,
    list: 'entities' as const,
    id: entity.id,
    title: entity.name,
    detail: `${entity.kind}${aliases}`,
    subject: { about: { kind: 'entity' as const, id: entity.id }, name: entity.name },
  };
}

function claimRow(claim: Claim, measures: Map<string, string>) {
  const counts = claim.measure && measures.get(claim.measure);
  const detail = claim.rating
    ? `fact check: ${claim.rating.label}`
    : claim.figure
      ? `figure: ${describeFigure(claim.figure)}${counts ? ` · ${counts}` : ''}`
      : 'claim';
  return {
    key: `claims:${claim.id}`,
    list: 'claims' as const,
    id: claim.id,
    title: claim.statement,
    detail,
    subject: { about: { kind: 'claim' as const, id: claim.id }, name: claim.statement },
  };
}

function noteRow(note: Note, names: Map<string, string>) {
  const name = names.get(`${note.about.kind}:${note.about.id}`) ?? note.about.id;
  return {
    key: `notes:${note.id}`,
    list: 'notes' as const,
    id: note.id,
    title: note.text || `“${note.quote ?? ''}”`,
    detail: `note on “${name}”`,
    subject: { about: note.about, name },
  };
}

/** The rows `filter` keeps whose text has every word of `query`, in order. */
export function filterRows(rows: FactRow[], query: string, filter: RowFilter): FactRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) => inFilter(row.origin, filter) && words.every((w) => row.text.includes(w)),
  );
}

function inFilter(origin: PackOrigin, filter: RowFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'yours' || filter === 'bundled') return origin.kind === filter;
  return origin.kind === 'imported' && filter === `pack:${origin.packId}`;
}
