/**
 * The two source articles the bundled pack is drawn from, keyed by the id of the pack source made
 * from each, in ../shared/seeds.
 */
import { readShared } from '../../../fixtures/shared';

const SEED_FILES: Record<string, string> = {
  'readable-nk-lashes-out': '000_377ae14cbf43910e.txt',
  'csi-defending-nk': '002_8281bedc7a467cb7.txt',
};

/** Seed text by pack source id. */
export const seedBySource: Record<string, string> = Object.fromEntries(
  Object.entries(SEED_FILES).map(([id, file]) => [id, readShared('seeds', file)]),
);

/** Both seeds, one after the other. */
export const allSeeds = Object.values(seedBySource).join('\n');

/** Lower case, curly quotes straight, hyphens as spaces: how the matcher compares surface forms. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[-\u2010\u2011\u2013]/g, ' ');
}
