import { describe, expect, it } from 'vitest';
import { addNote } from '@/lib/pages/facts/notes';
import { addFact, EMPTY_FORM, removeFact } from '@/lib/pages/facts/reader';
import { undoChange } from '@/lib/pages/facts/undo';
import type { FactPack } from '@/lib/shared/facts/schema';

const EMPTY: FactPack = { format: 1, name: 'My facts', sources: [], entities: [], claims: [] };
const form = (term: string, fields = {}) => ({
  ...EMPTY_FORM,
  term,
  sourceTitle: `${term} source`,
  ...fields,
});

const WRAY = { about: { kind: 'entity' as const, id: 'wray' }, name: 'Christopher Wray' };

describe('undoChange', () => {
  const a = addFact(EMPTY, form('Alpha', { figure: '1', measure: 'hackers' })).pack;
  const ab = addFact(a, form('Beta')).pack;

  it('takes back a delete: the entity, its claim and source come back in their places', () => {
    const deleted = removeFact(ab, 'reader.alpha');
    expect(undoChange(deleted, ab, deleted)).toEqual(ab);
  });

  it('takes back an add, including a note', () => {
    const noted = addNote(ab, WRAY, form('', { details: 'Hm.' })).pack;
    expect(undoChange(noted, ab, noted)).toEqual(ab);
  });

  it('takes back an edit, and everything at once after delete all', () => {
    const edited = { ...ab, entities: ab.entities.map((e) => ({ ...e, summary: 'Edited.' })) };
    expect(undoChange(edited, ab, edited)).toEqual(ab);
    expect(undoChange(EMPTY, ab, EMPTY)).toEqual(ab);
  });

  it('leaves alone what was changed since, in another tab say', () => {
    const deleted = removeFact(ab, 'reader.alpha');
    const since = addFact(deleted, form('Gamma')).pack;
    const undone = undoChange(since, ab, deleted);
    expect(undone.entities.map((e) => e.id)).toEqual([
      'reader.alpha',
      'reader.beta',
      'reader.gamma',
    ]);
    // An entry the change added but that was edited since stays as edited.
    const added = addFact(EMPTY, form('Delta')).pack;
    const editedSince = {
      ...added,
      entities: added.entities.map((e) => ({ ...e, summary: 'Mine.' })),
    };
    expect(undoChange(editedSince, EMPTY, added).entities).toEqual(editedSince.entities);
  });
});
