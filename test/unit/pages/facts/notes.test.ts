import { describe, expect, it } from 'vitest';
import { addNote, noteFormOf, removeNote, updateNote } from '@/lib/pages/facts/notes';
import { EMPTY_FORM, type ReaderFactForm } from '@/lib/pages/facts/reader';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { FactPack } from '@/lib/shared/facts/schema';
import { checkEntries } from '@/lib/shared/facts/validate';

const EMPTY: FactPack = { format: 1, name: 'My facts', sources: [], entities: [], claims: [] };

const BUNDLED: FactPack = {
  format: 1,
  sources: [{ id: 's.fbi', title: 'Hearing', publisher: 'Congress' }],
  entities: [
    {
      id: 'wray',
      name: 'Christopher Wray',
      kind: 'person',
      aliases: ['Wray'],
      summary: 'Head of the FBI.',
      sourceIds: ['s.fbi'],
    },
  ],
  claims: [
    { id: 'spying', statement: 'Wray said spying grew.', subjects: ['wray'], sourceId: 's.fbi' },
  ],
};

const WRAY = { about: { kind: 'entity' as const, id: 'wray' }, name: 'Christopher Wray' };
const SPYING = { about: { kind: 'claim' as const, id: 'spying' }, name: 'Wray said spying grew.' };

function form(fields: Partial<ReaderFactForm>): ReaderFactForm {
  return { ...EMPTY_FORM, ...fields };
}

/** Valid as the reader's pack, beside the bundled one. */
function valid(pack: FactPack): boolean {
  return checkEntries(pack, BUNDLED).errors.length === 0;
}

describe('addNote', () => {
  it('keeps the reader’s words and a source given by its link alone, apart from the bundled entity', () => {
    const { pack, noteId } = addNote(
      EMPTY,
      WRAY,
      form({ details: 'Left the FBI in 2025.', sourceUrl: 'https://www.fbi.gov/x' }),
    );
    expect(noteId).toBe('reader.note.christopher-wray');
    expect(pack).toEqual({
      ...EMPTY,
      sources: [
        {
          id: 'reader.note.christopher-wray.source',
          title: 'fbi.gov',
          url: 'https://www.fbi.gov/x',
        },
      ],
      notes: [
        {
          id: noteId,
          about: { kind: 'entity', id: 'wray' },
          text: 'Left the FBI in 2025.',
          sourceIds: ['reader.note.christopher-wray.source'],
        },
      ],
    });
    expect(valid(pack)).toBe(true);
    // The bundled entity is untouched: the note adds to it.
    expect(mergePacks(BUNDLED, pack).entities).toEqual(BUNDLED.entities);
  });

  it('notes a claim too, with a quote and no words of the reader’s', () => {
    const { pack } = addNote(EMPTY, SPYING, form({ quote: 'stepped up', sourceTitle: 'Hearing' }));
    expect(pack.notes).toEqual([
      {
        id: 'reader.note.wray-said-spying-grew',
        about: { kind: 'claim', id: 'spying' },
        text: '',
        quote: 'stepped up',
        sourceIds: ['reader.note.wray-said-spying-grew.source'],
      },
    ]);
    expect(valid(pack)).toBe(true);
  });

  it('makes a figure on a note the reader’s own claim about the entity, quoting only a real quote', () => {
    const { pack, noteId } = addNote(
      EMPTY,
      WRAY,
      form({
        details: 'He said so twice.',
        sourceTitle: 'Testimony',
        quote: 'over $1 billion',
        figure: 'over $1 billion',
        measure: 'dprk.crypto-theft.usd',
      }),
    );
    expect(pack.claims).toEqual([
      {
        id: `${noteId}.figure`,
        statement: 'Christopher Wray: over $1 billion overall',
        subjects: ['wray'],
        sourceId: `${noteId}.source`,
        evidence: 'over $1 billion',
        figure: { value: 1e9, unit: 'USD', qualifier: 'over', period: 'total', scope: 'total' },
        measure: 'dprk.crypto-theft.usd',
      },
    ]);
    // The quote went with the figure; the note keeps the words.
    expect(pack.notes?.[0]).not.toHaveProperty('quote');
    expect(valid(pack)).toBe(true);
  });

  it('never reuses an id', () => {
    const once = addNote(EMPTY, WRAY, form({ details: 'One.' })).pack;
    expect(addNote(once, WRAY, form({ details: 'Two.' })).noteId).toBe(
      'reader.note.christopher-wray-2',
    );
  });
});

describe('noteFormOf, updateNote and removeNote', () => {
  const written = form({
    details: 'Left the FBI in 2025.',
    sourceTitle: 'Report',
    sourceUrl: 'https://example.org/r',
    sourcePublished: '2025-01',
    quote: 'will step down',
  });

  it('shows a note as the form that wrote it, and changes nothing when saved unchanged', () => {
    const { pack, noteId } = addNote(EMPTY, WRAY, written);
    expect(noteFormOf(pack, noteId)).toEqual({ form: written, about: WRAY.about });
    expect(updateNote(pack, noteId, WRAY, written)).toEqual(pack);
    expect(noteFormOf(pack, 'missing')).toBeUndefined();
  });

  it('rewrites the words and drops a source that was cleared', () => {
    const { pack, noteId } = addNote(EMPTY, WRAY, written);
    const edited = updateNote(pack, noteId, WRAY, {
      ...written,
      details: 'Changed.',
      sourceTitle: '',
      sourceUrl: '',
      sourcePublished: '',
      quote: '',
    });
    expect(edited).toEqual({
      ...EMPTY,
      notes: [{ id: noteId, about: WRAY.about, text: 'Changed.', sourceIds: [] }],
    });
  });

  it('removes the note, its figure and its source, and nothing else', () => {
    const first = addNote(EMPTY, WRAY, { ...written, figure: '3', measure: 'agents' });
    const second = addNote(first.pack, SPYING, form({ details: 'Kept.' }));
    expect(removeNote(second.pack, first.noteId)).toEqual({
      ...EMPTY,
      notes: second.pack.notes?.slice(1),
    });
  });

  it('edits a figure saved without words through its note id', () => {
    const figureOnly = form({ sourceTitle: 'T', figure: '3', measure: 'agents' });
    const { pack, noteId } = addNote(EMPTY, WRAY, figureOnly);
    expect(pack.notes).toBeUndefined();
    expect(noteFormOf(pack, noteId)).toEqual({ form: figureOnly, about: WRAY.about });
  });
});
