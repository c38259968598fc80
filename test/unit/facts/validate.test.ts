import { describe, expect, it } from 'vitest';
import type { FactPack } from '@/lib/facts/schema';
import { checkEntries, validatePack } from '@/lib/facts/validate';

/** A small valid pack; tests break one thing at a time. */
function validPack(): FactPack {
  return {
    format: 1,
    name: 'Test pack',
    sources: [
      {
        id: 'src',
        title: 'An article',
        publisher: 'A paper',
        url: 'https://example.org/a',
        published: '2022-09-14',
      },
      { id: 'spare', title: 'Another article', publisher: 'Another paper' },
    ],
    entities: [
      {
        id: 'wray',
        name: 'Christopher Wray',
        kind: 'person',
        aliases: ['Wray'],
        summary: 'FBI Director.',
        sourceIds: ['src'],
      },
      {
        id: 'nk',
        name: 'North Korea',
        kind: 'country',
        aliases: ['DPRK'],
        summary: 'A country.',
        sourceIds: ['src'],
        generic: true,
      },
    ],
    claims: [
      {
        id: 'theft',
        statement: 'North Korea stole over $1 billion in two years.',
        subjects: ['nk'],
        sourceId: 'src',
        evidence: 'stolen over $1 billion',
        attributedTo: 'Alejandro Mayorkas',
        when: '2022-11',
        figure: { value: 1e9, unit: 'USD', qualifier: 'over', period: 'past:2y' },
        measure: 'dprk.crypto-theft.usd',
      },
    ],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests write deliberately wrong shapes into the pack.
type Loose = Record<string, any>;

/** `validPack()` after `change`, as untyped JSON-like data. */
function packWith(change: (pack: Loose) => void): unknown {
  const pack: Loose = structuredClone(validPack());
  change(pack);
  return pack;
}

function errorsOf(input: unknown) {
  const result = validatePack(input);
  return result.ok ? [] : result.errors;
}

describe('validatePack', () => {
  it('accepts a valid pack and returns it unchanged', () => {
    expect(validatePack(validPack())).toEqual({ ok: true, pack: validPack() });
  });

  it('names the entry by position and name, the field in words, and the allowed values', () => {
    expect(errorsOf(packWith((p) => (p.entities[0].kind = 'human')))).toEqual([
      {
        path: 'entities[0]',
        entryId: 'wray',
        entry: 'Entity 1 (“Christopher Wray”)',
        field: 'kind',
        problem:
          'the kind must be one of person, organisation, country, place, programme, event, concept, not “human”',
        message:
          'Entity 1 (“Christopher Wray”): the kind must be one of person, organisation, country, place, programme, event, concept, not “human”',
      },
    ]);
  });

  it('says a bad link in words, once', () => {
    const errors = errorsOf(
      packWith((p) =>
        p.sources.push({ id: 'evil', title: 'Evil', publisher: 'X', url: 'javascript:alert(1)' }),
      ),
    );
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['url', 'Source 3 (“Evil”): the link must start with http:// or https://'],
    ]);
  });

  it('reports missing, mistyped and empty required fields', () => {
    const errors = errorsOf(
      packWith((p) => {
        delete p.sources[1].title;
        p.sources[1].publisher = 42;
        p.entities[0].name = '   ';
        p.entities[0].aliases = 'Wray';
        p.claims[0].statement = null;
      }),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Source 2 (“spare”): the title is missing',
      'Source 2 (“spare”): the publisher must be text, not 42',
      'Entity 1 (“wray”): the name is empty',
      'Entity 1 (“wray”): the aliases must be a list, not “Wray”',
      'Claim 1 (“theft”): the statement must be text, not null',
    ]);
  });

  it('points at the bad item inside a list field', () => {
    expect(errorsOf(packWith((p) => (p.entities[0].aliases = ['Wray', '', 7])))).toEqual([
      {
        path: 'entities[0]',
        entryId: 'wray',
        entry: 'Entity 1 (“Christopher Wray”)',
        field: 'aliases.1',
        problem: 'alias 2 is empty',
        message: 'Entity 1 (“Christopher Wray”): alias 2 is empty',
      },
      {
        path: 'entities[0]',
        entryId: 'wray',
        entry: 'Entity 1 (“Christopher Wray”)',
        field: 'aliases.2',
        problem: 'alias 3 must be text, not 7',
        message: 'Entity 1 (“Christopher Wray”): alias 3 must be text, not 7',
      },
    ]);
  });

  it('reports an entry without an id by its position and name', () => {
    expect(errorsOf(packWith((p) => delete p.entities[0].id))).toEqual([
      {
        path: 'entities[0]',
        entry: 'Entity 1 (“Christopher Wray”)',
        field: 'id',
        problem: 'the id is missing',
        message: 'Entity 1 (“Christopher Wray”): the id is missing',
      },
    ]);
    expect(
      errorsOf(packWith((p) => (p.entities[0] = { kind: 'person' }))).map((e) => e.message)[0],
    ).toBe('Entity 1: the id is missing');
  });

  it('rejects a second entry with the same id in a list', () => {
    const errors = errorsOf(packWith((p) => p.entities.push({ ...p.entities[0], name: 'Other' })));
    expect(errors).toEqual([
      {
        path: 'entities[2]',
        entryId: 'wray',
        entry: 'Entity 3 (“Other”)',
        field: 'id',
        problem: 'the id “wray” is already used by entity 1',
        message: 'Entity 3 (“Other”): the id “wray” is already used by entity 1',
      },
    ]);
  });

  it('allows the same id in different lists', () => {
    expect(errorsOf(packWith((p) => (p.claims[0].id = 'nk')))).toEqual([]);
  });

  it('reports references that do not resolve', () => {
    const errors = errorsOf(
      packWith((p) => {
        p.entities[0].sourceIds = ['src', 'nowhere'];
        p.claims[0].subjects = ['nk', 'kim'];
        p.claims[0].sourceId = 'gone';
      }),
    );
    expect(errors.map((e) => [e.path, e.field, e.message])).toEqual([
      [
        'entities[0]',
        'sourceIds.1',
        'Entity 1 (“Christopher Wray”): source 2 “nowhere” does not exist',
      ],
      [
        'claims[0]',
        'subjects.1',
        'Claim 1 (“North Korea stole over $1 billion in two…”): subject 2 “kim” does not exist',
      ],
      [
        'claims[0]',
        'sourceId',
        'Claim 1 (“North Korea stole over $1 billion in two…”): the source “gone” does not exist',
      ],
    ]);
  });

  it('says when a reference points at an entry that is itself invalid', () => {
    const errors = errorsOf(packWith((p) => (p.entities[1].kind = 'nation')));
    expect(errors.map((e) => e.message)).toEqual([
      'Entity 2 (“North Korea”): the kind must be one of person, organisation, country, place, programme, event, concept, not “nation”',
      'Claim 1 (“North Korea stole over $1 billion in two…”): subject 1 “nk” has a problem of its own',
    ]);
  });

  it('requires a claim to be about at least one entity', () => {
    expect(errorsOf(packWith((p) => (p.claims[0].subjects = []))).map((e) => e.problem)).toEqual([
      'the subjects must name at least one entity',
    ]);
  });

  it('checks every part of a figure, naming each part', () => {
    const errors = errorsOf(
      packWith((p) => {
        p.claims[0].figure = { value: '1e9', unit: '', qualifier: 'roughly', period: 'two years' };
      }),
    );
    expect(errors.map((e) => [e.field, e.problem])).toEqual([
      ['figure.value', 'the figure’s value must be a number, not “1e9”'],
      ['figure.unit', 'the figure’s unit is empty'],
      [
        'figure.qualifier',
        'the figure’s qualifier must be one of exact, over, about, under, up-to, not “roughly”',
      ],
      [
        'figure.period',
        'the figure’s period must be total, past:2y, past:18m, year:2024, month:2023-07, since:2017 or range:2017-2023 (the period it covers), not “two years”',
      ],
    ]);
  });

  it('rejects infinite and non-number figure values', () => {
    for (const value of [Number.POSITIVE_INFINITY, Number.NaN, null]) {
      const errors = errorsOf(packWith((p) => (p.claims[0].figure.value = value)));
      expect(errors.map((e) => e.field)).toEqual(['figure.value']);
    }
  });

  it('accepts every documented period form', () => {
    for (const period of [
      'total',
      'past:2y',
      'past:18m',
      'year:2023',
      'month:2023-07',
      'since:2017',
      'range:2017-2023',
    ]) {
      expect(errorsOf(packWith((p) => (p.claims[0].figure.period = period))), period).toEqual([]);
    }
    for (const period of ['past:0y', 'past:2d', 'month:2023-13', 'year:23', 'since:', '']) {
      const fields = errorsOf(packWith((p) => (p.claims[0].figure.period = period))).map(
        (e) => e.field,
      );
      expect(fields, period).toEqual(['figure.period']);
    }
  });

  it('requires a measure with a figure, and a figure with a measure', () => {
    expect(errorsOf(packWith((p) => delete p.claims[0].measure)).map((e) => e.problem)).toEqual([
      'the measure is missing: a claim with a figure needs a measure to be compared',
    ]);
    expect(errorsOf(packWith((p) => delete p.claims[0].figure)).map((e) => e.problem)).toEqual([
      'the measure is set, but the claim has no figure to compare',
    ]);
  });

  it('accepts only http and https URLs', () => {
    expect(errorsOf(packWith((p) => (p.sources[0].url = 'http://example.org/')))).toEqual([]);
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'not a url',
      'ftp://example.org/',
    ]) {
      expect(
        errorsOf(packWith((p) => (p.sources[1].url = url))).map((e) => e.message),
        url,
      ).toEqual(['Source 2 (“Another article”): the link must start with http:// or https://']);
    }
  });

  it('accepts full and partial calendar dates only', () => {
    for (const date of ['2023', '2023-08', '2024-02-29']) {
      expect(errorsOf(packWith((p) => (p.claims[0].when = date))), date).toEqual([]);
    }
    for (const date of ['2023-13', '2023-02-29', '2023-8', 'August 2023', '2023-08-00']) {
      expect(
        errorsOf(packWith((p) => (p.sources[1].published = date))).map((e) => e.problem),
      ).toEqual([`the date published must be written 2023, 2023-08 or 2023-08-17, not “${date}”`]);
    }
  });

  it('limits evidence to a short phrase of at most 14 words', () => {
    const fourteen =
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(errorsOf(packWith((p) => (p.claims[0].evidence = fourteen)))).toEqual([]);
    expect(
      errorsOf(packWith((p) => (p.claims[0].evidence = `${fourteen} fifteen`))).map(
        (e) => e.problem,
      ),
    ).toEqual(['the quote must be at most 14 words long, not 15']);
  });

  it('checks optional fields when present', () => {
    const errors = errorsOf(
      packWith((p) => {
        p.entities[0].generic = 'yes';
        p.claims[0].attributedTo = '';
      }),
    );
    expect(errors.map((e) => e.problem)).toEqual([
      '“generic” must be true or false, not “yes”',
      'who said it is empty',
    ]);
  });

  it('allows an empty summary (a reader fact without details)', () => {
    expect(errorsOf(packWith((p) => (p.entities[0].summary = '')))).toEqual([]);
  });

  it('names every field the format does not have, including __proto__, and nested ones', () => {
    const input = JSON.parse(
      JSON.stringify(validPack())
        .replace('"id":"wray"', '"id":"wray","sumary":"typo","__proto__":{"kind":"x"}')
        .replace('"period":"past:2y"', '"period":"past:2y","basis":"total"'),
    );
    expect(errorsOf(input).map((e) => e.field)).toEqual(['sumary', '__proto__', 'figure.basis']);
    expect(errorsOf(input).map((e) => e.message)).toEqual([
      'Entity 1 (“Christopher Wray”): “sumary” is not part of the format (allowed here: id, name, kind, aliases, summary, sourceIds, generic)',
      'Entity 1 (“Christopher Wray”): “__proto__” is not part of the format (allowed here: id, name, kind, aliases, summary, sourceIds, generic)',
      'Claim 1 (“North Korea stole over $1 billion in two…”): “basis” is not part of the format (allowed here: value, unit, qualifier, period, scope, incident)',
    ]);
  });

  it('checks the pack itself', () => {
    expect(errorsOf(packWith((p) => (p.format = 2)))).toEqual([
      {
        path: '',
        entry: 'The file',
        field: 'format',
        problem: 'the format must be 1, not 2',
        message: 'The file: the format must be 1, not 2',
      },
    ]);
    expect(
      errorsOf(
        packWith((p) => {
          p.sources = {};
          p.name = 5;
          p.extra = true;
        }),
      ).map((e) => e.message),
    ).toEqual([
      'The file: the name must be text, not 5',
      'The file: the sources must be a list, not an object',
      'The file: “extra” is not part of the format (allowed here: format, name, author, url, sources, entities, claims, measures, notes)',
      'Entity 1 (“Christopher Wray”): source 1 “src” does not exist',
      'Entity 2 (“North Korea”): source 1 “src” does not exist',
      'Claim 1 (“North Korea stole over $1 billion in two…”): subject 1 “nk” has a problem of its own',
      'Claim 1 (“North Korea stole over $1 billion in two…”): the source “src” does not exist',
    ]);
  });

  it('reports an entry that is not an object', () => {
    expect(errorsOf(packWith((p) => p.claims.push('a claim', null, [1])))).toEqual([
      {
        path: 'claims[1]',
        entry: 'Claim 2',
        field: '',
        problem: 'must be an object, not “a claim”',
        message: 'Claim 2 must be an object, not “a claim”',
      },
      {
        path: 'claims[2]',
        entry: 'Claim 3',
        field: '',
        problem: 'must be an object, not null',
        message: 'Claim 3 must be an object, not null',
      },
      {
        path: 'claims[3]',
        entry: 'Claim 4',
        field: '',
        problem: 'must be an object, not a list',
        message: 'Claim 4 must be an object, not a list',
      },
    ]);
  });

  it('shortens long values in messages', () => {
    const long = 'x'.repeat(100_000);
    const [error] = errorsOf(packWith((p) => (p.entities[0].kind = long)));
    expect(error?.message.endsWith(`not “${'x'.repeat(40)}…”`)).toBe(true);
    expect(error?.message.length).toBeLessThan(200);
    const [named] = errorsOf(packWith((p) => (p.entities[0] = { name: long })));
    expect(named?.message).toBe(`Entity 1 (“${'x'.repeat(40)}…”): the id is missing`);
  });
});

