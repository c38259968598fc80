import { describe, expect, it } from 'vitest';
import { formatDate, formatFigure, formatNumber, formatPeriod } from '@/lib/ui/format';

describe('format', () => {
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
    expect(formatPeriod('total')).toBe('overall');
    expect(formatPeriod('past:2y')).toBe('in the past 2 years');
    expect(formatPeriod('past:1m')).toBe('in the past month');
    expect(formatPeriod('year:2024')).toBe('in 2024');
    expect(formatPeriod('month:2023-07')).toBe('in July 2023');
    expect(formatPeriod('since:2017')).toBe('since 2017');
    expect(formatDate('2023-08-17')).toBe('17 August 2023');
    expect(formatDate('2023')).toBe('2023');
  });
});
