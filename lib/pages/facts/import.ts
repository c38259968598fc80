/**
 * Importing a file, in two steps the reader sees: a preview of what it would add, replace and
 * refuse (with reasons), then, once confirmed, the pack stored apart from the reader's own facts,
 * so it can be removed as a whole and every entry knows where it came from. A fact pack with any
 * invalid entry changes nothing and says which entry and field is wrong; a fact-checker's
 * ClaimReview file is converted, and reviews that cannot be used are refused one by one. The
 * checks run in slices, so the page stays responsive through thousands of entries.
 */

import { sameJson } from '@/lib/shared/facts/json';
import {
  type ImportedOrigin,
  type ImportedPack,
  importedOrigin,
  type Layer,
  type PackOrigin,
} from '@/lib/shared/facts/layers';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { FactPack, PackList } from '@/lib/shared/facts/schema';
import {
  type EntryChecks,
  fileError,
  type PackError,
  planChecks,
} from '@/lib/shared/facts/validate';
import { forEachInSlices } from '@/lib/shared/yield';
import { claimReviewsToPack, isClaimReviewDocument, type Refusal } from './claimreview';

const SECTIONS: PackList[] = ['sources', 'entities', 'claims', 'notes'];

/** An entry of the file, as a reader recognises it. */
interface EntryRef {
  section: PackList;
  id: string;
  label: string;
}

/** An entry of the file that takes the place of one the fact base has now. */
interface Replacement extends EntryRef {
  replaces: PackOrigin;
}

export interface ImportPreview {
  /** What is stored if the reader confirms. */
  imported: ImportedPack;
  /** Where the fact base will say these facts come from: the pack's name, author and link. */
  origin: ImportedOrigin;
  kind: 'pack' | 'claimreview';
  added: EntryRef[];
  replaced: Replacement[];
  /** Entries the fact base already has, exactly so. */
  unchanged: number;
  refused: Refusal[];
  /** An earlier import of the same pack (same name and author), which this one replaces. */
  replacesPack?: ImportedPack;
  /** Entries of that earlier import that this file no longer has: they go. */
  dropped: number;
}

export type ImportPlan = { ok: true; preview: ImportPreview } | { ok: false; errors: PackError[] };

/** How far the checks have got: entries checked so far, out of all entries in the file. */
export interface ImportProgress {
  checked: number;
  total: number;
}

/** What an import is planned against. */
export interface ImportSetting {
  /** The fact base now, bottom layer first (stackLayers). */
  layers: Layer[];
  fileName?: string;
  now: Date;
}

/** What the file would do to the fact base `setting.layers`; changes nothing. */
export function planImport(text: string, setting: ImportSetting): ImportPlan {
  const start = startImport(text, setting);
  if ('errors' in start) return { ok: false, errors: start.errors };
  for (const step of start.checks.steps) step();
  return finishImport(start, setting);
}

/** `planImport` in slices that yield to the browser; calls `onProgress` after each slice of checks. */
export async function planImportInSlices(
  text: string,
  setting: ImportSetting,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportPlan> {
  const start = startImport(text, setting);
  if ('errors' in start) return { ok: false, errors: start.errors };
  const { steps } = start.checks;
  let checked = 0;
  const runSlice = (slice: () => void) => {
    slice();
    onProgress?.({ checked, total: steps.length });
  };
  const check = (step: () => void) => {
    step();
    checked++;
  };
  await forEachInSlices(steps, check, { runSlice });
  return finishImport(start, setting);
}

/** The imported packs after confirming `preview`: the earlier copy of the pack goes, the new one is on top. */
export function withImport(packs: ImportedPack[], preview: ImportPreview): ImportedPack[] {
  return [...packs.filter((p) => p.id !== preview.replacesPack?.id), preview.imported];
}

/** The imported packs with `preview`'s import taken back: the earlier copy, if any, returns. */
export function withoutImport(packs: ImportedPack[], preview: ImportPreview): ImportedPack[] {
  const others = packs.filter((p) => p.id !== preview.imported.id);
  const earlier = preview.replacesPack;
  return earlier && !others.some((p) => p.id === earlier.id) ? [...others, earlier] : others;
}

interface Started {
  kind: 'pack' | 'claimreview';
  checks: EntryChecks;
  refused: Refusal[];
}

function startImport(text: string, setting: ImportSetting): Started | { errors: PackError[] } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { errors: [fileError(`The file is not JSON, so nothing was imported: ${reason}`)] };
  }
  // References may point anywhere in the fact base: a reader's pack may cite bundled sources.
  const base = mergePacks(...setting.layers.map((layer) => layer.pack));
  if (!isClaimReviewDocument(input)) {
    return { kind: 'pack', checks: planChecks(input, base), refused: [] };
  }
  const { pack, refused } = claimReviewsToPack(input, base.entities);
  return { kind: 'claimreview', checks: planChecks(pack, base), refused };
}

