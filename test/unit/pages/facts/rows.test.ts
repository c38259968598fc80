import { describe, expect, it } from 'vitest';
import { factRows, filterRows } from '@/lib/pages/facts/rows';
import { stackLayers } from '@/lib/shared/facts/layers';
import type { FactPack } from '@/lib/shared/facts/schema';

const BUNDLED: FactPack = {
  format: 1,
  name: 'Bundled',
  sources: [{ id: 's', title: 'Hearing' }],
  entities: [
    {
      id: 'wray',
      name: 'Christopher Wray',
      kind: 'person',
      aliases: ['Wray'],
      summary: '',
      sourceIds: [],
    },
    { id: 'fbi', name: 'FBI', kind: 'organisation', aliases: [], summary: '', sourceIds: [] },
  ],
  claims: [
    {
      id: 'theft',
      statement: 'North Korea stole over $1 billion.',
      subjects: ['wray'],
      sourceId: 's',
      figure: { value: 1e9, unit: 'USD', qualifier: 'over', period: 'past:2y' },
      measure: 'm',
    },
  ],
  measures: [{ id: 'm', label: 'North Korea’s total crypto theft' }],
};

const CHECKS: FactPack = {
  format: 1,
  name: 'Fact checks by Example',
  sources: [{ id: 'r', title: 'Review' }],
  entities: [],
  claims: [
    {
      id: 'checked',
      statement: 'Hackers only attack banks.',
      subjects: [],
      sourceId: 'r',
      rating: { label: 'False' },
    },
  ],
};

const YOURS: FactPack = {
  format: 1,
  sources: [],
  entities: [
    {
      id: 'fbi',
      name: 'Federal Bureau of Investigation',
      kind: 'organisation',
      aliases: ['FBI'],
      summary: '',
      sourceIds: [],
    },
  ],
  claims: [],
  notes: [{ id: 'n', about: { kind: 'entity', id: 'wray' }, text: 'Left in 2025.', sourceIds: [] }],
};

const rows = factRows(
  stackLayers({
    bundled: BUNDLED,
    imported: [{ id: 'p', importedAt: '2026-05-03T00:00:00.000Z', pack: CHECKS }],
    yours: YOURS,
  }),
);

describe('factRows', () => {
  it('lists the reader’s own first, then imports, then the bundled facts, each once', () => {
    expect(rows.map((r) => [r.key, r.title, r.detail, r.from])).toEqual([
      ['notes:n', 'Left in 2025.', 'note on “Christopher Wray”', 'Yours'],
      ['entities:fbi', 'Federal Bureau of Investigation', 'organisation · also: FBI', 'Yours'],
      [
        'claims:checked',
        'Hackers only attack banks.',
        'fact check: False',
        'From “Fact checks by Example”, imported 3 May 2026',
      ],
      ['entities:wray', 'Christopher Wray', 'person · also: Wray', 'Bundled with Backstory'],
      [
        'claims:theft',
        'North Korea stole over $1 billion.',
        // What it counts, by its label: searching for it finds its figures.
        'figure: over $1 billion in the past two years · North Korea’s total crypto theft',
        'Bundled with Backstory',
      ],
    ]);
  });

  it('gives each row what a note on it would be about', () => {
    expect(rows.find((r) => r.id === 'theft')?.subject).toEqual({
      about: { kind: 'claim', id: 'theft' },
      name: 'North Korea stole over $1 billion.',
    });
    expect(rows.find((r) => r.id === 'n')?.subject).toEqual({
      about: { kind: 'entity', id: 'wray' },
      name: 'Christopher Wray',
    });
  });
});

describe('filterRows', () => {
  const keys = (found: typeof rows) => found.map((r) => r.key);

  it('finds every word of the search in a row’s title or details, in any case', () => {
    expect(keys(filterRows(rows, 'wray', 'all'))).toEqual(['notes:n', 'entities:wray']);
    expect(keys(filterRows(rows, 'BILLION over', 'all'))).toEqual(['claims:theft']);
    expect(filterRows(rows, '  ', 'all')).toEqual(rows);
  });

  it('keeps the reader’s own, the bundled facts, or one pack', () => {
    expect(keys(filterRows(rows, '', 'yours'))).toEqual(['notes:n', 'entities:fbi']);
    expect(keys(filterRows(rows, '', 'bundled'))).toEqual(['entities:wray', 'claims:theft']);
    expect(keys(filterRows(rows, '', 'pack:p'))).toEqual(['claims:checked']);
    expect(filterRows(rows, '', 'pack:other')).toEqual([]);
  });

  it('finds the one row asked for among 10,000', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...rows[1],
      key: `k${i}`,
      text: `fact number ${i}`,
    }));
    expect(filterRows(many as typeof rows, 'number 9999', 'all')).toHaveLength(1);
  });
});
