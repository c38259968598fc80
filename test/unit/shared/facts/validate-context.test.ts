/** checkEntries against a context pack, and notes, ratings and pack details. */
import { describe, expect, it } from 'vitest';
import { checkEntries } from '@/lib/shared/facts/validate';
import { errorsOf, NOT_A_PACK, packWith, validPack } from './valid-pack';

describe('checkEntries', () => {
  it('keeps the valid entries and reports the bad ones', () => {
    const input = packWith((p) => {
      p.entities.push({
        id: 'bad',
        name: 'Bad',
        kind: 'thing',
        aliases: [],
        summary: '',
        sourceIds: [],
      });
      p.claims.push({ ...p.claims[0], id: 'bad-claim', subjects: ['bad'] });
    });
    const { pack, errors } = checkEntries(input);
    expect(pack).toEqual(validPack());
    expect(errors.map((e) => [e.path, e.entryId, e.field])).toEqual([
      ['entities[2]', 'bad', 'kind'],
      ['claims[1]', 'bad-claim', 'subjects.0'],
    ]);
  });

  it('resolves references against a context pack, such as the bundled pack', () => {
    const reader = {
      format: 1,
      sources: [],
      entities: [
        { id: 'mine', name: 'Mine', kind: 'concept', aliases: [], summary: '', sourceIds: ['src'] },
      ],
      claims: [
        { id: 'c', statement: 'S.', subjects: ['mine', 'wray'], sourceId: 'src', evidence: 'e' },
      ],
    };
    // Without the context, "mine" cites an unknown source, and the claim then cites an invalid entity.
    expect(checkEntries(reader).errors.map((e) => e.message)).toEqual([
      'Entity 1 (“Mine”): source 1 “src” does not exist',
      'Claim 1 (“S.”): subject 1 “mine” has a problem of its own',
      'Claim 1 (“S.”): subject 2 “wray” does not exist',
      'Claim 1 (“S.”): the source “src” does not exist',
    ]);
    const { pack, errors } = checkEntries(reader, validPack());
    expect(errors).toEqual([]);
    expect(pack).toEqual(reader);
  });

  it('returns an empty pack with the reason when the input is not a pack', () => {
    expect(checkEntries('nope')).toEqual({
      pack: { format: 1, sources: [], entities: [], claims: [] },
      errors: [
        {
          path: '',
          entry: 'The file',
          field: '',
          problem:
            'must be a fact pack (an object with format, sources, entities and claims), not “nope”',
          message: `${NOT_A_PACK} “nope”`,
        },
      ],
    });
  });
});

describe('notes, ratings and pack details', () => {
  const note = (about: object, fields: object = {}) => ({
    id: 'n1',
    about,
    text: 'Testified again in 2024.',
    sourceIds: ['src'],
    ...fields,
  });

  it('accepts notes on entities and claims, a rating, and who made the pack', () => {
    const pack = packWith((p) => {
      p.author = 'Jane Doe';
      p.url = 'https://example.org/packs';
      p.notes = [
        note({ kind: 'entity', id: 'wray' }),
        note({ kind: 'claim', id: 'theft' }, { id: 'n2', text: '', quote: 'over $1 billion' }),
      ];
      p.claims.push({
        id: 'checked',
        statement: 'A claim no entity of the pack names.',
        subjects: [],
        sourceId: 'spare',
        rating: { label: 'Mostly false', value: 2, best: 6, worst: 1 },
      });
    });
    expect(errorsOf(pack)).toEqual([]);
    expect(checkEntries(pack).pack).toEqual(pack);
  });

  it('keeps quotes and publishers optional: a claim quotes its source only when it has a quote', () => {
    const pack = packWith((p) => {
      delete p.claims[0].evidence;
      delete p.sources[1].publisher;
    });
    expect(errorsOf(pack)).toEqual([]);
  });

  it('says what a note is about must exist, and that a note needs words or a quote', () => {
    const pack = packWith((p) => {
      p.notes = [
        note({ kind: 'entity', id: 'kim' }),
        note({ kind: 'claim', id: 'wray' }, { id: 'n2', text: ' ' }),
        note({ kind: 'person', id: 'wray' }, { id: 'n3' }),
      ];
    });
    expect(errorsOf(pack).map((e) => [e.field, e.message])).toEqual([
      [
        'about.id',
        'Note 1 (“Testified again in 2024.”): the entity or claim it is about “kim” does not exist',
      ],
      ['text', 'Note 2 (“n2”): the note is empty: a note needs your words or a quote'],
      ['about.id', 'Note 2 (“n2”): the entity or claim it is about “wray” does not exist'],
      [
        'about.kind',
        'Note 3 (“Testified again in 2024.”): the kind of what it is about must be one of entity, claim, not “person”',
      ],
    ]);
  });

  it('lets a claim name no entity only when a fact-checker rated it', () => {
    expect(errorsOf(packWith((p) => (p.claims[0].subjects = []))).map((e) => e.problem)).toEqual([
      'the subjects must name at least one entity',
    ]);
    const rated = packWith((p) => {
      p.claims[0].subjects = [];
      p.claims[0].rating = { label: 'False' };
    });
    expect(errorsOf(rated)).toEqual([]);
    expect(
      errorsOf(packWith((p) => (p.claims[0].rating = { value: 1 }))).map((e) => e.problem),
    ).toEqual(['the rating’s label is missing']);
  });

  it('can leave references unchecked, as stored facts are read', () => {
    const dangling = packWith((p) => (p.entities[0].sourceIds = ['deleted-since']));
    expect(checkEntries(dangling).errors).toHaveLength(1);
    expect(checkEntries(dangling, undefined, { references: false })).toEqual({
      pack: dangling,
      errors: [],
    });
  });
});
