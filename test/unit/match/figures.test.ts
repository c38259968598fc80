import { describe, expect, it } from 'vitest';
import { findFigures, parseNumber } from '@/lib/match/figures';

/** The single figure in `text`, without offsets. */
function only(text: string) {
  const found = findFigures(text);
  expect(found).toHaveLength(1);
  const [f] = found;
  return (
    f && { text: f.text, value: f.value, unit: f.unit, qualifier: f.qualifier, period: f.period }
  );
}

describe('findFigures: money in news forms', () => {
  it.each([
    ['It funded $2b for missiles.', '$2b', 2e9, 'USD'],
    ['It stole $2 billion last time.', '$2 billion', 2e9, 'USD'],
    ['Losses reached US$2bn.', 'US$2bn', 2e9, 'USD'],
    ['They took 2 billion dollars.', '2 billion dollars', 2e9, 'USD'],
    ['They took two billion dollars.', 'two billion dollars', 2e9, 'USD'],
    ['It recovered half a million dollars of ransom.', 'half a million dollars', 5e5, 'USD'],
    ['A fine of $500,000 was paid.', '$500,000', 5e5, 'USD'],
    ['The bank lost £450m.', '£450m', 4.5e8, 'GBP'],
    ['The bank lost €1.2 billion.', '€1.2 billion', 1.2e9, 'EUR'],
    ['Hackers took $1.3 trillion.', '$1.3 trillion', 1.3e12, 'USD'],
    ['It paid 300 million euros.', '300 million euros', 3e8, 'EUR'],
    ['It paid $600,000,000 in total.', '$600,000,000', 6e8, 'USD'],
  ])('%s → %s', (text, figure, value, unit) => {
    expect(only(text)).toEqual({ text: figure, value, unit, qualifier: 'exact', period: 'total' });
  });
});

describe('findFigures: qualifiers', () => {
  it.each([
    ['more than $1 billion', 'over'],
    ['over $1 billion', 'over'],
    ['at least $1 billion', 'over'],
    ['about $1 billion', 'about'],
    ['around $1 billion', 'about'],
    ['nearly $1 billion', 'about'],
    ['almost $1 billion', 'about'],
    ['up to $1 billion', 'up-to'],
    ['less than $1 billion', 'under'],
  ])('"%s" → %s', (phrase, qualifier) => {
    expect(only(`They stole ${phrase} from banks.`)).toEqual({
      text: phrase,
      value: 1e9,
      unit: 'USD',
      qualifier,
      period: 'total',
    });
  });
});

describe('findFigures: periods', () => {
  it.each([
    ['stolen over $1 billion during the past two years', 'past:2y'],
    ['stolen over $1 billion in the past two years', 'past:2y'],
    ['in the last 18 months stolen over $1 billion', 'past:18m'],
    ['stolen over $1 billion since 2017', 'since:2017'],
    ['stolen over $1 billion in 2024', 'year:2024'],
    ['In July 2023, they had stolen over $1 billion', 'month:2023-07'],
    ['stolen over $1 billion in the past year', 'past:1y'],
  ])('%s → %s', (text, period) => {
    expect(only(text)).toMatchObject({ text: 'over $1 billion', period });
  });

  it('takes the period nearest to each figure in the range', () => {
    const text = 'In 2022 it stole $1 billion, and since 2017 about $3 billion.';
    expect(findFigures(text).map((f) => [f.text, f.period])).toEqual([
      ['$1 billion', 'year:2022'],
      ['about $3 billion', 'since:2017'],
    ]);
  });

  it('"for the past 10 years" is a period and a 10-year duration; "in the past two years" only a period', () => {
    expect(findFigures('For the past 10 years, it has tried.')).toEqual([
      {
        text: '10 years',
        value: 10,
        unit: 'years',
        qualifier: 'exact',
        period: 'total',
        start: 13,
        end: 21,
      },
    ]);
    expect(findFigures('It grew in the past two years.')).toEqual([]);
  });
});

describe('findFigures: counts, percentages, offsets', () => {
  it('reads counts and percentages, not years or lone number words', () => {
    const text = 'In 2023, one of 3,000 IT workers and 40% of two million accounts were hit.';
    expect(findFigures(text).map((f) => [f.text, f.value, f.unit])).toEqual([
      ['3,000', 3000, 'count'],
      ['40%', 40, 'percent'],
      ['two million', 2e6, 'count'],
    ]);
  });

  it('reports offsets into the full text when given a range', () => {
    const text = 'First sentence. Then $2b went missing.';
    const [f] = findFigures(text, 16, text.length);
    expect(f && [f.start, f.end, text.slice(f.start, f.end)]).toEqual([21, 24, '$2b']);
  });

  it('reads NBSP and thin spaces like spaces', () => {
    expect(only('It stole $2\u00a0billion.')).toMatchObject({
      text: '$2\u00a0billion',
      value: 2e9,
    });
  });

  it('parses number words', () => {
    expect([
      parseNumber('twenty-five'),
      parseNumber('half a'),
      parseNumber('1,234.5'),
      parseNumber('a'),
    ]).toEqual([25, 0.5, 1234.5, 1]);
  });
});
