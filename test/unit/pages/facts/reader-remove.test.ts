/** Removing a reader's fact or claim keeps what other entries still use. */
import { describe, expect, it } from 'vitest';
import { addFact, removeClaim, removeFact } from '@/lib/pages/facts/reader';
import type { FactPack } from '@/lib/shared/facts/schema';
import { EMPTY, form, LAZARUS } from './reader-form';

describe('removeFact', () => {
  it('removes the entity, its own claim and its now unused source', () => {
    const { pack, entityId } = addFact(
      EMPTY,
      form({ term: 'X', sourceTitle: 'T', figure: '1', measure: 'hackers' }),
    );
    const other = addFact(pack, form({ term: 'Y' })).pack;
    const after = removeFact(other, entityId);
    expect(after.entities.map((e) => e.id)).toEqual(['reader.y']);
    expect(after.claims).toEqual([]);
    expect(after.sources).toEqual([]);
  });

  it('removes notes about the entity and about its claims', () => {
    const { pack, entityId } = addFact(EMPTY, { ...LAZARUS, quote: 'prolific' });
    expect(removeFact(pack, entityId)).toEqual(EMPTY);
  });

  it('keeps shared claims and sources for the other entities', () => {
    const pack: FactPack = {
      format: 1,
      sources: [{ id: 's', title: 'T', publisher: 'P' }],
      entities: [
        { id: 'a', name: 'A', kind: 'person', aliases: [], summary: '', sourceIds: ['s'] },
        { id: 'b', name: 'B', kind: 'person', aliases: [], summary: '', sourceIds: ['s'] },
      ],
      claims: [
        { id: 'c', statement: 'A met B.', subjects: ['a', 'b'], sourceId: 's', evidence: 'met' },
      ],
    };
    expect(removeFact(pack, 'a')).toEqual({
      ...pack,
      entities: [pack.entities[1]],
      claims: [{ ...pack.claims[0], subjects: ['b'] }],
    });
  });
});

describe('removeClaim', () => {
  it('removes the claim, notes about it and its now unused source', () => {
    const { pack } = addFact(
      EMPTY,
      form({ term: 'X', sourceTitle: 'T', figure: '1', measure: 'hackers' }),
    );
    const noted: FactPack = {
      ...pack,
      notes: [
        { id: 'n', about: { kind: 'claim', id: 'reader.x.figure' }, text: 'Hm.', sourceIds: [] },
      ],
    };
    const after = removeClaim(noted, 'reader.x.figure');
    expect(after.claims).toEqual([]);
    expect(after.notes).toBeUndefined();
    // The entity still cites the source.
    expect(after.sources).toEqual(pack.sources);
  });
});
