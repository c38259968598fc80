import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, EMPTY_READER_PACK } from '@/lib/defaults';
import type { FactPack } from '@/lib/facts/schema';
import { readerPackItem, settingsItem, updateReaderPack, updateSettings } from '@/lib/storage';

const PACK: FactPack = {
  format: 1,
  name: 'My facts',
  sources: [{ id: 's', title: 'T', publisher: 'P', url: 'https://example.org' }],
  entities: [
    { id: 'e', name: 'E', kind: 'concept', aliases: ['Ee'], summary: 'About E.', sourceIds: ['s'] },
  ],
  claims: [],
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('storage items', () => {
  it('give complete defaults before anything is stored', async () => {
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await readerPackItem.getValue()).toEqual(EMPTY_READER_PACK);
  });

  it('store v1 values in local storage and read them back unchanged', async () => {
    await readerPackItem.setValue(PACK);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['example.org'] });
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw).toEqual({
      readerPack: PACK,
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['example.org'] },
    });
    expect(await readerPackItem.getValue()).toEqual(PACK);
    expect(await settingsItem.getValue()).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['example.org'],
    });
  });

  it('read a value stored without version metadata (legacy, unversioned) as v1, untouched', async () => {
    await fakeBrowser.storage.local.set({ readerPack: PACK });
    await readerPackItem.migrate();
    expect(await readerPackItem.getValue()).toEqual(PACK);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ readerPack: PACK });
  });

  it('survive a restart: a fresh item over the same storage sees the same facts', async () => {
    await readerPackItem.setValue(PACK);
    const { storage } = await import('@wxt-dev/storage');
    const reopened = storage.defineItem<FactPack>('local:readerPack', {
      fallback: EMPTY_READER_PACK,
      version: 1,
    });
    expect(await reopened.getValue()).toEqual(PACK);
  });
});

describe('updateSettings and updateReaderPack', () => {
  it('apply a change to what is stored and return the result', async () => {
    const settings = await updateSettings((s) => ({ ...s, paused: true }));
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, paused: true });
    expect(await settingsItem.getValue()).toEqual(settings);

    const pack = await updateReaderPack((p) => ({ ...p, entities: PACK.entities }));
    expect(pack).toEqual({ ...EMPTY_READER_PACK, entities: PACK.entities });
    expect(await readerPackItem.getValue()).toEqual(pack);
  });

  it('notify watchers, which is how open tabs see new facts at once', async () => {
    const seen: FactPack[] = [];
    const unwatch = readerPackItem.watch((value) => seen.push(value));
    await updateReaderPack(() => PACK);
    unwatch();
    expect(seen).toEqual([PACK]);
  });
});
