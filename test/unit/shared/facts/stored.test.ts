import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { EMPTY_READER_PACK } from '@/lib/shared/defaults';
import { EARLIER_IMPORTS_ID } from '@/lib/shared/facts/migrate';
import type { FactPack } from '@/lib/shared/facts/schema';
import {
  dropUnreadable,
  importedPacksItem,
  keepUnreadableCopy,
  readerPackItem,
  readStoredFacts,
  saveImported,
  saveYours,
  unreadableData,
  watchStoredFacts,
} from '@/lib/shared/facts/stored';
import { settingsItem } from '@/lib/shared/storage';

const PACK: FactPack = {
  format: 1,
  name: 'My facts',
  sources: [{ id: 'reader.e.source', title: 'T', publisher: 'P', url: 'https://example.org' }],
  entities: [
    {
      id: 'reader.e',
      name: 'E',
      kind: 'concept',
      aliases: ['Ee'],
      summary: 'About E.',
      sourceIds: ['reader.e.source'],
    },
  ],
  claims: [],
};

const IMPORTED = { id: 'pack.1', importedAt: '2026-11-20T09:00:00.000Z', pack: PACK };

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the reader’s facts', () => {
  it('read an empty pack of their own and no imports before anything is stored', async () => {
    expect(await readStoredFacts()).toEqual({
      yours: EMPTY_READER_PACK,
      imported: [],
      problems: [],
    });
  });

  it('store their own facts (v3) and imported packs (v1) apart, and read them back', async () => {
    expect(await saveYours(PACK)).toEqual({ ok: true });
    expect(await saveImported([IMPORTED])).toEqual({ ok: true });
    expect(await fakeBrowser.storage.local.get(['readerPack', 'importedPacks'])).toEqual({
      readerPack: PACK,
      importedPacks: [IMPORTED],
    });
    expect(await readStoredFacts()).toEqual({ yours: PACK, imported: [IMPORTED], problems: [] });
  });

  it('migrate a v1 pack: the reader’s own stay, what was imported becomes a pack, nothing is lost', async () => {
    const source = { id: 'src.cisa', title: 'CISA alert' };
    const imported = { ...PACK.entities[0], id: 'apt38', name: 'APT38', sourceIds: ['src.cisa'] };
    const v1 = {
      ...PACK,
      sources: [...PACK.sources, source],
      entities: [...PACK.entities, imported],
    };
    await fakeBrowser.storage.local.set({ readerPack: v1, readerPack$: { v: 1 } });
    await readerPackItem.migrate();
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.readerPack$).toEqual({ v: 3 });
    expect(stored.readerPack).toEqual(PACK);
    expect(stored.importedPacks).toEqual([
      {
        id: EARLIER_IMPORTS_ID,
        importedAt: expect.any(String),
        pack: {
          format: 1,
          name: 'Facts you imported before packs were kept apart',
          sources: [source],
          entities: [imported],
          claims: [],
        },
      },
    ]);
    // Read as before: the imported entity still cites its source, now in the same pack.
    const { yours, imported: packs, problems } = await readStoredFacts();
    expect(problems).toEqual([]);
    expect(yours.entities.map((e) => e.id)).toEqual(['reader.e']);
    expect(packs[0]?.pack.entities.map((e) => e.id)).toEqual(['apt38']);
  });

  it('migrate a legacy value stored without version metadata as v1, and twice to the same result', async () => {
    await fakeBrowser.storage.local.set({ readerPack: PACK });
    await readerPackItem.migrate();
    const once = await fakeBrowser.storage.local.get(null);
    await fakeBrowser.storage.local.set({ readerPack$: { v: 1 } });
    await readerPackItem.migrate();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(once);
    expect(once.readerPack).toEqual(PACK);
  });

  it('migrate a v2 pack: a figure typed in “dollars” is kept, in USD, and compared as such', async () => {
    const typed = {
      id: 'reader.e.figure',
      statement: 'E: over 1.7 billion dollars in 2022',
      subjects: ['reader.e'],
      sourceId: 'reader.e.source',
      figure: { value: 1.7e9, unit: 'dollars', qualifier: 'over', period: 'year:2022' },
      measure: 'reader.e',
    };
    await fakeBrowser.storage.local.set({
      readerPack: { ...PACK, claims: [typed] },
      readerPack$: { v: 2 },
    });
    await readerPackItem.migrate();
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.readerPack$).toEqual({ v: 3 });
    const { yours, problems } = await readStoredFacts();
    expect(problems).toEqual([]);
    expect(yours).toEqual({
      ...PACK,
      claims: [{ ...typed, figure: { ...typed.figure, unit: 'USD' } }],
    });
  });

  it('leave damaged entries out, say which, and keep the rest working', async () => {
    const damaged = {
      ...PACK,
      entities: [...PACK.entities, { id: 'x', name: 'X', kind: 'planet' }],
    };
    await fakeBrowser.storage.local.set({
      readerPack: damaged,
      importedPacks: [IMPORTED, { id: 'broken' }, 'junk'],
    });
    const facts = await readStoredFacts();
    expect(facts.yours).toEqual(PACK);
    expect(facts.imported).toEqual([IMPORTED]);
    expect(facts.problems).toEqual([
      'Your facts: Entity 2 (“X”): the kind must be one of person, organisation, country, place, programme, event, concept, not “planet”',
      'Your facts: Entity 2 (“X”): the aliases are missing',
      'Your facts: Entity 2 (“X”): the summary is missing',
      'Your facts: Entity 2 (“X”): the sources are missing',
      'Imported pack 2 could not be read.',
      'Imported pack 3 could not be read.',
    ]);
  });

  it('never break on storage that holds anything at all', async () => {
    for (const [readerPack, importedPacks] of [
      ['x', 7],
      [[1], {}],
      [{ format: 1 }, [null]],
    ]) {
      await fakeBrowser.storage.local.set({ readerPack, importedPacks });
      const facts = await readStoredFacts();
      expect(facts.yours.entities).toEqual([]);
      expect(facts.imported).toEqual([]);
      expect(facts.problems.length).toBeGreaterThan(0);
    }
  });

  it('keep a copy of damaged data until the reader drops what could not be read', async () => {
    const damaged = { ...PACK, claims: [{ id: 'c' }] };
    await fakeBrowser.storage.local.set({ readerPack: damaged });
    expect(await keepUnreadableCopy()).toBe(true);
    await saveYours(PACK);
    // A later copy does not replace the first: it holds the data as it was.
    expect(await keepUnreadableCopy()).toBe(true);
    expect(await unreadableData()).toEqual({ readerPack: damaged, importedPacks: null });
    expect(await dropUnreadable(await readStoredFacts())).toEqual({ ok: true });
    expect((await fakeBrowser.storage.local.get('unreadable')).unreadable).toBeUndefined();
  });

  it('say in words when storage is full, and store nothing', async () => {
    await saveYours(PACK);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('Resource::kQuotaBytes quota exceeded'),
    );
    expect(await saveYours(EMPTY_READER_PACK)).toEqual({
      ok: false,
      message:
        'Nothing was saved: the browser’s storage for Backstory is full (it holds about 10 MB). Remove an imported pack or facts you no longer need, then try again.',
    });
    expect(await saveImported([])).toMatchObject({ ok: false });
    expect((await readStoredFacts()).yours).toEqual(PACK);
  });

  it('tell watchers about changes to either, which is how open tabs see new facts at once', async () => {
    const seen: number[] = [];
    const stop = watchStoredFacts((facts) => seen.push(facts.imported.length));
    await saveImported([IMPORTED]);
    await vi.waitFor(() => expect(seen).toEqual([1]));
    await saveYours(PACK);
    await vi.waitFor(() => expect(seen).toEqual([1, 1]));
    stop();
  });

  it('survive a restart: the items read what is stored', async () => {
    await saveYours(PACK);
    expect(await readerPackItem.getValue()).toEqual(PACK);
    expect(await importedPacksItem.getValue()).toBeNull();
    expect(await settingsItem.getValue()).toBeNull();
  });
});
