/**
 * The reader's facts as versioned @wxt-dev/storage items in `local` (nothing is synced or sent
 * anywhere), validated whenever they are read: what cannot be read is left out and said in
 * words, the rest is used, so a damaged value never breaks the extension.
 *
 * - `readerPack` v3: the reader's own facts, a fact pack (in v1 it also held everything imported;
 *   until v3 a figure's unit was kept as typed, "dollars" as well as "USD").
 * - `importedPacks` v1: each pack the reader imported, kept whole with where it came from.
 * - `unreadable` v1: a copy of stored facts that could not all be read, until the reader drops it.
 */
import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { EMPTY_READER_PACK } from '@/lib/shared/defaults';
import { isRecord } from './json';
import type { ImportedPack } from './layers';
import { readerUnitsV3, splitReaderPackV1 } from './migrate';
import type { FactPack } from './schema';
import { checkEntries } from './validate';

// Items hold what storage holds, which may be anything: only the read functions below give types.

export const importedPacksItem = storage.defineItem<unknown>('local:importedPacks', {
  version: 1,
});

export const readerPackItem = storage.defineItem<unknown>('local:readerPack', {
  version: 3,
  migrations: { 2: migrateReaderPackToV2, 3: readerUnitsV3 },
});

const unreadableItem = storage.defineItem<Record<string, unknown>>('local:unreadable', {
  version: 1,
});

/**
 * v1 → v2: the reader's own facts stay; what v1 had imported moves to `importedPacks` as one pack.
 * Every context that loads this module may run it at once, so it is idempotent: the moved pack has
 * a fixed id and replaces any copy of itself.
 */
async function migrateReaderPackToV2(v1: unknown): Promise<unknown> {
  const { yours, earlierImports } = splitReaderPackV1(v1, new Date());
  if (earlierImports) {
    const stored = await importedPacksItem.getValue();
    const others = (Array.isArray(stored) ? stored : []).filter(
      (p: unknown) => !(isRecord(p) && p.id === earlierImports.id),
    );
    await importedPacksItem.setValue([earlierImports, ...others]);
  }
  return yours;
}

/** The reader's facts as stored, validated. */
export interface StoredFacts {
  yours: FactPack;
  imported: ImportedPack[];
  /** What could not be read, in a reader's words; those entries are left out of `yours`/`imported`. */
  problems: string[];
}

const MAX_PROBLEMS = 20;

/** The reader's own facts and imported packs, validated; damaged entries are left out and named. */
export async function readStoredFacts(): Promise<StoredFacts> {
  const [yours, imported] = await Promise.all([
    readerPackItem.getValue(),
    importedPacksItem.getValue(),
  ]);
  return parseStoredFacts(yours, imported);
}

/** `readStoredFacts` for values already read. */
function parseStoredFacts(rawYours: unknown, rawImported: unknown): StoredFacts {
  const problems: string[] = [];
  const yours = parsePack(rawYours ?? EMPTY_READER_PACK, 'Your facts', problems);
  const imported = parseImportedPacks(rawImported ?? [], problems);
  return { yours, imported, problems: problems.slice(0, MAX_PROBLEMS) };
}

/**
 * The entries of a stored pack that can be read. References are not checked: an entry that was
 * valid when it was saved stays usable after what it cites has been deleted.
 */
function parsePack(raw: unknown, where: string, problems: string[]): FactPack {
  const { pack, errors } = checkEntries(raw, undefined, { references: false });
  problems.push(...errors.map((error) => `${where}: ${error.message}`));
  return pack;
}

const ImportedPackSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  importedAt: v.string(),
  fileName: v.optional(v.string()),
  pack: v.unknown(),
});

function parseImportedPacks(raw: unknown, problems: string[]): ImportedPack[] {
  if (!Array.isArray(raw)) {
    problems.push('Your imported packs could not be read.');
    return [];
  }
  return raw.flatMap((item: unknown, i) => {
    const parsed = v.safeParse(ImportedPackSchema, item);
    if (!parsed.success) {
      problems.push(`Imported pack ${i + 1} could not be read.`);
      return [];
    }
    const { pack: rawPack, ...details } = parsed.output;
    const name = isRecord(rawPack) && typeof rawPack.name === 'string' ? rawPack.name : i + 1;
    const pack = parsePack(rawPack, `Imported pack “${name}”`, problems);
    return [{ ...details, pack }];
  });
}

/** Calls `callback` with the stored facts whenever the reader's own or imported facts change. */
export function watchStoredFacts(callback: (facts: StoredFacts) => void): () => void {
  const reread = () => void readStoredFacts().then(callback);
  const stops = [readerPackItem.watch(reread), importedPacksItem.watch(reread)];
  return () => {
    for (const stop of stops) stop();
  };
}

/** Keeps a copy of the stored facts as they are (once), before changes leave unreadable entries out. */
export async function keepUnreadableCopy(): Promise<boolean> {
  try {
    if (await unreadableItem.getValue()) return true;
    const [yours, imported] = await Promise.all([
      readerPackItem.getValue(),
      importedPacksItem.getValue(),
    ]);
    await unreadableItem.setValue({ readerPack: yours, importedPacks: imported });
    return true;
  } catch {
    return false;
  }
}

// Writing

/** Whether a write was stored, and if not, why, in words. */
export type Saved = { ok: true } | { ok: false; message: string };

/** Stores the reader's own facts. */
export function saveYours(pack: FactPack): Promise<Saved> {
  return saved(() => readerPackItem.setValue(pack));
}

/** Stores the imported packs (all of them: the list is one item). */
export function saveImported(packs: ImportedPack[]): Promise<Saved> {
  return saved(() => importedPacksItem.setValue(packs));
}

async function saved(write: () => Promise<void>): Promise<Saved> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: whyNotSaved(error) };
  }
}

/** Why storage refused a write, in a reader's words. */
function whyNotSaved(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (/quota/i.test(reason)) {
    return 'Nothing was saved: the browser’s storage for Backstory is full (it holds about 10 MB). Remove an imported pack or facts you no longer need, then try again.';
  }
  return `Nothing was saved: the browser refused to store it (${reason}).`;
}

/** The stored facts as they were when something could not be read (the kept copy, else as now). */
export async function unreadableData(): Promise<unknown> {
  return (
    (await unreadableItem.getValue()) ?? {
      readerPack: await readerPackItem.getValue(),
      importedPacks: await importedPacksItem.getValue(),
    }
  );
}

/** Stores only what could be read of the facts (dropping the rest for good) and forgets the copy. */
export async function dropUnreadable(facts: StoredFacts): Promise<Saved> {
  const imported = await saveImported(facts.imported);
  if (!imported.ok) return imported;
  const yours = await saveYours(facts.yours);
  if (yours.ok) await unreadableItem.removeValue();
  return yours;
}
