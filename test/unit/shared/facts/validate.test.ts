/** validatePack: entries named in words, ids, references. */
import { describe, expect, it } from 'vitest';
import { validatePack } from '@/lib/shared/facts/validate';
import { errorsOf, packWith, validPack } from './valid-pack';

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
});
