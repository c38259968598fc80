import { describe, expect, it } from 'vitest';
import {
  describeFigure,
  describePeriod,
  describeScope,
  formatDate,
  formatEventDate,
  formatFigure,
  formatNumber,
} from '@/lib/shared/facts/describe';
import type { Figure } from '@/lib/shared/facts/schema';
import {
  dateConflictSentence,
  listWords,
  ratioWords,
  restatedSentence,
  type VerdictRow,
  verdictSentence,
} from '@/lib/shared/facts/verdict-sentences';
import type { FigureMention } from '@/lib/shared/match/types';

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
const page = (text: string, figure: Figure, extra: Partial<FigureMention> = {}): FigureMention => ({
  ...figure,
  text,
  ...extra,
});
const LABEL = "North Korea's total crypto theft";
const TWO_BILLION: VerdictRow = {
  figure: usd(2e9, 'about'),
  relation: 'differs',
  who: 'Cyber Security Intelligence',
};
const MAYORKAS: VerdictRow = {
  figure: usd(1e9, 'over', 'past:2y'),
  relation: 'other-period',
  who: 'Alejandro Mayorkas',
};

describe('describing figures in words', () => {
  it('writes numbers the way news does', () => {
    expect(formatNumber(2e9)).toBe('2 billion');
    expect(formatNumber(1.25e6)).toBe('1.25 million');
    expect(formatNumber(500000)).toBe('500,000');
    expect(formatNumber(1234.567)).toBe('1,234.57');
  });

  it('writes figures with qualifier and unit', () => {
    expect(formatFigure({ value: 1e9, unit: 'USD', qualifier: 'over' })).toBe('over $1 billion');
    expect(formatFigure({ value: 4.5e8, unit: 'GBP', qualifier: 'exact' })).toBe('£450 million');
    expect(formatFigure({ value: 300, unit: 'count', qualifier: 'about' })).toBe('about 300');
    expect(formatFigure({ value: 40, unit: 'percent', qualifier: 'up-to' })).toBe('up to 40 %');
  });

  it('writes every period form in words', () => {
    expect(describePeriod('total')).toBe('overall');
    expect(describePeriod('past:2y')).toBe('in the past two years');
    expect(describePeriod('past:1m')).toBe('in the past month');
    expect(describePeriod('past:18m')).toBe('in the past 18 months');
    expect(describePeriod('year:2024')).toBe('in 2024');
    expect(describePeriod('month:2023-07')).toBe('in July 2023');
    expect(describePeriod('since:2017')).toBe('since 2017');
    expect(describePeriod('range:2017-2023')).toBe('between 2017 and 2023');
  });

  it('writes dates and scopes in words', () => {
    expect(formatDate('2023-08-17')).toBe('17 August 2023');
    expect(formatDate('2023-09-14T08:00:00Z')).toBe('14 September 2023');
    expect(formatDate('2023')).toBe('2023');
    expect(formatEventDate({ month: 3 })).toBe('March');
    expect(formatEventDate({ month: 7, year: 2022 })).toBe('July 2022');
    expect(describeScope({})).toBe('in total');
    expect(describeScope({ scope: 'incident' }, 'the Ronin hack')).toBe(
      'one incident: the Ronin hack',
    );
  });

  it('describes whole figures', () => {
    expect(
      describeFigure({ value: 4.5e8, unit: 'GBP', qualifier: 'up-to', period: 'since:2017' }),
    ).toBe('up to £450 million since 2017');
    expect(describeFigure(usd(5e5, 'exact', 'month:2023-07'))).toBe('$500,000 in July 2023');
  });

  it('says how much more or less, as an editor would', () => {
    expect(ratioWords(3e9, 2e9)).toBe('half as much again');
    expect(ratioWords(4e9, 2e9)).toBe('twice as much');
    expect(ratioWords(20e9, 2e9)).toBe('ten times as much');
    expect(ratioWords(2.3e9, 2e9)).toBe('about 15 % more');
    expect(ratioWords(1e9, 2e9)).toBe('half as much');
    expect(ratioWords(1.5e9, 2e9)).toBe('three quarters as much');
    expect(ratioWords(1.2e9, 2e9)).toBe('about 40 % less');
    expect(ratioWords(1e8, 2e9)).toBe('less than a tenth as much');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('the verdict in one plain sentence', () => {
  it('names what is compared, what the sources say and how far the page is off', () => {
    expect(
      verdictSentence(page('$3 billion', usd(3e9)), 'differs', [TWO_BILLION, MAYORKAS], LABEL),
    ).toBe(
      "Cyber Security Intelligence put North Korea's total crypto theft at about $2 billion; this page says $3 billion, half as much again.",
    );
  });

  it('agrees with the sources for the same period, whatever other periods say', () => {
    const agreeing = { ...MAYORKAS, relation: 'agrees' as const };
    const other = { ...TWO_BILLION, relation: 'other-period' as const };
    expect(
      verdictSentence(
        page('more than $1 billion', usd(1e9, 'over', 'past:2y')),
        'agrees',
        [other, agreeing],
        LABEL,
      ),
    ).toBe(
      "Alejandro Mayorkas put North Korea's total crypto theft at over $1 billion in the past two years; this page says more than $1 billion in the past two years, which agrees.",
    );
  });

  it('names who it agrees with when the sources disagree among themselves', () => {
    const rows: VerdictRow[] = [
      { figure: usd(2e9, 'about'), relation: 'agrees', who: 'CSI' },
      { figure: usd(5e9), relation: 'differs', who: 'A newsletter' },
    ];
    expect(verdictSentence(page('$2bn', usd(2e9)), 'agrees', rows, LABEL)).toBe(
      "Sources put North Korea's total crypto theft at about $2 billion and $5 billion; this page says $2bn, which agrees with CSI.",
    );
  });

  it('says which side of a floor or ceiling the page is on', () => {
    const floor: VerdictRow = { ...MAYORKAS, relation: 'differs' };
    expect(
      verdictSentence(page('$500m', usd(5e8, 'exact', 'past:2y')), 'differs', [floor], LABEL),
    ).toMatch(/this page says \$500m in the past two years, less than that\.$/);
  });

  it('shows another period side by side, never as a conflict', () => {
    const rows = [{ ...TWO_BILLION, relation: 'other-period' as const }, MAYORKAS];
    expect(
      verdictSentence(
        page('$3 billion', usd(3e9, 'exact', 'since:2017')),
        'other-period',
        rows,
        LABEL,
      ),
    ).toBe(
      "This page says $3 billion since 2017; sources give North Korea's total crypto theft only overall and in the past two years, so the figures are not compared.",
    );
  });

  it('shows one incident beside a running total, never as a conflict', () => {
    const rows = [{ ...TWO_BILLION, relation: 'other-scope' as const }];
    const heist = page('$620 million', usd(6.2e8), {
      scope: 'incident',
      incidentWords: 'one game network',
    });
    expect(verdictSentence(heist, 'other-scope', rows, LABEL)).toBe(
      "This page says $620 million for a single incident (“one game network”); sources give only North Korea's total crypto theft, so the figures are not compared.",
    );
  });

  it('says when the sources use another unit', () => {
    const rows = [{ ...TWO_BILLION, relation: 'different-unit' as const }];
    expect(
      verdictSentence(page('£450m', { ...usd(4.5e8), unit: 'GBP' }), 'different-unit', rows, LABEL),
    ).toBe(
      "This page says £450m; sources give North Korea's total crypto theft only in US dollars, so the figures are not compared.",
    );
  });
});

describe('restated claims in words', () => {
  it('says who made the claim and when', () => {
    expect(restatedSentence('Christopher Wray', 'Cyber Security Intelligence')).toBe(
      'This restates what Christopher Wray said, as reported by Cyber Security Intelligence.',
    );
    expect(restatedSentence(undefined, 'The Readable', '2022-08')).toBe(
      'This restates a claim reported by The Readable, which dates it to August 2022.',
    );
  });

  it('says when the page puts the event at another time', () => {
    expect(dateConflictSentence('The Readable', '2022-07', { text: 'In March', month: 3 })).toBe(
      'The Readable dates this to July 2022; this page puts it in March.',
    );
  });
});
