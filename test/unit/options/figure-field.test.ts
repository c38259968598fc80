/**
 * The form's one Figure field, as a journalist new to Backstory uses it: a figure typed as news
 * writes it, read back in words at once; what it counts chosen by label (bundled, imported or
 * their own) or named anew; one incident or a total; and, when it cannot be read, why.
 */
import { describe, expect, it, vi } from 'vitest';
import { describeReading, figureAsTyped } from '@/lib/facts/describe';
import {
  applyForm,
  type FormPlan,
  formContext,
  planForm,
  settleForm,
  validateForm,
} from '@/lib/facts/form';
import { readFormFigure } from '@/lib/facts/form-parts';
import { measureChoices } from '@/lib/facts/measures';
import { mergePacks } from '@/lib/facts/merge';
import { addFact, EMPTY_FORM, formOf, type ReaderFactForm, removeFact } from '@/lib/facts/reader';
import type { FactPack, Figure } from '@/lib/facts/schema';
import { checkEntries } from '@/lib/facts/validate';
import { renderRoot } from '../render-root';
import { formDriver, tick } from './form-driver';

const EMPTY: FactPack = { format: 1, name: 'My facts', sources: [], entities: [], claims: [] };

/** Like the bundled pack: two labelled measures, three figures, an incident. */
const BUNDLED: FactPack = {
  format: 1,
  sources: [{ id: 's', title: 'Hearing', publisher: 'Congress' }],
  entities: [
    {
      id: 'north-korea',
      name: 'North Korea',
      kind: 'country',
      aliases: [],
      summary: '',
      sourceIds: [],
    },
    {
      id: 'ronin-hack',
      name: 'Ronin bridge hack',
      kind: 'event',
      aliases: [],
      summary: '',
      sourceIds: [],
    },
  ],
  claims: [
    {
      id: 'two-billion',
      statement: 'North Korea stole about $2 billion.',
      subjects: ['north-korea'],
      sourceId: 's',
      figure: { value: 2e9, unit: 'USD', qualifier: 'about', period: 'total', scope: 'total' },
      measure: 'dprk.crypto-theft.usd',
    },
    {
      id: 'one-billion',
      statement: 'North Korea stole over $1 billion in two years.',
      subjects: ['north-korea'],
      sourceId: 's',
      figure: { value: 1e9, unit: 'USD', qualifier: 'over', period: 'past:2y', scope: 'total' },
      measure: 'dprk.crypto-theft.usd',
    },
    {
      id: 'hackers',
      statement: 'North Korea has 7,000 hackers.',
      subjects: ['north-korea'],
      sourceId: 's',
      figure: { value: 7000, unit: 'count', qualifier: 'about', period: 'total' },
      measure: 'dprk.hackers',
    },
  ],
  measures: [
    { id: 'dprk.crypto-theft.usd', label: 'North Korea’s total crypto theft' },
    { id: 'dprk.hackers', label: 'North Korea’s hackers' },
  ],
};

const CRYPTO = 'dprk.crypto-theft.usd';

function form(fields: Partial<ReaderFactForm>): ReaderFactForm {
  return { ...EMPTY_FORM, ...fields };
}

function contextFor(yours: FactPack) {
  return formContext(yours, mergePacks(BUNDLED, yours));
}

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

function problems(typed: ReaderFactForm, context: ReturnType<typeof contextFor>) {
  return validateForm(typed, context, planForm(typed, context));
}

// The form itself, rendered.

const root = renderRoot();
const { field, type, choose, submit, ...driver } = formDriver(root);

function show(context = contextFor(EMPTY), initial = EMPTY_FORM, fixed?: FormPlan) {
  return driver.show(context, { initial, fixed });
}

const reading = () => root.querySelector('#fact-figure-reading');
const announced = () => root.querySelector('.figure [role="status"]')?.textContent;

