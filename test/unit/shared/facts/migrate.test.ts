import { describe, expect, it } from 'vitest';
import { EARLIER_IMPORTS_ID, readerUnitsV3, splitReaderPackV1 } from '@/lib/shared/facts/migrate';
import type { FactPack } from '@/lib/shared/facts/schema';
import { validatePack } from '@/lib/shared/facts/validate';

const NOW = new Date('2026-11-25T10:00:00Z');

/** A v1 reader pack as the v1 options page left it: a fact typed in, and a pack imported into it. */
const V1 = {
  format: 1,
  name: 'Lazarus notes',
  sources: [
    { id: 'reader.lazarus-group.source', title: 'Advisory', publisher: 'Added by you' },
    { id: 'src.cisa', title: 'CISA alert', publisher: 'CISA', url: 'https://cisa.gov/a' },
  ],
  entities: [
    {
      id: 'reader.lazarus-group',
      name: 'Lazarus Group',
      kind: 'organisation',
      aliases: ['Lazarus'],
      summary: 'A group.',
      sourceIds: ['reader.lazarus-group.source'],
    },
    {
      id: 'apt38',
      name: 'APT38',
      kind: 'organisation',
      aliases: [],
      summary: 'Imported.',
      sourceIds: ['src.cisa'],
    },
  ],
  claims: [
    {
      id: 'reader.lazarus-group.figure',
      statement: 'Lazarus Group: about $1.7 billion in 2022',
      subjects: ['reader.lazarus-group'],
      sourceId: 'reader.lazarus-group.source',
      evidence: 'about $1.7 billion in 2022',
      figure: { value: 1.7e9, unit: 'USD', qualifier: 'about', period: 'year:2022' },
      measure: 'reader.lazarus-group',
    },
    {
      id: 'apt38.theft',
      statement: 'APT38 stole from banks.',
      subjects: ['apt38'],
      sourceId: 'src.cisa',
      evidence: 'targeted banks worldwide',
    },
  ],
};

describe('splitReaderPackV1', () => {
  it('keeps the reader’s own facts and moves what was imported to a pack of its own', () => {
    const { yours, earlierImports } = splitReaderPackV1(structuredClone(V1), NOW);
    expect(yours).toEqual({
      format: 1,
      name: 'My facts',
      sources: [{ id: 'reader.lazarus-group.source', title: 'Advisory' }],
      entities: [V1.entities[0]],
      claims: [
        {
          id: 'reader.lazarus-group.figure',
          statement: 'Lazarus Group: about $1.7 billion in 2022',
          subjects: ['reader.lazarus-group'],
          sourceId: 'reader.lazarus-group.source',
          figure: { value: 1.7e9, unit: 'USD', qualifier: 'about', period: 'year:2022' },
          measure: 'reader.lazarus-group',
        },
      ],
    });
    expect(earlierImports).toEqual({
      id: EARLIER_IMPORTS_ID,
      importedAt: '2026-11-25T10:00:00.000Z',
      pack: {
        format: 1,
        name: 'Lazarus notes',
        sources: [V1.sources[1]],
        entities: [V1.entities[1]],
        claims: [V1.claims[1]],
      },
    });
    expect(validatePack(yours).ok).toBe(true);
    expect(validatePack(earlierImports?.pack).ok).toBe(true);
  });

  it('loses nothing else: every entry is in one of the two parts', () => {
    const { yours, earlierImports } = splitReaderPackV1(structuredClone(V1), NOW);
    const ids = (pack: unknown) =>
      ['sources', 'entities', 'claims'].flatMap((list) =>
        (pack as Record<string, { id: string }[]>)[list]?.map((e) => e.id),
      );
    expect([...ids(yours), ...ids(earlierImports?.pack)].sort()).toEqual(ids(V1).sort());
  });

  it('keeps a quote the reader gave, and a pack of only the reader’s facts whole', () => {
    const mine = structuredClone(V1);
    mine.name = 'My facts';
    mine.sources = [mine.sources[0] as (typeof V1.sources)[0]];
    mine.entities = [mine.entities[0] as (typeof V1.entities)[0]];
    const claim = { ...(mine.claims[0] as (typeof V1.claims)[0]), evidence: 'stole about $1.7bn' };
    mine.claims = [claim];
    const { yours, earlierImports } = splitReaderPackV1(mine, NOW);
    expect(earlierImports).toBeUndefined();
    expect((yours as FactPack).claims[0]?.evidence).toBe('stole about $1.7bn');
  });

  it('keeps the measure labels v1 imported, with what it imported (or with yours, when that is all)', () => {
    const measures = [{ id: 'dprk.crypto-theft.usd', label: 'North Korea’s crypto theft' }];
    const split = splitReaderPackV1({ ...structuredClone(V1), measures }, NOW);
    expect((split.earlierImports?.pack as FactPack | undefined)?.measures).toEqual(measures);
    expect((split.yours as FactPack).measures).toBeUndefined();
    expect(validatePack(split.earlierImports?.pack).ok).toBe(true);

    const onlyYours = { ...structuredClone(V1), measures };
    onlyYours.sources = [onlyYours.sources[0] as (typeof V1.sources)[0]];
    onlyYours.entities = [onlyYours.entities[0] as (typeof V1.entities)[0]];
    onlyYours.claims = [onlyYours.claims[0] as (typeof V1.claims)[0]];
    const whole = splitReaderPackV1(onlyYours, NOW);
    expect(whole.earlierImports).toBeUndefined();
    expect((whole.yours as FactPack).measures).toEqual(measures);
  });

  it('names imports into an unnamed v1 pack plainly', () => {
    const { earlierImports } = splitReaderPackV1({ ...structuredClone(V1), name: 'My facts' }, NOW);
    expect((earlierImports?.pack as FactPack | undefined)?.name).toBe(
      'Facts you imported before packs were kept apart',
    );
  });

  it('leaves a value that is not a pack as it is, for reading to report', () => {
    for (const value of [null, 'x', { format: 1 }, [1]]) {
      expect(splitReaderPackV1(value, NOW)).toEqual({ yours: value });
    }
  });
});

