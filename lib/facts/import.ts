/**
 * Importing a fact-pack file into the reader's facts: validated entry by entry, atomic (any error
 * and nothing changes), with a report of what was added, what was already there and what is wrong.
 */
import { mergePacks } from '@/lib/facts/merge';
import type { FactPack } from '@/lib/facts/schema';
import {
  type EntryChecks,
  fileError,
  type PackCheck,
  type PackError,
  planChecks,
} from '@/lib/facts/validate';
import { forEachInSlices } from '@/lib/yield';

type Section = 'sources' | 'entities' | 'claims';
const SECTIONS: Section[] = ['sources', 'entities', 'claims'];

/** An entry left out because the reader's facts already have its id. */
export interface Duplicate {
  section: Section;
  id: string;
  /** True when the reader's entry is identical; false when it differs (the reader's is kept). */
  identical: boolean;
}

export interface ImportReport {
  added: Record<Section, number>;
  duplicates: Duplicate[];
  errors: PackError[];
}

/** How far an import has got: entries checked so far, out of all entries in the file. */
export interface ImportProgress {
  checked: number;
  total: number;
}

export interface ImportResult {
  /** The reader's facts after the import: `current` itself when anything was wrong. */
  pack: FactPack;
  report: ImportReport;
}

/** Whether two JSON values are equal, whatever the key order of their objects. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // Both are plain JSON objects or arrays here: indexing them by their own keys is safe.
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}

function parse(text: string): { input?: unknown; error?: PackError } {
  try {
    return { input: JSON.parse(text) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { error: fileError(`The file is not JSON: ${reason}`) };
  }
}

function rejected(errors: PackError[]): ImportReport {
  return { added: { sources: 0, entities: 0, claims: 0 }, duplicates: [], errors };
}

/** The report when the checked import could not be stored (e.g. over the storage quota): nothing changed. */
export function saveFailedReport(error: unknown): ImportReport {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `Your facts could not be saved, so nothing was imported: ${reason}`;
  return rejected([fileError(message)]);
}

function isEmpty(pack: FactPack): boolean {
  return SECTIONS.every((section) => pack[section].length === 0);
}

/** The file's checks, with references resolving in the reader's facts and `bundled`; or why it is not JSON. */
function planImport(
  current: FactPack,
  text: string,
  bundled?: FactPack,
): { checks: EntryChecks } | { error: PackError } {
  const { input, error } = parse(text);
  if (error) return { error };
  return { checks: planChecks(input, bundled ? mergePacks(bundled, current) : current) };
}

/**
 * Imports the pack in `text` into `current`. Entries whose id the reader already has are reported
 * as duplicates and skipped; any invalid entry (or a file that is not a pack) leaves `current`
 * unchanged and is reported with its entry and field. An empty reader pack takes the imported
 * pack's name, so importing a pack into nothing and exporting it again gives the same file.
 * References may point at the reader's facts or at `bundled`.
 */
export function importPack(current: FactPack, text: string, bundled?: FactPack): ImportResult {
  const plan = planImport(current, text, bundled);
  if ('error' in plan) return { pack: current, report: rejected([plan.error]) };
  runAll(plan.checks.steps);
  const adding = planAdding(current, plan.checks.result());
  runAll(adding.steps);
  return adding.result();
}

/**
 * The same import as `importPack`, run in slices that yield to the browser, so a page stays
 * responsive through a file of thousands of entries. Calls `onProgress` after each slice of checks.
 */
export async function importPackInSlices(
  current: FactPack,
  text: string,
  bundled?: FactPack,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const plan = planImport(current, text, bundled);
  if ('error' in plan) return { pack: current, report: rejected([plan.error]) };
  const total = plan.checks.steps.length;
  let checked = 0;
  await forEachInSlices(
    plan.checks.steps,
    (step) => {
      step();
      checked++;
    },
    {
      runSlice: (slice) => {
        slice();
        onProgress?.({ checked, total });
      },
    },
  );
  const adding = planAdding(current, plan.checks.result());
  await forEachInSlices(adding.steps, (step) => step());
  return adding.result();
}

function runAll(steps: (() => void)[]): void {
  for (const step of steps) step();
}

/**
 * Adding the checked entries that `current` lacks, one step per entry, into a copy of `current`.
 * When the check found errors there is nothing to do and the result is `current` itself.
 */
function planAdding(
  current: FactPack,
  { pack: incoming, errors }: PackCheck,
): { steps: (() => void)[]; result(): ImportResult } {
  if (errors.length > 0)
    return { steps: [], result: () => ({ pack: current, report: rejected(errors) }) };
  const report: ImportReport = {
    added: { sources: 0, entities: 0, claims: 0 },
    duplicates: [],
    errors,
  };
  const next: FactPack = {
    ...current,
    sources: [...current.sources],
    entities: [...current.entities],
    claims: [...current.claims],
  };
  if (isEmpty(current) && incoming.name !== undefined) next.name = incoming.name;
  const steps = SECTIONS.flatMap((section) => {
    const mine = new Map<string, unknown>(current[section].map((e) => [e.id, e]));
    const entries: readonly { id: string }[] = incoming[section];
    return entries.map((entry) => () => {
      const existing = mine.get(entry.id);
      if (existing === undefined) {
        (next[section] as unknown[]).push(entry);
        report.added[section]++;
      } else {
        report.duplicates.push({ section, id: entry.id, identical: sameJson(existing, entry) });
      }
    });
  });
  return { steps, result: () => ({ pack: withMeasures(next, incoming), report }) };
}

/** `pack` with the measure labels of `incoming` it lacks (its own labels stay). */
function withMeasures(pack: FactPack, incoming: FactPack): FactPack {
  const known = new Set((pack.measures ?? []).map((m) => m.id));
  const added = (incoming.measures ?? []).filter((m) => !known.has(m.id));
  return added.length > 0 ? { ...pack, measures: [...(pack.measures ?? []), ...added] } : pack;
}