describe('the Figure field', () => {
  it('reads the figure while it is typed, and tells a screen reader once typing pauses', async () => {
    show();
    type('Figure', 'over $1.7 billion in 2022');
    await tick();
    expect(reading()?.textContent).toBe('Read as: more than $1,700,000,000 · in 2022 · in total');
    expect(reading()?.className).toBe('reading');
    expect(field('Figure').getAttribute('aria-describedby')).toBe(
      'fact-figure-hint fact-figure-reading',
    );
    await vi.waitFor(() =>
      expect(announced()).toBe('Read as: more than $1,700,000,000 · in 2022 · in total'),
    );
  });

  it('says why it cannot read it, once, next to the field, and as an error after Add fact', async () => {
    const onSave = show();
    type('Term', 'Theft');
    type('Source title', 'Report');
    type('Figure', 'in 2022');
    await tick();
    const reason =
      '“in 2022” is a period, not a figure: add the amount, e.g. “$1.7 billion in 2022”.';
    expect(reading()?.textContent).toBe(reason);
    expect(field('Figure').getAttribute('aria-invalid')).toBeNull();
    choose('What it counts', 'North Korea’s total crypto theft');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(field('Figure').getAttribute('aria-invalid')).toBe('true');
    expect(reading()?.className).toBe('error');
    expect(document.activeElement).toBe(field('Figure'));
    const said = [...root.querySelectorAll('p')].filter((p) => p.textContent === reason);
    expect(said).toHaveLength(1);
  });

  it('offers the known measures by label, grouped, says what each holds, and saves the choice', async () => {
    const onSave = show();
    type('Term', 'North Korea');
    type('Source URL', 'https://www.chainalysis.com/report');
    type('Figure', 'over $1.7 billion in 2022');
    await tick();
    const groups = [...field('What it counts').querySelectorAll('optgroup')].map((g) => [
      g.label,
      [...g.querySelectorAll('option')].map((o) => o.textContent),
    ]);
    expect(groups).toEqual([
      ['Bundled and imported', ['North Korea’s hackers', 'North Korea’s total crypto theft']],
    ]);
    choose('What it counts', 'North Korea’s total crypto theft');
    await tick();
    expect(root.querySelector('#fact-measure-hint')?.textContent).toBe(
      '2 figures so far, in US dollars.',
    );
    await submit();
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      figure: 'over $1.7 billion in 2022',
      measure: CRYPTO,
      newMeasure: '',
      scope: 'total',
    });
  });

  it('names something new, and files words that match a known label under it', async () => {
    const onSave = show();
    type('Term', 'Lazarus Group');
    type('Source title', 'Report');
    type('Figure', '$600m');
    await tick();
    choose('What it counts', 'Something else: name it');
    await tick();
    await submit();
    // The message sits under the name to give, and focus goes there.
    expect(document.activeElement).toBe(field('Name what it counts'));
    expect(root.querySelector('#fact-newMeasure-error')?.textContent).toBe(
      'Choose what the figure counts, or name something new.',
    );
    expect(root.querySelector('#fact-measure-error')).toBeNull();
    type('Name what it counts', 'north korea’s total crypto theft');
    await tick();
    expect(root.querySelector('#fact-newMeasure-hint')?.textContent).toBe(
      'Already in the list, with 2 figures so far, in US dollars.',
    );
    await submit();
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ measure: CRYPTO, newMeasure: '' });
  });

  it('takes one incident from the figure’s words, and the incident Backstory knows by them', async () => {
    show();
    type('Term', 'Axie heist');
    type('Figure', '$620 million in the Ronin bridge hack');
    await tick();
    expect(
      [...root.querySelectorAll<HTMLInputElement>('[name="scope"]')].map((r) => [
        r.parentElement?.textContent,
        r.checked,
      ]),
    ).toEqual([
      ['A total', false],
      ['One incident (one theft, one attack)', true],
    ]);
    expect([...field('Which incident').options].map((o) => [o.textContent, o.selected])).toEqual([
      ['“Axie heist” itself', false],
      ['Ronin bridge hack', true],
    ]);
    expect(reading()?.textContent).toBe(
      'Read as: $620,000,000 · no period given · one incident: Ronin bridge hack',
    );
    choose('Which incident', '“Axie heist” itself');
    await tick();
    expect(reading()?.textContent).toBe(
      'Read as: $620,000,000 · no period given · one incident: Axie heist',
    );
  });

  it('asks which incident a note on a country counts, since the country is none', async () => {
    const onSave = show();
    type('Term', 'North Korea');
    type('Source title', 'Report');
    type('Figure', '$620 million from one game network');
    await tick();
    choose('What it counts', 'North Korea’s total crypto theft');
    await tick();
    expect(field('Which incident').options[0]?.textContent).toBe('Choose…');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('#fact-incident-error')?.textContent).toBe(
      'Choose which incident. One Backstory does not know yet can be added first, as a fact of the kind “event”.',
    );
    choose('Which incident', 'Ronin bridge hack');
    await submit();
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ scope: 'incident', incident: 'ronin-hack' });
  });

  it('edits a stored figure it cannot read without losing it', async () => {
    const old: FactPack = {
      ...EMPTY,
      sources: [{ id: 'reader.x.source', title: 'T' }],
      entities: [
        {
          id: 'reader.x',
          name: 'X',
          kind: 'concept',
          aliases: [],
          summary: '',
          sourceIds: ['reader.x.source'],
        },
      ],
      claims: [
        {
          id: 'reader.x.figure',
          statement: 'X: 5 years overall',
          subjects: ['reader.x'],
          sourceId: 'reader.x.source',
          figure: { value: 5, unit: 'years', qualifier: 'exact', period: 'total' },
          measure: 'reader.x',
        },
      ],
    };
    const initial = formOf(old, 'reader.x');
    if (!initial) throw new Error('no form');
    const onSave = show(contextFor(old), initial, { kind: 'edit', entityId: 'reader.x' });
    type('Details', 'Now with words.');
    await submit('Save changes');
    const [saved, plan] = onSave.mock.calls[0] ?? [];
    if (!saved || !plan) throw new Error('not saved');
    expect(applyForm(old, saved, plan).pack.claims).toEqual(old.claims);
  });
});
