/**
 * Where each fact comes from. The fact base is a stack of layers: the bundled pack, each pack the
 * reader imported (oldest first), then the reader's own facts; on an id clash the later layer's
 * entry wins (mergePacks). Provenance tells, for any entry, which layer it comes from, and gathers
 * the notes about it from every layer, so a card can show "Your notes" and where a fact comes from.
 * Types and pure functions only: content scripts may use this module.
 */
import { push } from '@/lib/shared/map-of-lists';
import { formatDate } from './describe';
import type { FactPack, Note, NoteTarget, PackList, Source } from './schema';

/** Where a pack comes from, as a reader is told. */
export type PackOrigin =
  | { kind: 'bundled'; name: string }
  | { kind: 'yours' }
  | {
      kind: 'imported';
      packId: string;
      /** As the file says (or the file's name when it says none). */
      name: string;
      author?: string;
      url?: string;
      /** ISO date and time of the import. */
      importedAt: string;
    };

export type ImportedOrigin = Extract<PackOrigin, { kind: 'imported' }>;

/** One layer of the fact base. */
export interface Layer {
  origin: PackOrigin;
  pack: FactPack;
}

/** A pack the reader imported, as stored: apart from their own facts, so it can go as a whole. */
export interface ImportedPack {
  id: string;
  /** ISO date and time of the import. */
  importedAt: string;
  /** The file it came from, named when the pack has no name of its own. */
  fileName?: string;
  pack: FactPack;
}

/** A note as a card shows it: with where it comes from and its sources. */
export interface SourcedNote {
  note: Note;
  origin: PackOrigin;
  sources: Source[];
}

export interface Provenance {
  /** The layer that the fact base's entry `id` in `list` comes from (the last layer that has it). */
  originOf(list: PackList, id: string): PackOrigin | undefined;
  /** The notes about an entity or a claim, from every layer, in layer order. */
  notesAbout(target: NoteTarget): SourcedNote[];
}

const BUNDLED_NAME = 'Backstory’s bundled facts';

/** The origin of an imported pack. */
export function importedOrigin(imported: ImportedPack): ImportedOrigin {
  const { pack } = imported;
  return {
    kind: 'imported',
    packId: imported.id,
    name: pack.name?.trim() || imported.fileName || 'An imported pack',
    ...(pack.author === undefined ? {} : { author: pack.author }),
    ...(pack.url === undefined ? {} : { url: pack.url }),
    importedAt: imported.importedAt,
  };
}

/** The layers of the fact base, bottom first: bundled (unless switched off), imported, yours. */
export function stackLayers(parts: {
  bundled?: FactPack;
  imported: ImportedPack[];
  yours: FactPack;
}): Layer[] {
  return [
    ...(parts.bundled ? [{ origin: bundledOrigin(parts.bundled), pack: parts.bundled }] : []),
    ...parts.imported.map((imported) => ({
      origin: importedOrigin(imported),
      pack: imported.pack,
    })),
    { origin: { kind: 'yours' }, pack: parts.yours },
  ];
}

function bundledOrigin(pack: FactPack): PackOrigin {
  return { kind: 'bundled', name: pack.name ?? BUNDLED_NAME };
}

/** "Yours", "Bundled with Backstory", "From “Lazarus notes” by Jane Doe, imported 3 May 2026". */
export function describeOrigin(origin: PackOrigin): string {
  if (origin.kind === 'yours') return 'Yours';
  if (origin.kind === 'bundled') return 'Bundled with Backstory';
  const by = origin.author === undefined ? '' : ` by ${origin.author}`;
  return `From “${origin.name}”${by}, imported ${formatDate(origin.importedAt.slice(0, 10))}`;
}

/** Provenance for the fact base made of `layers` (bottom first). */
export function buildProvenance(layers: Layer[]): Provenance {
  const origins = new Map<string, PackOrigin>();
  const sources = new Map<string, Source>();
  const notes = new Map<string, { note: Note; origin: PackOrigin }[]>();
  for (const { origin, pack } of layers) {
    for (const list of ['sources', 'entities', 'claims', 'notes'] as const) {
      for (const entry of pack[list] ?? []) origins.set(`${list}:${entry.id}`, origin);
    }
    for (const source of pack.sources) sources.set(source.id, source);
    for (const note of pack.notes ?? []) {
      push(notes, targetKey(note.about), { note, origin });
    }
  }
  return {
    originOf: (list, id) => origins.get(`${list}:${id}`),
    notesAbout: (target) =>
      (notes.get(targetKey(target)) ?? [])
        // A later layer's note with the same id replaced this one.
        .filter(({ note, origin }) => origins.get(`notes:${note.id}`) === origin)
        .map(({ note, origin }) => ({
          note,
          origin,
          sources: note.sourceIds.flatMap((id) => sources.get(id) ?? []),
        })),
  };
}

function targetKey(target: NoteTarget): string {
  return `${target.kind}:${target.id}`;
}
