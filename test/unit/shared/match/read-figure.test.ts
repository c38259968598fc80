import { describe, expect, it } from 'vitest';
import { readFigure, readUnit } from '@/lib/shared/match/read-figure';

describe('readFigure: one figure typed the way news writes it', () => {
  it.each([
    [
      'over $1 billion in the past two years',
      { value: 1e9, unit: 'USD', qualifier: 'over', period: 'past:2y', scope: 'total' },
    ],
    ['$1.7 billion', { value: 1.7e9, unit: 'USD', qualifier: 'exact', period: 'total' }],
    ['1.7 billion dollars', { value: 1.7e9, unit: 'USD' }],
    [
      'about 300 hackers in 2022',
      { value: 300, unit: 'count', qualifier: 'about', period: 'year:2022' },
    ],
    ['£2.4bn between 2017 and 2023', { value: 2.4e9, unit: 'GBP', period: 'range:2017-2023' }],
    [
      '$620 million from one game network',
      { scope: 'incident', incidentWords: 'one game network' },
    ],
    ['$3bn (£2.4bn)', { value: 3e9, unit: 'USD', conversions: [{ value: 2.4e9, unit: 'GBP' }] }],
  ])('%s', (text, expected) => {
    const reading = readFigure(text);
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.figure).toMatchObject(expected);
  });

  it('anchors relative periods on the date given', () => {
    const reading = readFigure('$600 million last year', { published: '2023-09-14' });
    expect(reading.ok && reading.figure.period).toBe('year:2022');
  });

  it.each([
    ['', 'Enter a figure'],
    ['10 years', '“10 years” is a length of time, not a figure a source counts'],
    ['in 2022', '“in 2022” is a period, not a figure'],
    ['dollars', '“dollars” has no number'],
    ['a lot of money', 'No figure found in “a lot of money”'],
    ['$1 billion or $2 billion', '“$1 billion” and “$2 billion” are two figures'],
  ])('says why “%s” cannot be read', (text, reason) => {
    const reading = readFigure(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toContain(reason);
  });

  it('reads units as the page reader does', () => {
    expect(['dollars', 'US$', '£', 'euros', 'count', 'krw', 'bogus'].map(readUnit)).toEqual([
      'USD',
      'USD',
      'GBP',
      'EUR',
      'count',
      'KRW',
      undefined,
    ]);
  });
});