describe('readerUnitsV3', () => {
  /** A v2 claim of the reader's with a figure in `unit`, as the v2 form stored what was typed. */
  const claim = (id: string, unit: string) => ({
    id,
    statement: `${id}: a figure`,
    subjects: ['reader.e'],
    sourceId: 'reader.e.source',
    figure: { value: 1.7e9, unit, qualifier: 'over', period: 'year:2022' },
    measure: 'reader.e',
  });

  it('writes the units as pages are read, so dollars, USD and $ are one unit', () => {
    const v2 = {
      format: 1,
      name: 'My facts',
      sources: [{ id: 'reader.e.source', title: 'T' }],
      entities: [],
      claims: [
        claim('a', 'dollars'),
        claim('b', 'usd'),
        claim('c', '$'),
        claim('d', 'USD'),
        claim('e', 'Count'),
        claim('f', 'euros'),
        { id: 'g', statement: 'No figure.', subjects: ['reader.e'], sourceId: 'reader.e.source' },
      ],
    };
    const v3 = readerUnitsV3(structuredClone(v2)) as typeof v2;
    expect(v3.claims.map((c) => ('figure' in c ? c.figure.unit : undefined))).toEqual([
      'USD',
      'USD',
      'USD',
      'USD',
      'count',
      'EUR',
      undefined,
    ]);
    // Nothing else changes, and a second run changes nothing.
    const units = ['USD', 'USD', 'USD', 'USD', 'count', 'EUR'];
    expect(v3).toEqual({
      ...v2,
      claims: v2.claims.map((c, i) =>
        'figure' in c ? { ...c, figure: { ...c.figure, unit: units[i] } } : c,
      ),
    });
    expect(readerUnitsV3(structuredClone(v3))).toEqual(v3);
  });

  it('keeps a unit pages do not read (“years”) as typed, and anything that is not a pack as it is', () => {
    const v2 = { format: 1, sources: [], entities: [], claims: [claim('a', 'years')] };
    expect(readerUnitsV3(structuredClone(v2))).toEqual(v2);
    for (const value of [null, 'x', { format: 1 }, [1], { claims: [7, { figure: 'x' }] }]) {
      expect(readerUnitsV3(value)).toEqual(value);
    }
  });
});
