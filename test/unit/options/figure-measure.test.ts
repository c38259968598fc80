/** What a typed figure counts: a measure chosen by label (bundled, imported, yours) or named anew. */
import { describe, expect, it } from 'vitest';
import { applyForm, type FormPlan, settleForm } from '@/lib/pages/facts/form';
import { measureChoices } from '@/lib/pages/facts/measures';
import { addFact, formOf, removeFact } from '@/lib/pages/facts/reader';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { FactPack } from '@/lib/shared/facts/schema';
import { checkEntries } from '@/lib/shared/facts/validate';
import { EMPTY, form } from '../pages/facts/reader-form';
import { BUNDLED, CRYPTO, contextFor, problems } from './figure-context';

describe('what the figure counts', () => {
  it('offers every measure by its label, with its figures and units, the reader’s apart', () => {
    const { pack } = addFact(
      EMPTY,
      form({ term: 'Lazarus Group', sourceTitle: 'T', figure: '$600m', newMeasure: 'Its thefts' }),
    );
    // A figure from before labels: its measure was the fact's own term.
    const earlier: FactPack = {
      ...pack,
      entities: [
        ...pack.entities,
        {
          id: 'reader.kimsuky',
          name: 'Kimsuky',
          kind: 'concept',
          aliases: [],
          summary: '',
          sourceIds: [],
        },
      ],
      claims: [
        ...pack.claims,
        {
          id: 'reader.kimsuky.figure',
          statement: 'Kimsuky: 40 overall',
          subjects: ['reader.kimsuky'],
          sourceId: 'reader.lazarus-group.source',
          figure: { value: 40, unit: 'count', qualifier: 'exact', period: 'total' },
          measure: 'reader.kimsuky',
        },
      ],
    };
    expect(measureChoices(mergePacks(BUNDLED, earlier), earlier)).toEqual([
      { id: 'my.its-thefts', label: 'Its thefts', yours: true, figures: 1, units: ['USD'] },
      { id: 'reader.kimsuky', label: 'Kimsuky', yours: true, figures: 1, units: ['count'] },
      {
        id: 'dprk.hackers',
        label: 'North Korea’s hackers',
        yours: false,
        figures: 1,
        units: ['count'],
      },
      {
        id: CRYPTO,
        label: 'North Korea’s total crypto theft',
        yours: false,
        figures: 2,
        units: ['USD'],
      },
    ]);
  });

  it('files the figure under a known measure, so it is compared with the sources’ figures', () => {
    const typed = form({
      term: 'North Korea',
      sourceTitle: 'Report',
      figure: 'over $1.7 billion in 2022',
      measure: CRYPTO,
    });
    const plan: FormPlan = {
      kind: 'note',
      subject: { about: { kind: 'entity', id: 'north-korea' }, name: 'North Korea' },
    };
    const { pack } = applyForm(EMPTY, typed, plan);
    expect(pack.claims).toEqual([
      {
        id: 'reader.note.north-korea.figure',
        statement: 'North Korea: over $1.7 billion in 2022',
        subjects: ['north-korea'],
        sourceId: 'reader.note.north-korea.source',
        figure: {
          value: 1.7e9,
          unit: 'USD',
          qualifier: 'over',
          period: 'year:2022',
          scope: 'total',
        },
        measure: CRYPTO,
      },
    ]);
    expect(pack.measures).toBeUndefined();
    expect(checkEntries(pack, BUNDLED).errors).toEqual([]);
  });

  it('names a new measure in words, labelled, and reuses it (or a known one) by its label', () => {
    const lazarus = form({
      term: 'Lazarus Group',
      sourceTitle: 'T',
      figure: '$600m in 2022',
      newMeasure: ' Lazarus Group’s  crypto theft ',
    });
    const { pack, entityId } = addFact(EMPTY, lazarus);
    expect(pack.measures).toEqual([
      { id: 'my.lazarus-group-s-crypto-theft', label: 'Lazarus Group’s crypto theft' },
    ]);
    expect(pack.claims[0]?.measure).toBe('my.lazarus-group-s-crypto-theft');
    expect(checkEntries(pack, BUNDLED).errors).toEqual([]);
    // The same words again: the same measure, whether typed or settled against the list.
    const again = addFact(pack, {
      ...lazarus,
      term: 'APT38',
      newMeasure: 'lazarus group’s crypto theft',
    }).pack;
    expect(again.measures).toHaveLength(1);
    expect(again.claims.map((c) => c.measure)).toEqual([
      'my.lazarus-group-s-crypto-theft',
      'my.lazarus-group-s-crypto-theft',
    ]);
    const context = contextFor(again);
    expect(settleForm(form({ newMeasure: 'north korea’s TOTAL crypto theft' }), context)).toEqual(
      form({ measure: CRYPTO }),
    );
    expect(settleForm(form({ newMeasure: 'Something new' }), context)).toEqual(
      form({ newMeasure: 'Something new' }),
    );
    // Shown for editing by its id; its label goes when no figure counts it any more.
    expect(formOf(again, entityId)).toMatchObject({
      measure: 'my.lazarus-group-s-crypto-theft',
      newMeasure: '',
    });
    const gone = removeFact(removeFact(again, entityId), 'reader.apt38');
    expect(gone.measures).toBeUndefined();
  });

  it('refuses a count under a measure of money, in words', () => {
    const context = contextFor(EMPTY);
    const typed = form({ term: 'X', sourceTitle: 'T', figure: '300 hackers', measure: CRYPTO });
    expect(problems(typed, context)).toEqual({
      measure:
        'Figures of North Korea’s total crypto theft are in US dollars, not counts: choose another measure, or name a new one.',
    });
    expect(problems({ ...typed, figure: '£300m' }, context)).toEqual({});
  });
});
