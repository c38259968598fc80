/**
 * Importing a fact-pack file into the reader's facts: validated entry by entry, atomic (any error
 * and nothing changes), with a report of what was added, what was already there and what is wrong.
 */
import { mergePacks } from '@/lib/facts/merge';
import type { FactPack } from '@/lib/facts/schema';
import { checkEntries, type PackError } from '@/lib/facts/validate';

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

export interface ImportResult {
  /** The reader's facts after the import: `current` itself when anything was wrong. */
  pack: FactPack;
  report: ImportReport;
}

/** JSON with object keys sorted, so two entries compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function parse(text: string): { input?: unknown; error?: PackError } {
  try {
    return { input: JSON.parse(text) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { error: { path: '', field: '', message: `The file is not JSON: ${reason}` } };
  }
}

function rejected(errors: PackError[]): ImportReport {
  return { added: { sources: 0, entities: 0, claims: 0 }, duplicates: [], errors };
}

/** The report when the checked import could not be stored (e.g. over the storage quota): nothing changed. */
export function saveFailedReport(error: unknown): ImportReport {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `Your facts could not be saved, so nothing was imported: ${reason}`;
  return rejected([{ path: '', field: '', message }]);
}

function isEmpty(pack: FactPack): boolean {
  return SECTIONS.every((section) => pack[section].length === 0);
}

/**
 * Imports the pack in `text` into `current`. Entries whose id the reader already has are reported
 * as duplicates and skipped; any invalid entry (or a file that is not a pack) leaves `current`
 * unchanged and is reported with its entry and field. An empty reader pack takes the imported
 * pack's name, so importing a pack into nothing and exporting it again gives the same file.
 * References may point at the reader's facts or at `bundled`.
 */
export function importPack(current: FactPack, text: string, bundled?: FactPack): ImportResult {
  const { input, error } = parse(text);
  if (error) return { pack: current, report: rejected([error]) };
  const { pack: incoming, errors } = checkEntries(
    input,
    bundled ? mergePacks(bundled, current) : current,
  );
  if (errors.length > 0) return { pack: current, report: rejected(errors) };

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
  for (const section of SECTIONS) {
    const mine = new Map<string, unknown>(current[section].map((e) => [e.id, e]));
    for (const entry of incoming[section]) {
      const existing = mine.get(entry.id);
      if (existing === undefined) {
        (next[section] as unknown[]).push(entry);
        report.added[section]++;
      } else {
        report.duplicates.push({
          section,
          id: entry.id,
          identical: canonical(existing) === canonical(entry),
        });
      }
    }
  }
  if (isEmpty(current) && incoming.name !== undefined) next.name = incoming.name;
  return { pack: next, report };
}
