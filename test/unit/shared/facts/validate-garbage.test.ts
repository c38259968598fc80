/** validatePack on anything at all: never throws, never copies unknown fields, says what is wrong. */

import { describe, expect, it } from 'vitest';
import { checkEntries, validatePack } from '@/lib/shared/facts/validate';
import { NOT_A_PACK } from './valid-pack';

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
