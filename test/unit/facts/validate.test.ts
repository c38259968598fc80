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

  it('names the entry, id, field and allowed values for a wrong enum value', () => {
    expect(errorsOf(packWith((p) => (p.entities[0].kind = 'human')))).toEqual([
      {
        path: 'entities[0]',
        entryId: 'wray',
        field: 'kind',
        message:
          'entities[0] (id "wray"): field "kind" must be one of person, organisation, country, place, programme, event, concept; got "human"',
      },
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
      'sources[1] (id "spare"): field "title" is missing',
      'sources[1] (id "spare"): field "publisher" must be a non-empty string; got 42',
      'entities[0] (id "wray"): field "name" must be a non-empty string; got "   "',
      'entities[0] (id "wray"): field "aliases" must be a list of strings; got "Wray"',
      'claims[0] (id "theft"): field "statement" must be a non-empty string; got null',
    ]);
  });

  it('points at the bad item inside a list field', () => {
    expect(errorsOf(packWith((p) => (p.entities[0].aliases = ['Wray', '', 7])))).toEqual([
      {
        path: 'entities[0]',
        entryId: 'wray',
        field: 'aliases[1]',
        message: 'entities[0] (id "wray"): field "aliases[1]" must be a non-empty string; got ""',
      },
      {
        path: 'entities[0]',
        entryId: 'wray',
        field: 'aliases[2]',
        message: 'entities[0] (id "wray"): field "aliases[2]" must be a non-empty string; got 7',
      },
    ]);
  });

  it('reports an entry without an id by its position only', () => {
    expect(errorsOf(packWith((p) => delete p.entities[0].id))).toEqual([
      {
        path: 'entities[0]',
        field: 'id',
        message: 'entities[0]: field "id" is missing',
      },
    ]);
  });

  it('rejects a second entry with the same id in a list', () => {
    const errors = errorsOf(packWith((p) => p.entities.push({ ...p.entities[0], name: 'Other' })));
    expect(errors).toEqual([
      {
        path: 'entities[2]',
        entryId: 'wray',
        field: 'id',
        message:
          'entities[2] (id "wray"): field "id" "wray" is already used by entities[0]; ids must be unique',
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
        'sourceIds[1]',
        'entities[0] (id "wray"): field "sourceIds[1]" refers to source "nowhere", which does not exist',
      ],
      [
        'claims[0]',
        'subjects[1]',
        'claims[0] (id "theft"): field "subjects[1]" refers to entity "kim", which does not exist',
      ],
      [
        'claims[0]',
        'sourceId',
        'claims[0] (id "theft"): field "sourceId" refers to source "gone", which does not exist',
      ],
    ]);
  });

  it('says when a reference points at an entry that is itself invalid', () => {
    const errors = errorsOf(packWith((p) => (p.entities[1].kind = 'nation')));
    expect(errors.map((e) => e.message)).toEqual([
      'entities[1] (id "nk"): field "kind" must be one of person, organisation, country, place, programme, event, concept; got "nation"',
      'claims[0] (id "theft"): field "subjects[0]" refers to entity "nk", which is itself invalid',
    ]);
  });

  it('requires a claim to be about at least one entity', () => {
    expect(errorsOf(packWith((p) => (p.claims[0].subjects = [])))).toEqual([
      {
        path: 'claims[0]',
        entryId: 'theft',
        field: 'subjects',
        message: 'claims[0] (id "theft"): field "subjects" must name at least one entity',
      },
    ]);
  });

  it('checks every part of a figure', () => {
    const errors = errorsOf(
      packWith((p) => {
        p.claims[0].figure = { value: '1e9', unit: '', qualifier: 'roughly', period: 'two years' };
      }),
    );
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      [
        'figure.value',
        'claims[0] (id "theft"): field "figure.value" must be a finite number; got "1e9"',
      ],
      [
        'figure.unit',
        'claims[0] (id "theft"): field "figure.unit" must be a non-empty string such as "USD" or "years"; got ""',
      ],
      [
        'figure.qualifier',
        'claims[0] (id "theft"): field "figure.qualifier" must be one of exact, over, about, under, up-to; got "roughly"',
      ],
      [
        'figure.period',
        'claims[0] (id "theft"): field "figure.period" must be "total", "past:<n>y", "past:<n>m", "year:YYYY", "month:YYYY-MM" or "since:YYYY"; got "two years"',
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
    expect(errorsOf(packWith((p) => delete p.claims[0].measure)).map((e) => e.message)).toEqual([
      'claims[0] (id "theft"): field "measure" is missing; a claim with a figure needs a measure to be compared',
    ]);
    expect(errorsOf(packWith((p) => delete p.claims[0].figure)).map((e) => e.message)).toEqual([
      'claims[0] (id "theft"): field "measure" is set but the claim has no figure to compare',
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
      ).toEqual([
        `sources[1] (id "spare"): field "url" must be an http: or https: URL; got ${JSON.stringify(url)}`,
      ]);
    }
  });

  it('accepts full and partial calendar dates only', () => {
    for (const date of ['2023', '2023-08', '2024-02-29']) {
      expect(errorsOf(packWith((p) => (p.claims[0].when = date))), date).toEqual([]);
    }
    for (const date of ['2023-13', '2023-02-29', '2023-8', 'August 2023', '2023-08-00']) {
      expect(
        errorsOf(packWith((p) => (p.sources[1].published = date))).map((e) => e.message),
      ).toEqual([
        `sources[1] (id "spare"): field "published" must be a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; got ${JSON.stringify(date)}`,
      ]);
    }
  });

  it('limits evidence to a short phrase of at most 14 words', () => {
    const fourteen =
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(errorsOf(packWith((p) => (p.claims[0].evidence = fourteen)))).toEqual([]);
    expect(
      errorsOf(packWith((p) => (p.claims[0].evidence = `${fourteen} fifteen`))).map(
        (e) => e.message,
      ),
    ).toEqual([
      'claims[0] (id "theft"): field "evidence" must be a short verbatim phrase of at most 14 words; got 15 words',
    ]);
  });

  it('checks optional fields when present', () => {
    const errors = errorsOf(
      packWith((p) => {
        p.entities[0].generic = 'yes';
        p.claims[0].attributedTo = '';
      }),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'entities[0] (id "wray"): field "generic" must be true or false; got "yes"',
      'claims[0] (id "theft"): field "attributedTo" must be a non-empty string; got ""',
    ]);
  });

  it('allows an empty summary (a reader fact without details)', () => {
    expect(errorsOf(packWith((p) => (p.entities[0].summary = '')))).toEqual([]);
  });

  it('rejects fields the format does not have, including __proto__', () => {
    const input = JSON.parse(
      JSON.stringify(validPack()).replace(
        '"id":"wray"',
        '"id":"wray","sumary":"typo","__proto__":{"kind":"x"}',
      ),
    );
    expect(errorsOf(input).map((e) => e.field)).toEqual(['sumary', '__proto__']);
    expect(errorsOf(input)[0]?.message).toBe(
      'entities[0] (id "wray"): field "sumary" is not part of the format (allowed: id, name, kind, aliases, summary, sourceIds, generic)',
    );
  });

  it('checks the pack itself', () => {
    expect(errorsOf(packWith((p) => (p.format = 2)))).toEqual([
      { path: '', field: 'format', message: 'pack: field "format" must be 1; got 2' },
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
      'pack: field "extra" is not part of the format (allowed: format, name, sources, entities, claims)',
      'pack: field "name" must be a string; got 5',
      'pack: field "sources" must be a list; got an object',
      'entities[0] (id "wray"): field "sourceIds[0]" refers to source "src", which does not exist',
      'entities[1] (id "nk"): field "sourceIds[0]" refers to source "src", which does not exist',
      'claims[0] (id "theft"): field "subjects[0]" refers to entity "nk", which is itself invalid',
      'claims[0] (id "theft"): field "sourceId" refers to source "src", which does not exist',
    ]);
  });

  it('reports an entry that is not an object', () => {
    expect(errorsOf(packWith((p) => p.claims.push('a claim', null, [1])))).toEqual([
      { path: 'claims[1]', field: '', message: 'claims[1]: must be an object; got "a claim"' },
      { path: 'claims[2]', field: '', message: 'claims[2]: must be an object; got null' },
      { path: 'claims[3]', field: '', message: 'claims[3]: must be an object; got a list' },
    ]);
  });

  it('shortens long values in messages', () => {
    const long = 'x'.repeat(100_000);
    const [error] = errorsOf(packWith((p) => (p.entities[0].kind = long)));
    expect(error?.message.endsWith(`got "${'x'.repeat(40)}…"`)).toBe(true);
    expect(error?.message.length).toBeLessThan(200);
  });
});

