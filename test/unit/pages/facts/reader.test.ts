import { describe, expect, it } from 'vitest';
import { addFact, formOf, newEntityId, parseAliases, updateFact } from '@/lib/pages/facts/reader';
import type { FactPack } from '@/lib/shared/facts/schema';
import { validatePack } from '@/lib/shared/facts/validate';
import { EMPTY, form, LAZARUS } from './reader-form';

describe('parseAliases', () => {
  it('trims, drops empties, repeats and the term itself', () => {
    expect(parseAliases(LAZARUS)).toEqual(['Lazarus', 'APT38']);
  });
});

describe('addFact', () => {
  it('writes an entity (concept by default) with its source, as a valid pack', () => {
    const { pack, entityId } = addFact(EMPTY, LAZARUS);
    expect(entityId).toBe('reader.lazarus-group');
    expect(pack).toEqual({
      ...EMPTY,
      sources: [
        {
          id: 'reader.lazarus-group.source',
          title: 'Advisory',
          publisher: 'example.org',
          url: 'https://example.org/advisory',
        },
      ],
      entities: [
        {
          id: 'reader.lazarus-group',
          name: 'Lazarus Group',
          kind: 'concept',
          aliases: ['Lazarus', 'APT38'],
          summary: 'A hacking group tied to North Korea.',
          sourceIds: ['reader.lazarus-group.source'],
        },
      ],
      claims: [],
    });
    expect(validatePack(pack).ok).toBe(true);
  });

  it('adds a claim carrying the figure and its measure', () => {
    const { pack } = addFact(
      EMPTY,
      form({
        term: 'Crypto theft',
        kind: 'event',
        sourceTitle: 'Testimony',
        figure: 'more than $1,000,000,000 in the past two years',
        measure: 'dprk.crypto-theft.usd',
      }),
    );
    // No link, so no publisher is known; and no quote was given, so the claim quotes nothing.
    expect(pack.sources).toEqual([{ id: 'reader.crypto-theft.source', title: 'Testimony' }]);
    expect(pack.entities[0]?.kind).toBe('event');
    expect(pack.claims).toEqual([
      {
        id: 'reader.crypto-theft.figure',
        statement: 'Crypto theft: over $1 billion in the past two years',
        subjects: ['reader.crypto-theft'],
        sourceId: 'reader.crypto-theft.source',
        figure: {
          value: 1_000_000_000,
          unit: 'USD',
          qualifier: 'over',
          period: 'past:2y',
          scope: 'total',
        },
        measure: 'dprk.crypto-theft.usd',
      },
    ]);
    expect(validatePack(pack).ok).toBe(true);
  });

  it('keeps a fact without source or details valid', () => {
    const { pack } = addFact(EMPTY, form({ term: 'Kimsuky' }));
    expect(pack.sources).toEqual([]);
    expect(pack.entities[0]).toMatchObject({ summary: '', sourceIds: [] });
    expect(validatePack(pack).ok).toBe(true);
  });

  it('never reuses an id', () => {
    const once = addFact(EMPTY, form({ term: 'Kimsuky' })).pack;
    expect(newEntityId(once, 'kimsuky')).toBe('reader.kimsuky-2');
    expect(newEntityId(EMPTY, '한국')).toBe('reader.fact');
  });
});

