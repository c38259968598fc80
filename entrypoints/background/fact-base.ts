/**
 * The background's one copy of the fact base (lib/background/fact-base.ts), read from storage on
 * first use after each change of the settings or the stored facts: building it for 5,000 reader
 * facts takes a while, so it is never rebuilt per page. Only the background's memory holds it; a
 * restarted service worker builds it again on the first page that asks.
 */

import { buildFactBase, type FactBase } from '@/lib/background/fact-base';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { stackLayers } from '@/lib/shared/facts/layers';
import { importedPacksItem, readerPackItem, readStoredFacts } from '@/lib/shared/facts/stored';
import { readSettings, settingsItem } from '@/lib/shared/storage';

/** The settings and packs in force, read (and validated) from storage, built into a fact base. */
async function readFactBase(): Promise<FactBase> {
  const [settings, facts] = await Promise.all([readSettings(), readStoredFacts()]);
  // Damaged entries are left out; the options page says which and keeps a copy.
  const layers = stackLayers({
    ...(settings.useBundledPack ? { bundled: bundledPack } : {}),
    imported: facts.imported,
    yours: facts.yours,
  });
  return buildFactBase(settings, layers);
}

/**
 * The fact base, built once per change; `onChange` hears of every change after the cache is
 * dropped, so what it asks for is already the new fact base.
 */
export function cachedFactBase(onChange: () => void): () => Promise<FactBase> {
  let base: Promise<FactBase> | undefined;
  for (const item of [settingsItem, readerPackItem, importedPacksItem]) {
    item.watch(() => {
      base = undefined;
      onChange();
    });
  }
  return () => {
    base ??= readFactBase();
    return base;
  };
}