describe('validatePack on garbage', () => {
  const huge = { format: 1, sources: Array(100_000).fill(null), entities: [], claims: [] };
  const nullProto = Object.assign(Object.create(null), { format: 1 });
  const inputs: [string, unknown, string][] = [
    ['null', null, 'pack: must be an object with format, sources, entities and claims; got null'],
    [
      'undefined',
      undefined,
      'pack: must be an object with format, sources, entities and claims; got nothing',
    ],
    ['a list', [], 'pack: must be an object with format, sources, entities and claims; got a list'],
    [
      'a string',
      'pack',
      'pack: must be an object with format, sources, entities and claims; got "pack"',
    ],
    ['a number', 3, 'pack: must be an object with format, sources, entities and claims; got 3'],
    [
      'a function',
      () => 1,
      'pack: must be an object with format, sources, entities and claims; got a function',
    ],
    [
      'a symbol',
      Symbol('x'),
      'pack: must be an object with format, sources, entities and claims; got a symbol',
    ],
    ['a bigint', 10n, 'pack: must be an object with format, sources, entities and claims; got 10'],
    ['an empty object', {}, 'pack: field "format" must be 1; got nothing'],
    ['a null-prototype object', nullProto, 'pack: field "sources" must be a list; got nothing'],
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
      'sources[99999]: must be an object; got null',
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
      '__proto__',
      'id',
      'name',
      'kind',
      'aliases',
      'summary',
      'sourceIds',
    ]);
  });

  it('keeps messages short even for a huge unknown field name', () => {
    const key = 'k'.repeat(100_000);
    const result = validatePack({ format: 1, sources: [], entities: [], claims: [], [key]: 1 });
    expect(result.ok ? '' : result.errors[0]?.message).toBe(
      `pack: field "${'k'.repeat(40)}…" is not part of the format (allowed: format, name, sources, entities, claims)`,
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
      ['claims[1]', 'bad-claim', 'subjects[0]'],
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
      'entities[0] (id "mine"): field "sourceIds[0]" refers to source "src", which does not exist',
      'claims[0] (id "c"): field "subjects[0]" refers to entity "mine", which is itself invalid',
      'claims[0] (id "c"): field "subjects[1]" refers to entity "wray", which does not exist',
      'claims[0] (id "c"): field "sourceId" refers to source "src", which does not exist',
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
          field: '',
          message: 'pack: must be an object with format, sources, entities and claims; got "nope"',
        },
      ],
    });
  });
});