const NOT_A_PACK =
  'The file must be a fact pack (an object with format, sources, entities and claims), not';

describe('validatePack on garbage', () => {
  const huge = { format: 1, sources: Array(100_000).fill(null), entities: [], claims: [] };
  const nullProto = Object.assign(Object.create(null), { format: 1 });
  const inputs: [string, unknown, string][] = [
    ['null', null, `${NOT_A_PACK} null`],
    ['undefined', undefined, `${NOT_A_PACK} empty`],
    ['a list', [], `${NOT_A_PACK} a list`],
    ['a string', 'pack', `${NOT_A_PACK} “pack”`],
    ['a number', 3, `${NOT_A_PACK} 3`],
    ['a function', () => 1, `${NOT_A_PACK} a function`],
    ['a symbol', Symbol('x'), `${NOT_A_PACK} a symbol`],
    ['a bigint', 10n, `${NOT_A_PACK} 10`],
    ['an empty object', {}, 'The file: the format is missing'],
    ['a null-prototype object', nullProto, 'The file: the sources are missing'],
  ];

  it.each(inputs)('never throws on %s and says what is wrong', (_name, input, first) => {
    const result = validatePack(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors[0]?.message).toBe(first);
  });

  it('reports each of 100,000 bad entries', () => {
    const result = validatePack(huge);
    expect(result.ok ? [] : [result.errors.length, result.errors[99_999]?.message]).toEqual([
      100_000,
      'Source 100000 must be an object, not null',
    ]);
  });

  it('does not pollute prototypes or read inherited fields', () => {
    const input = JSON.parse(
      '{"__proto__":{"polluted":true},"format":1,"sources":[],"entities":[{"__proto__":{"id":"x","name":"X","kind":"person","aliases":[],"summary":"","sourceIds":[]}}],"claims":[]}',
    );
    const result = validatePack(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
      '__proto__',
      'id',
      'name',
      'kind',
      'aliases',
      'summary',
      'sourceIds',
      '__proto__',
    ]);
  });

  it('keeps messages short even for a huge unknown field name', () => {
    const key = 'k'.repeat(100_000);
    const result = validatePack({ format: 1, sources: [], entities: [], claims: [], [key]: 1 });
    expect(result.ok ? '' : result.errors[0]?.message).toBe(
      `The file: “${'k'.repeat(40)}…” is not part of the format (allowed here: format, name, author, url, sources, entities, claims, measures, notes)`,
    );
  });

  it('never copies unknown fields into the result', () => {
    const { pack } = checkEntries(
      JSON.parse('{"format":1,"sources":[],"entities":[],"claims":[],"constructor":{"x":1}}'),
    );
    expect(pack).toEqual({ format: 1, sources: [], entities: [], claims: [] });
    expect(Object.hasOwn(pack, 'constructor')).toBe(false);
  });
});

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
