import { describe, expect, it } from 'vitest';
import type { Claim, Figure } from '@/lib/shared/facts/schema';
import type { FigureMention } from '@/lib/shared/match/types';
import {
  boundsOf,
  claimsToShow,
  compareFigures,
  overallVerdict,
  sameScope,
} from '@/lib/shared/match/verdicts';

const usd = (
  value: number,
  qualifier: Figure['qualifier'] = 'exact',
  period = 'total',
  extra: Partial<Figure> = {},
): Figure => ({ value, unit: 'USD', qualifier, period, ...extra });

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

  it('never compares one incident with a running total, either way', () => {
    const heist = usd(6.2e8, 'exact', 'total', { scope: 'incident' });
    expect(compareFigures(heist, usd(2e9, 'about'))).toBe('other-scope');
    expect(compareFigures(usd(2e9), usd(6.2e8, 'exact', 'total', { scope: 'incident' }))).toBe(
      'other-scope',
    );
  });

  it('compares an incident only with figures of the same named incident', () => {
    const ronin = { scope: 'incident', incident: 'ronin-hack' } as const;
    const page = usd(6e8, 'exact', 'total', ronin);
    expect(compareFigures(page, usd(6.2e8, 'about', 'total', ronin))).toBe('agrees');
    expect(compareFigures(page, usd(1e8, 'exact', 'total', ronin))).toBe('differs');
    expect(
      compareFigures(page, usd(6e8, 'exact', 'total', { scope: 'incident', incident: 'harmony' })),
    ).toBe('other-scope');
    const unnamed = usd(6e8, 'exact', 'total', { scope: 'incident' });
    expect(compareFigures(unnamed, usd(6e8, 'exact', 'total', ronin))).toBe('other-scope');
    expect(sameScope(unnamed, unnamed)).toBe(false);
  });

  it('compares a bracketed conversion in the source’s unit', () => {
    const page: FigureMention = {
      ...usd(3e9),
      unit: 'GBP',
      value: 2.4e9,
      text: '£2.4bn ($3bn)',
      conversions: [{ value: 3e9, unit: 'USD' }],
    };
    expect(compareFigures(page, usd(2e9, 'about'))).toBe('differs');
    expect(compareFigures(page, usd(3e9, 'about'))).toBe('agrees');
    expect(compareFigures(page, { ...usd(2.4e9), unit: 'GBP' })).toBe('agrees');
    expect(compareFigures(page, { ...usd(2.4e9), unit: 'EUR' })).toBe('different-unit');
  });
});

describe('claimsToShow', () => {
  const total = claim('total', usd(2e9, 'about'));
  const ronin = claim('ronin', usd(6.2e8, 'exact', 'total', { scope: 'incident', incident: 'r' }));
  const harmony = claim(
    'harmony',
    usd(1e8, 'exact', 'total', { scope: 'incident', incident: 'h' }),
  );

  it('shows a total with the totals only', () => {
    expect(claimsToShow(usd(3e9), [total, ronin, harmony]).map((c) => c.id)).toEqual(['total']);
  });

  it('shows an incident with its own figures and the totals, never other incidents', () => {
    const page = usd(6e8, 'exact', 'total', { scope: 'incident', incident: 'r' });
    expect(claimsToShow(page, [total, ronin, harmony]).map((c) => c.id)).toEqual([
      'total',
      'ronin',
    ]);
  });
});

describe('overallVerdict', () => {
  it('differs only when every comparable figure conflicts', () => {
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

  it('without a comparable figure: another period, then unit, then scope — never a conflict', () => {
    expect(
      overallVerdict([
        { claimId: 'a', verdict: 'other-scope' },
        { claimId: 'b', verdict: 'other-period' },
      ]),
    ).toBe('other-period');
    expect(
      overallVerdict([
        { claimId: 'a', verdict: 'other-scope' },
        { claimId: 'b', verdict: 'different-unit' },
      ]),
    ).toBe('different-unit');
    expect(overallVerdict([{ claimId: 'a', verdict: 'other-scope' }])).toBe('other-scope');
  });
});
