import { describe, expect, it } from 'vitest';
import { findDates, sameTime } from '@/lib/background/match/dates';
import { findPeriods } from '@/lib/shared/match/periods';

const dates = (text: string, published?: string) =>
  findDates(text, published).map(({ text: words, year, month }) => ({ words, year, month }));

describe('findDates: when a page says an event happened', () => {
  it('reads months, days and years as news writes them', () => {
    expect(
      dates('In March, it said. On 19 July 2022 and July 19, 2022 it did; in 2021 too; by 3 May.'),
    ).toEqual([
      { words: 'In March', year: undefined, month: 3 },
      { words: 'On 19 July 2022', year: 2022, month: 7 },
      { words: 'July 19, 2022', year: 2022, month: 7 },
      { words: 'in 2021', year: 2021, month: undefined },
      { words: 'by 3 May', year: undefined, month: 5 },
    ]);
  });

  it('never reads the verb "may" or a lower-case month as a date', () => {
    expect(dates('Officials may act. It may well be so.')).toEqual([]);
  });

  it('anchors relative dates on the article’s date, and reads none without it', () => {
    const published = '2023-09-14T08:00:00Z';
    expect(
      dates('Last month it struck; last year too; in February this year as well.', published),
    ).toEqual([
      { words: 'Last month', year: 2023, month: 8 },
      { words: 'last year', year: 2022, month: undefined },
      { words: 'in February this year', year: 2023, month: 2 },
    ]);
    expect(dates('Last month it struck.')).toEqual([]);
  });
});

describe('sameTime: can the page’s date be the source’s?', () => {
  it.each([
    [{ month: 7 }, '2022-07', true],
    [{ month: 3 }, '2022-07', false],
    [{ year: 2022 }, '2022-07', true],
    [{ year: 2021 }, '2022-07', false],
    [{ year: 2023, month: 7 }, '2022-07', false],
    [{ year: 2022, month: 8 }, '2022', true],
  ])('%o for %s → %s', (page, when, same) => {
    expect(sameTime({ text: '', ...page }, when)).toBe(same);
  });
});

describe('findPeriods', () => {
  it('reads "in <month> this year" and "last year" from the article’s date', () => {
    const published = '2025-03-10';
    expect(findPeriods('in February this year', published).map((p) => p.period)).toEqual([
      'month:2025-02',
    ]);
    expect(findPeriods('in May last year', published).map((p) => p.period)).toEqual([
      'month:2024-05',
    ]);
  });

  it('reads no range backwards', () => {
    expect(findPeriods('between 2023 and 2017').map((p) => p.period)).toEqual([]);
  });
});
