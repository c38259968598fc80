import { describe, expect, it } from 'vitest';
import { freshId, slug } from '@/lib/pages/facts/edit';
import { sameJson } from '@/lib/shared/facts/json';

describe('sameJson', () => {
  it('ignores the order of object keys but not of list items', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it('tells apart different values, missing keys and lists from objects', () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: 1 }, { a: 1, c: 1 })).toBe(false);
    expect(sameJson(['a'], { 0: 'a' })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson('x', 'x')).toBe(true);
  });
});

describe('ids', () => {
  it('slugs names, and keeps them short', () => {
    expect(slug('Lazarus Group')).toBe('lazarus-group');
    expect(slug('한국')).toBe('fact');
    expect(slug('a'.repeat(100))).toHaveLength(40);
  });

  it('numbers an id whose derived ids are taken', () => {
    const pack = {
      format: 1 as const,
      sources: [{ id: 'x.y.source', title: 'T' }],
      entities: [],
      claims: [],
    };
    expect(freshId(pack, 'x.', 'Y', ['.source'])).toBe('x.y-2');
  });
});
