/**
 * The reader's settings, as a versioned @wxt-dev/storage item in `local` (nothing is synced or
 * sent anywhere), read the one way every context reads them: field by field, so a damaged or
 * missing field has its default and never breaks the extension. The reader's facts are stored by
 * lib/shared/facts/stored.ts.
 */
import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/defaults';
import { isRecord } from '@/lib/shared/facts/json';

/** v1: Settings. It holds what storage holds, which may be anything: read it with readSettings. */
export const settingsItem = storage.defineItem<unknown>('local:settings', { version: 1 });

const SETTINGS_FIELDS = {
  paused: v.boolean(),
  disabledSites: v.array(v.string()),
  useBundledPack: v.boolean(),
  markGeneric: v.boolean(),
  cardDelayMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
} satisfies { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> };

const SETTING_NAMES: Record<keyof Settings, string> = {
  paused: 'Pause',
  disabledSites: 'Sites switched off',
  useBundledPack: 'Use the bundled facts',
  markGeneric: 'Mark common names',
  cardDelayMs: 'Card delay',
};

/** Settings as stored, field by field: a field that is missing or unreadable has its default. */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const fields = isRecord(raw) ? raw : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  for (const key of Object.keys(SETTINGS_FIELDS) as (keyof Settings)[]) {
    // A field stored by an older version may be missing: that is no problem, its default applies.
    if (!Object.hasOwn(fields, key)) continue;
    const parsed = v.safeParse(SETTINGS_FIELDS[key], fields[key]);
    if (parsed.success) settings[key] = parsed.output;
    else
      problems.push(
        `The setting “${SETTING_NAMES[key]}” could not be read, so it is back to its default.`,
      );
  }
  return { settings: settings as unknown as Settings, problems };
}

/** The reader's settings, complete and valid, in any context. */
export async function readSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue()).settings;
}

/** Calls `callback` with the settings whenever they change; returns the function that stops it. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => callback(parseSettings(raw).settings));
}

/** Applies `change` to the stored settings and returns what was stored. */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await readSettings());
  await settingsItem.setValue(next);
  return next;
}
