import { describe, expect, it } from 'vitest';
import type { Claim, Figure } from '@/lib/facts/schema';
import { boundsOf, compareFigures, overallVerdict, reasonLine } from '@/lib/match/verdicts';

const usd = (
  value: number,
  qualifier: Figure['qualifier'] = 'exact',
  period = 'total',
): Figure => ({
  value,
  unit: 'USD',
  qualifier,
  period,
});

const claim = (id: string, figure: Figure): Claim => ({
  id,
  statement: id,
  subjects: [],
  sourceId: 's',
  evidence: id,
  figure,
  measure: 'm',
});

describe('boundsOf', () => {
  it('gives each qualifier its range', () => {
    expect(boundsOf(usd(100, 'over'))).toEqual([100, Number.POSITIVE_INFINITY]);
    expect(boundsOf(usd(100, 'under'))).toEqual([0, 100]);
    expect(boundsOf(usd(100, 'up-to'))).toEqual([0, 100]);
    const [aboutLow, aboutHigh] = boundsOf(usd(100, 'about'));
    expect([aboutLow, aboutHigh.toFixed(6)]).toEqual([90, '110.000000']);
    const [exactLow, exactHigh] = boundsOf(usd(1000, 'exact'));
    expect([exactLow, exactHigh.toFixed(6)]).toEqual([995, '1005.000000']);
  });
});

describe('compareFigures', () => {
  it.each([
    [usd(2e9), usd(2e9, 'about'), 'agrees'],
    [usd(2.15e9), usd(2e9, 'about'), 'agrees'],
    [usd(2.3e9), usd(2e9, 'about'), 'differs'],
    [usd(3e9), usd(2e9), 'differs'],
    [usd(1.5e9, 'exact', 'past:2y'), usd(1e9, 'over', 'past:2y'), 'agrees'],
    [usd(5e8, 'exact', 'past:2y'), usd(1e9, 'over', 'past:2y'), 'differs'],
    [usd(5e8, 'over', 'past:2y'), usd(1e9, 'over', 'past:2y'), 'agrees'],
    [usd(3e9), usd(1e9, 'over', 'past:2y'), 'other-period'],
    [{ ...usd(4.5e8), unit: 'GBP' }, usd(2e9), 'different-unit'],
  ] as const)('%o vs %o → %s', (page, source, verdict) => {
    expect(compareFigures(page, source)).toBe(verdict);
  });
});

describe('overallVerdict', () => {
  it('differs only when every same-period figure conflicts', () => {
    expect(
      overallVerdict([
        { claimId: 'a', verdict: 'differs' },
        { claimId: 'b', verdict: 'other-period' },
      ]),
    ).toBe('differs');
    expect(
      overallVerdict([
        { claimId: 'a', verdict: 'differs' },
        { claimId: 'b', verdict: 'agrees' },
      ]),
    ).toBe('agrees');
  });

  it('falls back to other-period, then different-unit', () => {
    expect(
      overallVerdict([
        { claimId: 'a', verdict: 'other-period' },
        { claimId: 'b', verdict: 'different-unit' },
      ]),
    ).toBe('other-period');
    expect(overallVerdict([{ claimId: 'a', verdict: 'different-unit' }])).toBe('different-unit');
  });
});

describe('reason lines', () => {
  it('lists what the page says and what every source says', () => {
    const claims = [claim('a', usd(2e9, 'about')), claim('b', usd(1e9, 'over', 'past:2y'))];
    expect(reasonLine(usd(3e9), claims)).toBe(
      'this page: $3 billion overall; sources: about $2 billion overall, over $1 billion in the past 2 years',
    );
  });
});
