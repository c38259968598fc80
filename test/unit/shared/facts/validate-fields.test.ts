/** validatePack: every field of an entry, and of the pack itself. */
import { describe, expect, it } from 'vitest';
import { errorsOf, packWith, validPack } from './valid-pack';

describe('validatePack: fields', () => {
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