describe('sources and quotes', () => {
  it('names a source given by its link alone after its site', () => {
    const { pack } = addFact(
      EMPTY,
      form({ term: 'Kimsuky', sourceUrl: 'https://www.fbi.gov/news/kimsuky' }),
    );
    expect(pack.sources).toEqual([
      { id: 'reader.kimsuky.source', title: 'fbi.gov', url: 'https://www.fbi.gov/news/kimsuky' },
    ]);
    expect(validatePack(pack).ok).toBe(true);
  });

  it('keeps the date a source was published', () => {
    const { pack, entityId } = addFact(EMPTY, { ...LAZARUS, sourcePublished: '2023-08' });
    expect(pack.sources[0]?.published).toBe('2023-08');
    expect(formOf(pack, entityId)?.sourcePublished).toBe('2023-08');
  });

  it('quotes the source on a figure only with the reader’s own quote', () => {
    const figure = form({
      term: 'Theft',
      sourceTitle: 'Testimony',
      figure: '$1.7 billion',
      measure: 'theft.usd',
      quote: 'stole $1.7 billion',
    });
    const { pack, entityId } = addFact(EMPTY, figure);
    expect(pack.claims[0]?.evidence).toBe('stole $1.7 billion');
    expect(pack.notes).toBeUndefined();
    expect(formOf(pack, entityId)?.quote).toBe('stole $1.7 billion');
    expect(updateFact(pack, entityId, { ...figure, quote: '' }).claims[0]).not.toHaveProperty(
      'evidence',
    );
  });

  it('keeps a quote given without a figure as a note on the fact', () => {
    const quoted = {
      ...LAZARUS,
      aliases: 'Lazarus, APT38',
      quote: 'one of the most prolific groups',
    };
    const { pack, entityId } = addFact(EMPTY, quoted);
    expect(pack.notes).toEqual([
      {
        id: 'reader.lazarus-group.note',
        about: { kind: 'entity', id: 'reader.lazarus-group' },
        text: '',
        quote: 'one of the most prolific groups',
        sourceIds: ['reader.lazarus-group.source'],
      },
    ]);
    expect(validatePack(pack).ok).toBe(true);
    expect(formOf(pack, entityId)).toEqual(quoted);
    expect(updateFact(pack, entityId, quoted)).toEqual(pack);
    expect(updateFact(pack, entityId, LAZARUS).notes).toBeUndefined();
  });
});

describe('formOf and updateFact', () => {
  const figureForm = form({
    ...LAZARUS,
    aliases: 'Lazarus, APT38',
    figure: 'about $600 million in 2022',
    measure: 'lazarus.theft.usd',
  });

  it('shows a fact as the form that wrote it', () => {
    const { pack, entityId } = addFact(EMPTY, figureForm);
    expect(formOf(pack, entityId)).toEqual(figureForm);
    expect(formOf(pack, 'missing')).toBeUndefined();
  });

  it('changes nothing when saved unchanged', () => {
    const { pack, entityId } = addFact(EMPTY, figureForm);
    expect(updateFact(pack, entityId, figureForm)).toEqual(pack);
  });

  it('rewrites the entity, source and figure, and drops the figure when cleared', () => {
    const { pack, entityId } = addFact(EMPTY, figureForm);
    const edited = updateFact(pack, entityId, {
      ...figureForm,
      details: 'Changed.',
      sourceUrl: 'https://example.com/new',
      figure: 'about $700 million in 2022',
    });
    expect(edited.entities[0]?.summary).toBe('Changed.');
    expect(edited.sources[0]?.url).toBe('https://example.com/new');
    expect(edited.claims[0]?.figure?.value).toBe(700_000_000);
    const cleared = updateFact(edited, entityId, { ...figureForm, figure: '', measure: '' });
    expect(cleared.claims).toEqual([]);
    expect(cleared.sources).toHaveLength(1);
  });

  it('removes the source when its title and link are cleared', () => {
    const { pack, entityId } = addFact(EMPTY, LAZARUS);
    const edited = updateFact(pack, entityId, { ...LAZARUS, sourceTitle: '', sourceUrl: '' });
    expect(edited.sources).toEqual([]);
    expect(edited.entities[0]?.sourceIds).toEqual([]);
  });

  it('keeps an imported claim’s own words and other sources', () => {
    const imported: FactPack = {
      format: 1,
      sources: [
        { id: 'a', title: 'A', publisher: 'P' },
        { id: 'b', title: 'B', publisher: 'Q' },
      ],
      entities: [
        {
          id: 'e',
          name: 'E',
          kind: 'organisation',
          aliases: [],
          summary: 'S',
          sourceIds: ['a', 'b'],
        },
      ],
      claims: [
        {
          id: 'c',
          statement: 'E stole about 5 USD.',
          subjects: ['e'],
          sourceId: 'b',
          evidence: 'about five dollars',
          figure: { value: 5, unit: 'USD', qualifier: 'about', period: 'total' },
          measure: 'e.usd',
        },
      ],
    };
    const shown = formOf(imported, 'e');
    expect(shown).toMatchObject({ sourceTitle: 'A', figure: 'about $5', measure: 'e.usd' });
    if (!shown) throw new Error('no form');
    expect(updateFact(imported, 'e', shown)).toEqual(imported);
    expect(updateFact(imported, 'e', { ...shown, figure: 'about $6' }).claims[0]).toEqual({
      ...imported.claims[0],
      figure: { value: 6, unit: 'USD', qualifier: 'about', period: 'total', scope: 'total' },
    });
  });
});
