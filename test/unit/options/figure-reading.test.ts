/** A figure typed as news writes it, read exactly, and whether it counts one incident or a total. */
import { describe, expect, it } from 'vitest';
import { readFormFigure } from '@/lib/pages/facts/form-parts';
import { addFact, formOf } from '@/lib/pages/facts/reader';
import { describeReading, figureAsTyped } from '@/lib/shared/facts/describe';
import type { Figure } from '@/lib/shared/facts/schema';
import { checkEntries } from '@/lib/shared/facts/validate';
import { EMPTY, form } from '../pages/facts/reader-form';
import { BUNDLED, CRYPTO } from './figure-context';

describe('a figure typed as news writes it', () => {
  it.each([
    ['over $1.7 billion in 2022', 'more than $1,700,000,000 · in 2022 · in total'],
    [
      'more than $1 billion in the past two years',
      'more than $1,000,000,000 · in the past two years · in total',
    ],
    ['1.7 billion USD', '$1,700,000,000 · no period given · in total'],
    ['1.7 billion dollars since 2017', '$1,700,000,000 · since 2017 · in total'],
    ['about 300 hackers', 'about 300 · no period given · in total'],
    [
      'up to £2.4bn between 2017 and 2023',
      'up to £2,400,000,000 · between 2017 and 2023 · in total',
    ],
    ['nearly 40% in July 2023', 'about 40% · in July 2023 · in total'],
  ])('reads “%s” as “%s”', (typed, words) => {
    const reading = readFormFigure(form({ figure: typed }));
    if (!reading.ok) throw new Error(reading.reason);
    expect(describeReading(reading.figure)).toBe(words);
  });

  it('anchors “last year” on the date the source was published', () => {
    const reading = readFormFigure(form({ figure: '$600m last year', sourcePublished: '2023-09' }));
    expect(reading.ok && describeReading(reading.figure)).toBe('$600,000,000 · in 2022 · in total');
  });

  it('says one incident, and which', () => {
    const figure = { value: 6.2e8, unit: 'USD', qualifier: 'exact', period: 'year:2022' } as const;
    expect(describeReading({ ...figure, scope: 'incident' }, 'Ronin bridge hack')).toBe(
      '$620,000,000 · in 2022 · one incident: Ronin bridge hack',
    );
  });

  it.each([
    ['10 years', '“10 years” is a length of time, not a figure a source counts'],
    ['in 2022', '“in 2022” is a period, not a figure: add the amount'],
    ['dollars', '“dollars” has no number'],
    ['a lot', 'No figure found in “a lot”'],
    ['$1 billion or $2 billion', '“$1 billion” and “$2 billion” are two figures'],
  ])('says why “%s” cannot be read', (typed, reason) => {
    const reading = readFormFigure(form({ figure: typed }));
    expect(reading.ok ? '' : reading.reason).toContain(reason);
  });

  it.each<Figure>([
    { value: 1.7e9, unit: 'USD', qualifier: 'over', period: 'year:2022' },
    { value: 1_234_567_891, unit: 'USD', qualifier: 'exact', period: 'total' },
    { value: 2.4e9, unit: 'GBP', qualifier: 'up-to', period: 'range:2017-2023' },
    { value: 300, unit: 'count', qualifier: 'about', period: 'past:18m' },
    { value: 2021, unit: 'count', qualifier: 'exact', period: 'since:2017' },
    { value: 40, unit: 'percent', qualifier: 'under', period: 'month:2023-07' },
    { value: 0.5, unit: 'EUR', qualifier: 'exact', period: 'past:1y' },
    { value: 3e12, unit: 'KRW', qualifier: 'about', period: 'past:10y' },
  ])('writes a stored figure back so that it reads the same: %o', (figure) => {
    const typed = figureAsTyped(figure);
    const reading = readFormFigure(form({ figure: typed }));
    expect(reading.ok && { ...reading.figure, text: undefined, scope: undefined }).toEqual({
      ...figure,
      text: undefined,
      scope: undefined,
    });
  });

  it('keeps a stored figure the reader of pages cannot read, while its text is left as shown', () => {
    const old: Figure = { value: 5, unit: 'years', qualifier: 'exact', period: 'total' };
    expect(figureAsTyped(old)).toBe('5 years');
    expect(readFormFigure(form({ figure: '5 years' }), old)).toMatchObject({ ok: true });
    expect(readFormFigure(form({ figure: '6 years' }), old).ok).toBe(false);
  });
});

describe('one incident or a total', () => {
  it('counts the fact itself as the incident, or an incident Backstory knows', () => {
    const typed = form({
      term: 'Axie heist',
      kind: 'event',
      sourceTitle: 'T',
      figure: '$620 million',
      measure: CRYPTO,
      scope: 'incident',
    });
    const own = addFact(EMPTY, typed);
    expect(own.pack.claims[0]?.figure).toEqual({
      value: 6.2e8,
      unit: 'USD',
      qualifier: 'exact',
      period: 'total',
      scope: 'incident',
      incident: 'reader.axie-heist',
    });
    expect(formOf(own.pack, own.entityId)).toMatchObject({ scope: 'incident', incident: '' });
    const known = addFact(EMPTY, { ...typed, incident: 'ronin-hack' });
    expect(known.pack.claims[0]?.figure?.incident).toBe('ronin-hack');
    expect(formOf(known.pack, known.entityId)).toMatchObject({ incident: 'ronin-hack' });
    expect(checkEntries(known.pack, BUNDLED).errors).toEqual([]);
  });
});
