/**
 * Exporting the reader's facts as a fact-pack JSON file (the same format the importer reads).
 */
import type { FactPack } from '@/lib/shared/facts/schema';

/** The pack as the text of a .json file: indented, ending with a newline. */
export function packToJson(pack: FactPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** The download's file name for an export made at `date`, e.g. "backstory-facts-2026-11-24.json". */
export function exportFileName(date: Date): string {
  return `backstory-facts-${date.toISOString().slice(0, 10)}.json`;
}
