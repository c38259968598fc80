import { describe, expect, it } from 'vitest';
import {
  describeFigure,
  describePeriod,
  formatDate,
  formatFigure,
  formatNumber,
} from '@/lib/facts/describe';

describe('describing figures in words', () => {
  it('writes numbers the way news does', () => {
    expect(formatNumber(2e9)).toBe('2 billion');
    expect(formatNumber(1.25e6)).toBe('1.25 million');
    expect(formatNumber(500000)).toBe('500,000');
  });

  it('writes figures with qualifier and unit', () => {
    expect(formatFigure({ value: 1e9, unit: 'USD', qualifier: 'over' })).toBe('over $1 billion');
    expect(formatFigure({ value: 4.5e8, unit: 'GBP', qualifier: 'exact' })).toBe('£450 million');
    expect(formatFigure({ value: 300, unit: 'count', qualifier: 'about' })).toBe('about 300');
    expect(formatFigure({ value: 10, unit: 'years', qualifier: 'up-to' })).toBe('up to 10 years');
  });

  it('writes periods and partial dates', () => {
    expect(describePeriod('total')).toBe('overall');
    expect(describePeriod('past:2y')).toBe('in the past 2 years');
    expect(describePeriod('past:1m')).toBe('in the past month');
    expect(describePeriod('year:2024')).toBe('in 2024');
    expect(describePeriod('month:2023-07')).toBe('in July 2023');
    expect(describePeriod('since:2017')).toBe('since 2017');
    expect(formatDate('2023-08-17')).toBe('17 August 2023');
    expect(formatDate('2023')).toBe('2023');
  });

  it('describes units and periods in words', () => {
    expect(
      describeFigure({ value: 4.5e8, unit: 'GBP', qualifier: 'up-to', period: 'since:2017' }),
    ).toBe('up to £450 million since 2017');
    expect(
      describeFigure({ value: 500000, unit: 'USD', qualifier: 'exact', period: 'month:2023-07' }),
    ).toBe('$500,000 in July 2023');
    expect(
      describeFigure({ value: 10, unit: 'years', qualifier: 'exact', period: 'past:1y' }),
    ).toBe('10 years in the past year');
    expect(
      describeFigure({ value: 3000, unit: 'count', qualifier: 'under', period: 'year:2024' }),
    ).toBe('under 3,000 in 2024');
  });
});
