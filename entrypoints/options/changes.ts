/**
 * The options page's view of storage: the facts and settings as they are now (and after every
 * change, from any tab), and changes that can be taken back. Each change reads what is stored
 * at that moment, so two open tabs never undo each other's work.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  type ImportPlan,
  type ImportPreview,
  type ImportProgress,
  planImportInSlices,
  withImport,
  withoutImport,
} from '@/lib/pages/facts/import';
import { undoChange } from '@/lib/pages/facts/undo';
import { DEFAULT_SETTINGS, EMPTY_READER_PACK, type Settings } from '@/lib/shared/defaults';
import type { ImportedPack } from '@/lib/shared/facts/layers';
import type { FactPack } from '@/lib/shared/facts/schema';
import {
  readStoredFacts,
  type Saved,
  type StoredFacts,
  saveImported,
  saveYours,
  watchStoredFacts,
} from '@/lib/shared/facts/stored';
import { parseSettings, readSettings, settingsItem } from '@/lib/shared/storage';
import { layersOf } from './fact-base';

/** The stored facts, undefined until read; follows every change. */
export function useStoredFacts(): StoredFacts | undefined {
  const [facts, setFacts] = useState<StoredFacts>();
  useEffect(() => {
    void readStoredFacts().then(setFacts);
    return watchStoredFacts(setFacts);
  }, []);
  return facts;
}

/** The settings (complete and valid) and what of them could not be read; follows every change. */
export function useSettings(): { settings: Settings; problems: string[] } {
  const [state, setState] = useState({ settings: DEFAULT_SETTINGS, problems: [] as string[] });
  useEffect(() => {
    void settingsItem.getValue().then((raw) => setState(parseSettings(raw)));
    return settingsItem.watch((raw) => setState(parseSettings(raw)));
  }, []);
  return state;
}

/** What the page tells the reader after a change, with a way to take it back when there is one. */
export interface Notice {
  text: string;
  /** Set when nothing was saved. */
  failed?: boolean;
  undo?: () => Promise<Notice>;
}

const UNDONE: Notice = { text: 'Undone.' };

function refused(saved: Saved): Notice | undefined {
  return saved.ok ? undefined : { text: saved.message, failed: true };
}

/** Applies `change` (which also says what it did) to the reader's own facts; undo takes it back. */
export async function changeYours(
  change: (yours: FactPack) => { pack: FactPack; said: string },
): Promise<Notice> {
  const before = (await readStoredFacts()).yours;
  const { pack: after, said } = change(before);
  const failed = refused(await saveYours(after));
  if (failed) return failed;
  return {
    text: said,
    undo: async () => {
      const now = (await readStoredFacts()).yours;
      return refused(await saveYours(undoChange(now, before, after))) ?? UNDONE;
    },
  };
}

/** Applies `change` to the imported packs; undo is `undo` applied to the packs as they are then. */
async function changeImported(
  change: (packs: ImportedPack[]) => ImportedPack[],
  undo: (packs: ImportedPack[]) => ImportedPack[],
  said: string,
): Promise<Notice> {
  const failed = refused(await saveImported(change((await readStoredFacts()).imported)));
  if (failed) return failed;
  return {
    text: said,
    undo: async () =>
      refused(await saveImported(undo((await readStoredFacts()).imported))) ?? UNDONE,
  };
}

/** Removes the reader's own facts and every imported pack; undo brings back all of it. */
export async function deleteEverything(): Promise<Notice> {
  const before = await readStoredFacts();
  const failed = refused(await saveImported([])) ?? refused(await saveYours(EMPTY_READER_PACK));
  if (failed) return failed;
  return {
    text: 'Deleted all your facts and imported packs.',
    undo: async () => {
      const now = await readStoredFacts();
      const yours = undoChange(now.yours, before.yours, EMPTY_READER_PACK);
      const missing = before.imported.filter((p) => !now.imported.some((q) => q.id === p.id));
      return (
        refused(await saveImported([...missing, ...now.imported])) ??
        refused(await saveYours(yours)) ??
        UNDONE
      );
    },
  };
}

/** What importing the file would do to the facts as they are stored now; changes nothing. */
export async function planFileImport(
  text: string,
  fileName: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportPlan> {
  const [facts, settings] = await Promise.all([readStoredFacts(), readSettings()]);
  const layers = layersOf(facts, settings.useBundledPack);
  return planImportInSlices(text, { layers, fileName, now: new Date() }, onProgress);
}

/** Stores a previewed import; undo takes it out again (and brings back the copy it replaced). */
export function confirmImport(preview: ImportPreview): Promise<Notice> {
  const counts = `${preview.added.length} added, ${preview.replaced.length} replaced`;
  return changeImported(
    (packs) => withImport(packs, preview),
    (packs) => withoutImport(packs, preview),
    `Imported “${preview.origin.name}” (${counts}). Open pages use it at once.`,
  );
}

/** Removes an imported pack as a whole; undo puts it back in its place. */
export async function removePack(packId: string, name: string): Promise<Notice> {
  const packs = (await readStoredFacts()).imported;
  const index = packs.findIndex((p) => p.id === packId);
  const pack = packs[index];
  if (!pack) return { text: `The pack “${name}” was already removed.` };
  return changeImported(
    (now) => now.filter((p) => p.id !== packId),
    (now) => [...now.slice(0, index), pack, ...now.slice(index)],
    `Removed the pack “${name}”.`,
  );
}
