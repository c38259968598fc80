import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '@/lib/shared/defaults';
import { parseSettings, readSettings, updateSettings, watchSettings } from '@/lib/shared/storage';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('settings', () => {
  it('read complete defaults before anything is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('fill fields an older version did not store, and take back a damaged field alone', async () => {
    await fakeBrowser.storage.local.set({
      settings: { paused: true, disabledSites: 'example.org', cardDelayMs: -5 },
    });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, paused: true });
    expect(parseSettings((await fakeBrowser.storage.local.get('settings')).settings)).toEqual({
      settings: { ...DEFAULT_SETTINGS, paused: true },
      problems: [
        'The setting “Sites switched off” could not be read, so it is back to its default.',
        'The setting “Card delay” could not be read, so it is back to its default.',
      ],
    });
  });

  it('never break on a value that is not settings at all', () => {
    for (const raw of [null, undefined, 'x', [1], 42]) {
      expect(parseSettings(raw).settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('are changed by updateSettings and seen by watchers', async () => {
    const seen: unknown[] = [];
    const stop = watchSettings((settings) => seen.push(settings.paused));
    const next = await updateSettings((s) => ({ ...s, paused: true }));
    stop();
    expect(next).toEqual({ ...DEFAULT_SETTINGS, paused: true });
    expect(await readSettings()).toEqual(next);
    expect(seen).toEqual([true]);
  });
});
