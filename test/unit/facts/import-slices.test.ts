import { describe, expect, it } from 'vitest';
import { type ImportProgress, importPack, importPackInSlices, sameJson } from '@/lib/facts/import';
import type { FactPack } from '@/lib/facts/schema';
import { checkEntries, planChecks } from '@/lib/facts/validate';

const MINE: FactPack = {
  format: 1,
  name: 'My facts',
  sources: [{ id: 'src.mine', title: 'One', publisher: 'P', url: 'https://e.org/1' }],
  entities: [
    {
      id: 'kimsuky',
      name: 'Kimsuky',
      kind: 'organisation',
      aliases: ['APT43'],
      summary: 'A group.',
      sourceIds: ['src.mine'],
    },
  ],
  claims: [],
};

/** A pack of `n` entities, each citing its own source. */
function manyFacts(n: number): FactPack {
  const pack: FactPack = { format: 1, name: 'Many', sources: [], entities: [], claims: [] };
  for (let i = 0; i < n; i++) {
    pack.sources.push({ id: `s${i}`, title: `Source ${i}`, publisher: 'P' });
    pack.entities.push({
      id: `e${i}`,
      name: `Entity ${i}`,
      kind: 'concept',
      aliases: [],
      summary: 'x'.repeat(500),
      sourceIds: [`s${i}`],
    });
  }
  return pack;
}

describe('importPackInSlices', () => {
  const many = manyFacts(3);
  const withMine = {
    ...many,
    sources: [...MINE.sources, ...many.sources],
    entities: [{ ...MINE.entities[0], summary: 'Changed.' }, ...many.entities],
  };
  const files: [string, string][] = [
    ['new and duplicate entries', JSON.stringify(withMine)],
    [
      'an invalid entry',
      JSON.stringify({ ...MINE, entities: [{ ...MINE.entities[0], kind: 'x' }] }),
    ],
    ['text that is not JSON', '{"format": 1,'],
    ['JSON that is not a pack', '[1, 2]'],
  ];

  it.each(files)('gives the same result as importPack for %s', async (_name, text) => {
    expect(await importPackInSlices(MINE, text)).toEqual(importPack(MINE, text));
  });

  it('reports duplicates, and whether they are identical, as importPack does', async () => {
    const { report } = await importPackInSlices(MINE, JSON.stringify(withMine));
    expect(report.added).toEqual({ sources: 3, entities: 3, claims: 0 });
    expect(report.duplicates).toEqual([
      { section: 'sources', id: 'src.mine', identical: true },
      { section: 'entities', id: 'kimsuky', identical: false },
    ]);
  });

  it('leaves the reader’s facts themselves in place when anything is wrong', async () => {
    const [, bad] = files[1] ?? [];
    expect((await importPackInSlices(MINE, bad ?? '')).pack).toBe(MINE);
  });

  it('reports its progress after each slice, ending with every entry checked', async () => {
    const progress: ImportProgress[] = [];
    const { report } = await importPackInSlices(
      MINE,
      JSON.stringify(manyFacts(5000)),
      undefined,
      (p) => progress.push(p),
    );
    expect(report.added).toEqual({ sources: 5000, entities: 5000, claims: 0 });
    expect(progress.at(-1)).toEqual({ checked: 10000, total: 10000 });
    for (const [i, p] of progress.entries()) {
      expect(p.total).toBe(10000);
      expect(p.checked).toBeGreaterThan(progress[i - 1]?.checked ?? 0);
    }
  });
});

describe('planChecks', () => {
  it('has one step per entry and gives checkEntries’ result once they have run', () => {
    const input = { ...manyFacts(2), claims: [{ id: 'c' }] };
    const checks = planChecks(input);
    expect(checks.steps).toHaveLength(5);
    expect(checks.result().pack.entities).toEqual([]);
    for (const step of checks.steps) step();
    expect(checks.result()).toEqual(checkEntries(input));
  });
});

describe('sameJson', () => {
  it('ignores the order of object keys but not of list items', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it('tells apart different values, missing keys and lists from objects', () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: 1 }, { a: 1, c: 1 })).toBe(false);
    expect(sameJson(['a'], { 0: 'a' })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson('x', 'x')).toBe(true);
  });
});
