/**
 * Everything Backstory persists, as versioned @wxt-dev/storage items. Stored in `local`:
 * nothing is synced or sent anywhere.
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, EMPTY_READER_PACK, type Settings } from '@/lib/defaults';
import type { FactPack } from '@/lib/facts/schema';

/** The reader's settings; always a complete object. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The reader's own facts, as a fact pack. */
export const readerPackItem = storage.defineItem<FactPack>('local:readerPack', {
  fallback: EMPTY_READER_PACK,
  version: 1,
});

/** Applies `change` to the stored settings and returns what was stored. */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await settingsItem.getValue());
  await settingsItem.setValue(next);
  return next;
}

/** Applies `change` to the stored reader pack and returns what was stored. */
export async function updateReaderPack(change: (pack: FactPack) => FactPack): Promise<FactPack> {
  const next = change(await readerPackItem.getValue());
  await readerPackItem.setValue(next);
  return next;
}
