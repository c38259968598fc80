import { describe, expect, it } from 'vitest';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { FactPack } from '@/lib/shared/facts/schema';
import { validatePack } from '@/lib/shared/facts/validate';

const reader: FactPack = {
  format: 1,
  name: 'My facts',
  sources: [{ id: 'my-notes', title: 'My notes', publisher: 'Me' }],
  entities: [
    {
      id: 'christopher-wray',
      name: 'Christopher Wray',
      kind: 'person',
      aliases: ['Wray'],
      summary: 'My own note on Wray.',
      sourceIds: ['my-notes'],
    },
    {
      id: 'lazarus',
      name: 'Lazarus Group',
      kind: 'organisation',
      aliases: ['Lazarus'],
      summary: 'A North Korean hacking group.',
      sourceIds: ['csi-defending-nk'],
    },
  ],
  claims: [],
};

describe('mergePacks', () => {
  const merged = mergePacks(bundledPack, reader);

  it('keeps every entry of both packs once', () => {
    expect(merged.sources.map((s) => s.id)).toEqual([
      ...bundledPack.sources.map((s) => s.id),
      'my-notes',
    ]);
    expect(merged.entities.map((e) => e.id)).toEqual([
      ...bundledPack.entities.map((e) => e.id),
      'lazarus',
    ]);
    expect(merged.claims).toEqual(bundledPack.claims);
  });

  it('lets the later pack replace an entry with the same id, in place and whole', () => {
    const index = bundledPack.entities.findIndex((e) => e.id === 'christopher-wray');
    expect(merged.entities[index]).toBe(reader.entities[0]);
  });

  it('gives a valid pack when the reader cites bundled sources', () => {
    expect(validatePack(merged).ok).toBe(true);
  });

  it('is a plain format-1 pack with no name, and empty for no packs', () => {
    expect(merged.format).toBe(1);
    expect(merged.name).toBeUndefined();
    expect(mergePacks()).toEqual({ format: 1, sources: [], entities: [], claims: [] });
  });

  it('keeps every pack’s measure labels, a reader’s own label winning', () => {
    const relabelled = mergePacks(bundledPack, {
      ...reader,
      measures: [
        { id: 'dprk.crypto-theft.usd', label: 'Crypto stolen by North Korea' },
        { id: 'reader.losses.usd', label: 'My losses' },
      ],
    });
    expect(relabelled.measures).toEqual([
      { id: 'dprk.crypto-theft.usd', label: 'Crypto stolen by North Korea' },
      {
        id: 'us.ransom-recovered-from-dprk-2022-07.usd',
        label: 'the ransom US authorities recovered from North Korean hackers in July 2022',
      },
      { id: 'reader.losses.usd', label: 'My losses' },
    ]);
  });

  it('does not change its inputs', () => {
    expect(bundledPack.entities.find((e) => e.id === 'christopher-wray')?.summary).not.toBe(
      'My own note on Wray.',
    );
    expect(reader.entities).toHaveLength(2);
  });
});