function finishImport(start: Started, setting: ImportSetting): ImportPlan {
  const { pack, errors } = start.checks.result();
  // A converted review that still fails a rule is refused alone; a fact pack is all or nothing.
  if (start.kind === 'pack' && errors.length > 0) return { ok: false, errors };
  const refused = [
    ...start.refused,
    ...errors.map((error) => ({ label: error.entry, reason: error.problem })),
  ];
  if (SECTIONS.every((section) => (pack[section] ?? []).length === 0)) {
    const none = fileError('Nothing was imported: the file has no entries that can be used.');
    return {
      ok: false,
      errors: [none, ...refused.map((r) => fileError(`${r.label}: ${r.reason}`))],
    };
  }
  return { ok: true, preview: comparePack(pack, start, refused, setting) };
}

/** Each entry of `pack` against the fact base: new, replacing another, the same, or refused. */
function comparePack(
  pack: FactPack,
  start: Started,
  refused: Refusal[],
  { layers, fileName, now }: ImportSetting,
): ImportPreview {
  const imported: ImportedPack = {
    id: `pack.${now.getTime().toString(36)}`,
    importedAt: now.toISOString(),
    ...(fileName ? { fileName } : {}),
    pack,
  };
  const origin = importedOrigin(imported);
  const earlier = earlierImport(layers, origin);
  const current = currentEntries(layers);
  const preview: ImportPreview = {
    imported,
    origin,
    kind: start.kind,
    added: [],
    replaced: [],
    unchanged: 0,
    refused,
    dropped: 0,
    ...(earlier ? { replacesPack: earlier.imported } : {}),
  };
  const yoursKept = new Set<string>();
  for (const section of SECTIONS) {
    for (const entry of pack[section] ?? []) {
      const ref = { section, id: entry.id, label: labelOf(section, entry) };
      const there = current.get(`${section}:${entry.id}`);
      if (there?.origin.kind === 'yours') {
        yoursKept.add(`${section}:${entry.id}`);
        refused.push({
          label: ref.label,
          reason: 'you have your own entry with this id; yours is kept',
        });
      } else if (!there) preview.added.push(ref);
      else if (sameJson(there.entry, entry)) preview.unchanged++;
      else preview.replaced.push({ ...ref, replaces: there.origin });
    }
  }
  const kept = keepEntries(pack, (section, id) => !yoursKept.has(`${section}:${id}`));
  preview.imported = { ...imported, pack: kept };
  if (earlier) preview.dropped = countDropped(earlier.imported.pack, kept);
  return preview;
}

/** The imported layer with the same name and author as `origin`, whose pack an import replaces. */
function earlierImport(layers: Layer[], origin: ImportedOrigin) {
  for (const layer of layers) {
    const o = layer.origin;
    if (o.kind === 'imported' && o.name === origin.name && o.author === origin.author) {
      return { imported: { id: o.packId, importedAt: o.importedAt, pack: layer.pack } };
    }
  }
  return undefined;
}

/** Each entry the fact base uses now (the last layer's, on an id clash), with its origin. */
function currentEntries(layers: Layer[]): Map<string, { entry: unknown; origin: PackOrigin }> {
  const entries = new Map<string, { entry: unknown; origin: PackOrigin }>();
  for (const { origin, pack } of layers) {
    for (const section of SECTIONS) {
      for (const entry of pack[section] ?? [])
        entries.set(`${section}:${entry.id}`, { entry, origin });
    }
  }
  return entries;
}

/** `pack` with only the entries `keep` accepts. */
function keepEntries(pack: FactPack, keep: (section: PackList, id: string) => boolean): FactPack {
  const notes = pack.notes?.filter((n) => keep('notes', n.id));
  return {
    ...pack,
    sources: pack.sources.filter((e) => keep('sources', e.id)),
    entities: pack.entities.filter((e) => keep('entities', e.id)),
    claims: pack.claims.filter((e) => keep('claims', e.id)),
    ...(notes ? { notes } : {}),
  };
}

function countDropped(before: FactPack, after: FactPack): number {
  return SECTIONS.reduce((sum, section) => {
    const ids = new Set((after[section] ?? []).map((e) => e.id));
    return sum + (before[section] ?? []).filter((e) => !ids.has(e.id)).length;
  }, 0);
}

const NOUNS: Record<PackList, string> = {
  sources: 'Source',
  entities: 'Entity',
  claims: 'Claim',
  notes: 'Note',
};

/** "Entity “Lazarus Group”", "Claim “North Korea stole…”". */
function labelOf(section: PackList, entry: object): string {
  const fields = entry as Record<string, unknown>;
  const words = [
    fields.name,
    fields.title,
    fields.statement,
    fields.text,
    fields.quote,
    fields.id,
  ].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  const short = words && words.length > 60 ? `${words.slice(0, 60)}…` : words;
  return `${NOUNS[section]} “${short ?? ''}”`;
}
