import { describe, expect, it } from 'vitest';
import { findFigures } from '@/lib/shared/match/figures';
import { parseNumber } from '@/lib/shared/match/vocabulary';

const PUBLISHED = '2023-09-14T08:00:00Z';

/** The single figure in `text`, without offsets. */
function only(text: string, published = PUBLISHED) {
  const found = findFigures(text, 0, text.length, { published });
  expect(found, text).toHaveLength(1);
  const { start: _start, end: _end, ...figure } = found[0] as (typeof found)[number];
  return figure;
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
    ['It paid $600,000,000 to them.', '$600,000,000', 6e8, 'USD'],
  ])('%s → %s', (text, figure, value, unit) => {
    expect(only(text)).toEqual({
      text: figure,
      value,
      unit,
      qualifier: 'exact',
      period: 'total',
      scope: 'total',
    });
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
    expect(only(`They stole ${phrase} from banks.`)).toMatchObject({
      text: phrase,
      value: 1e9,
      unit: 'USD',
      qualifier,
    });
  });
});

describe('findFigures: the period of the figure’s own clause', () => {
  it.each([
    ['had stolen more than $1 billion in the past two years alone', 'past:2y'],
    ['had stolen more than $1 billion in the\n      past two years alone', 'past:2y'],
    ['stolen over $1 billion during the past two years', 'past:2y'],
    ['in the last 18 months stolen over $1 billion', 'past:18m'],
    ['took about $3 billion in crypto between 2017 and 2023', 'range:2017-2023'],
    ['took about $3 billion from 2017 to 2023', 'range:2017-2023'],
    ['took about $3 billion in 2017–2023', 'range:2017-2023'],
    ['In 2022 alone, its hackers stole $1.7 billion', 'year:2022'],
    ['has stolen $2 billion over five years', 'past:5y'],
    ['Over a decade, its hackers have taken $3 billion', 'past:10y'],
    ['has taken $3 billion in more than a decade of hacking', 'past:10y'],
    ['in the past decade it has taken $3 billion', 'past:10y'],
    ['Last year its hackers stole $600 million', 'year:2022'],
    ['has stolen $3 billion in crypto since 2017', 'since:2017'],
    ['So far this year its hackers have stolen $340 million', 'since:2023'],
    ['In July 2023, they had stolen over $1 billion', 'month:2023-07'],
    ['stolen over $1 billion in the past year', 'past:1y'],
  ])('%s → %s', (text, period) => {
    expect(only(text).period).toBe(period);
  });

  it('reads "last year" as within the past year when the article has no date', () => {
    expect(only('Last year its hackers stole $600 million', '').period).toBe('past:1y');
  });

  it('takes the period nearest to each figure, in its own clause first', () => {
    const text = 'In 2022 it stole $1 billion, and since 2017 about $3 billion.';
    expect(findFigures(text).map((f) => [f.text, f.period])).toEqual([
      ['$1 billion', 'year:2022'],
      ['about $3 billion', 'since:2017'],
    ]);
  });

  it('never reads a length of time as a figure ("10 years", "a 10-year")', () => {
    expect(findFigures('For the past 10 years, it has tried.')).toEqual([]);
    expect(findFigures('He served 10 years in prison.')).toEqual([]);
    expect(findFigures('A 10-year-old boy saw 3 men.').map((f) => f.text)).toEqual(['3']);
  });
});

describe('findFigures: one incident or a running total', () => {
  it.each([
    ['In 2016 its hackers stole $81 million from a central bank.', 'a central bank'],
    ['It drained $100 million from a bridge that links two blockchains.', 'a bridge'],
    ['Months earlier it stole $620 million from one game network.', 'one game network'],
    ['The group took $1.5bn from one exchange in February.', 'one exchange'],
    ['Hackers took $1.5bn from Bybit in February.', 'Bybit'],
    [
      "Hackers stole $620 million from Axie Infinity's Ronin network.",
      "Axie Infinity's Ronin network",
    ],
    ['Hackers made off with $100 million in the Harmony bridge hack.', 'the Harmony bridge hack'],
    [
      'The largest heist on record, $1.5 billion, was taken in February.',
      'The largest heist on record',
    ],
    ['It took $1.5bn, the largest heist on record.', 'the largest heist on record'],
    [
      'The raid, one of the largest thefts of the year, netted about $300 million.',
      'one of the largest thefts of the year',
    ],
    [
      'The attack on a Hong Kong trading platform cost it $235 million.',
      'The attack on a Hong Kong trading platform',
    ],
    ['In the Ronin hack, hackers stole $620 million.', 'the Ronin hack'],
    ['The $620 million Ronin hack was the biggest.', 'Ronin hack'],
  ])('%s → one incident: %s', (text, incidentWords) => {
    expect(only(text)).toMatchObject({ scope: 'incident', incidentWords });
  });

  it.each([
    'North Korea has stolen $3 billion from crypto exchanges and banks around the world.',
    'The FBI recovered $500,000 from the hackers.',
    "A private analytics firm put the regime's total crypto theft at $3 billion.",
    'It has stolen $3 billion, including the largest heist on record.',
    'It stole $3 billion from US firms.',
    'It has stolen $1.5bn from one exchange and others, $3 billion in total.',
    'Many of the largest thefts, worth $3 billion, are blamed on it.',
  ])('%s → a total', (text) => {
    expect(findFigures(text, 0, text.length).at(-1)?.scope).toBe('total');
  });

  it('gives each figure of a sentence its own scope', () => {
    const text = 'It has stolen $3 billion, including $620 million from one game network.';
    expect(findFigures(text).map((f) => [f.text, f.scope])).toEqual([
      ['$3 billion', 'total'],
      ['$620 million', 'incident'],
    ]);
  });
});

describe('findFigures: conversions, counts, percentages, offsets', () => {
  it('reads a bracketed conversion as the same figure', () => {
    expect(only('North Korea has stolen $3bn (£2.4bn) in crypto.')).toEqual({
      text: '$3bn (£2.4bn)',
      value: 3e9,
      unit: 'USD',
      qualifier: 'exact',
      period: 'total',
      scope: 'total',
      conversions: [{ value: 2.4e9, unit: 'GBP' }],
    });
    expect(only('It lost £1.6bn (about $2bn) to hackers.').conversions).toEqual([
      { value: 2e9, unit: 'USD' },
    ]);
  });

  it('keeps a bracketed figure of another kind apart', () => {
    expect(findFigures('It stole $3bn (40%) of the total.').map((f) => f.text)).toEqual([
      '$3bn',
      '40%',
    ]);
  });

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

  it('parses number words and digits, and nothing else', () => {
    expect(
      ['twenty-five', 'half a', '1,234.5', 'a', 'ten', 'bogus'].map((n) => parseNumber(n)),
    ).toEqual([25, 0.5, 1234.5, 1, 10, Number.NaN]);
  });
});
