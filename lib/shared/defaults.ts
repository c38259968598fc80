/**
 * The shapes and defaults of what Backstory persists, apart from the storage items themselves so the
 * content script can use them without bundling the storage library (the background serves it).
 */
import type { FactPack } from '@/lib/shared/facts/schema';

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
