/**
 * Everything Backstory persists, as versioned @wxt-dev/storage items. Stored in `local`:
 * nothing is synced or sent anywhere.
 */
import { storage } from '@wxt-dev/storage';
import type { FactPack } from '@/lib/facts/schema';

export interface Settings {
  /** Global pause: no marks anywhere. */
  paused: boolean;
  /** Hostnames the reader switched off ("Annotate this site" unchecked). */
  disabledSites: string[];
  /** Whether the bundled pack (drawn from the two source articles) is used. */
  useBundledPack: boolean;
  /** Whether generic entities (countries, big agencies) are marked on on-topic pages. */
  markGeneric: boolean;
  /** Dwell before the card opens, in ms. */
  cardDelayMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  disabledSites: [],
  useBundledPack: true,
  markGeneric: true,
  cardDelayMs: 500,
};

export const EMPTY_READER_PACK: FactPack = {
  format: 1,
  name: 'My facts',
  sources: [],
  entities: [],
  claims: [],
};

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
