/**
 * The fact base as the options page shows it: the layers (bundled, imported, the reader's own),
 * their merge, the list's rows, provenance, and what the form checks names against.
 */
import { useMemo } from 'preact/hooks';
import { type FormContext, formContext } from '@/lib/pages/facts/form';
import { type FactRow, factRows } from '@/lib/pages/facts/rows';
import { bundledPack } from '@/lib/shared/facts/bundled';
import {
  buildProvenance,
  type Layer,
  type Provenance,
  stackLayers,
} from '@/lib/shared/facts/layers';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { FactPack, NoteTarget } from '@/lib/shared/facts/schema';
import type { StoredFacts } from '@/lib/shared/facts/stored';
import type { PackItem } from './Packs';

export interface FactBase {
  layers: Layer[];
  context: FormContext;
  rows: FactRow[];
  provenance: Provenance;
  /** The imported packs, oldest first. */
  packs: PackItem[];
  /** The reader's own entities, claims and notes. */
  yoursCount: number;
  /** An entity's name or a claim's statement, if the fact base has it. */
  nameOf(target: NoteTarget): string | undefined;
}

/** The layers as pages use them: the bundled pack only while the reader keeps it on. */
export function layersOf(facts: StoredFacts, useBundledPack: boolean): Layer[] {
  return stackLayers({
    ...(useBundledPack ? { bundled: bundledPack } : {}),
    imported: facts.imported,
    yours: facts.yours,
  });
}

/** The fact base for the stored facts, recomputed only when they (or the bundled switch) change. */
export function useFactBase(
  facts: StoredFacts | undefined,
  useBundledPack: boolean,
): FactBase | undefined {
  return useMemo(() => {
    if (!facts) return undefined;
    const layers = layersOf(facts, useBundledPack);
    const base = mergePacks(...layers.map((layer) => layer.pack));
    const names = new Map([
      ...base.entities.map((e) => [`entity:${e.id}`, e.name] as const),
      ...base.claims.map((c) => [`claim:${c.id}`, c.statement] as const),
    ]);
    return {
      layers,
      context: formContext(facts.yours, base),
      rows: factRows(layers),
      provenance: buildProvenance(layers),
      packs: layers.flatMap(({ origin, pack }) =>
        origin.kind === 'imported' ? [{ origin, entries: countEntries(pack) }] : [],
      ),
      yoursCount: countEntries({ ...facts.yours, sources: [] }),
      nameOf: (target) => names.get(`${target.kind}:${target.id}`),
    };
  }, [facts, useBundledPack]);
}

function countEntries(pack: FactPack): number {
  const { sources, entities, claims, notes = [] } = pack;
  return sources.length + entities.length + claims.length + notes.length;
}
