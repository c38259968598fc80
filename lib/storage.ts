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
