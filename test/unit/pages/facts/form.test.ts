import { describe, expect, it } from 'vitest';
import { applyForm, formContext, planForm, validateForm } from '@/lib/pages/facts/form';
import { addFact, EMPTY_FORM, type ReaderFactForm } from '@/lib/pages/facts/reader';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { FactPack } from '@/lib/shared/facts/schema';

const EMPTY: FactPack = { format: 1, name: 'My facts', sources: [], entities: [], claims: [] };

const BUNDLED: FactPack = {
  format: 1,
  sources: [{ id: 's.fbi', title: 'Hearing', publisher: 'Congress' }],
  entities: [
    {
      id: 'wray',
      name: 'Christopher Wray',
      kind: 'person',
      aliases: ['Wray', 'FBI Director'],
      summary: 'Head of the FBI.',
      sourceIds: ['s.fbi'],
    },
  ],
  claims: [
    { id: 'spying', statement: 'Wray said spying grew.', subjects: ['wray'], sourceId: 's.fbi' },
  ],
};

function form(fields: Partial<ReaderFactForm>): ReaderFactForm {
  return { ...EMPTY_FORM, ...fields };
}

const LAZARUS = form({
  term: 'Lazarus Group',
  aliases: 'Lazarus, APT38',
  details: 'A hacking group tied to North Korea.',
  sourceTitle: 'Advisory',
  sourceUrl: 'https://example.org/advisory',
});

/** The context for the reader's facts `yours` beside the bundled pack. */
function contextFor(yours: FactPack) {
  return formContext(yours, mergePacks(BUNDLED, yours));
}

/** The problems with `typed`, planned as the form would plan it. */
function problems(typed: ReaderFactForm, yours = EMPTY) {
  const context = contextFor(yours);
  return validateForm(typed, context, planForm(typed, context));
}

const WRAY_NOTE = {
  kind: 'note',
  subject: { about: { kind: 'entity', id: 'wray' }, name: 'Christopher Wray' },
} as const;

describe('planForm', () => {
  it('adds a new term as the reader’s fact', () => {
    expect(planForm(LAZARUS, contextFor(EMPTY))).toEqual({ kind: 'new' });
  });

  it('turns a term Backstory already knows, by name or alias, into the reader’s note on it', () => {
    expect(planForm(form({ term: 'christopher  wray' }), contextFor(EMPTY))).toEqual(WRAY_NOTE);
    expect(planForm(form({ term: 'FBI Director' }), contextFor(EMPTY))).toEqual(WRAY_NOTE);
  });

  it('keeps what the reader chose: editing, or a note from the list', () => {
    const fixed = { kind: 'edit', entityId: 'reader.x' } as const;
    expect(planForm(form({ term: 'Wray' }), contextFor(EMPTY), fixed)).toBe(fixed);
  });
});

describe('validateForm', () => {
  it('accepts a complete new fact, and a note on a bundled entity with no source title', () => {
    expect(problems(LAZARUS)).toEqual({});
    expect(
      problems(
        form({ term: 'Christopher Wray', details: 'Left in 2025.', sourceUrl: 'https://x.org' }),
      ),
    ).toEqual({});
  });

  it('asks for a term', () => {
    expect(problems(form({ term: '   ' }))).toEqual({ term: 'Enter a term.' });
  });

  it('sends the reader to their own fact rather than adding it twice', () => {
    const { pack } = addFact(EMPTY, LAZARUS);
    expect(problems(form({ term: 'lazarus group' }), pack)).toEqual({
      term: 'You already have “Lazarus Group”: edit it in the list below.',
    });
  });

  it('rejects an alias another entity uses, bundled or the reader’s', () => {
    const { pack } = addFact(EMPTY, LAZARUS);
    expect(problems(form({ term: 'Bureau', aliases: 'APT38' }), pack)).toEqual({
      aliases: '“APT38” is already used by “Lazarus Group”.',
    });
    expect(problems(form({ term: 'Bureau', aliases: 'wray' }), pack)).toEqual({
      aliases: '“wray” is already used by “Christopher Wray”.',
    });
  });

  it('allows an edited fact to keep its own term and aliases', () => {
    const { pack, entityId } = addFact(EMPTY, LAZARUS);
    const context = contextFor(pack);
    expect(validateForm(LAZARUS, context, { kind: 'edit', entityId })).toEqual({});
  });

  it('asks a note for words or a quote, and no aliases', () => {
    expect(problems(form({ term: 'Wray', aliases: 'Chris' }))).toEqual({
      aliases:
        'Aliases belong to your own facts; “Christopher Wray” is not yours, so leave this empty.',
      details: 'Write your note, or give a quote.',
    });
  });

  it('accepts only http and https source URLs', () => {
    for (const sourceUrl of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://x.org', 'no url']) {
      expect(problems(form({ term: 'X', sourceUrl }))).toEqual({
        sourceUrl: 'Enter a web address starting with http:// or https://.',
      });
    }
    expect(problems(form({ term: 'X', sourceUrl: 'http://x.org/a' }))).toEqual({});
  });

  it('asks for the source of a quote or a date, and checks the date', () => {
    expect(problems(form({ term: 'X', quote: 'said so' }))).toEqual({
      sourceTitle: 'A quote needs its source: give its title or link.',
    });
    expect(problems(form({ term: 'X', sourceTitle: 'T', sourcePublished: 'May 2023' }))).toEqual({
      sourcePublished: 'Write the date as 2023, 2023-08 or 2023-08-17.',
    });
  });

  it('reads the figure as news writes it, and says why it cannot', () => {
    const figure = form({ term: 'Theft', sourceTitle: 'T', measure: 'theft.usd' });
    expect(problems({ ...figure, figure: 'over $1.7 billion in 2022' })).toEqual({});
    expect(problems({ ...figure, figure: 'lots' })).toEqual({
      figure:
        'No figure found in “lots”: write a number with its unit, e.g. “over $1 billion in the past two years” or “about 300 hackers in 2022”.',
    });
  });

  it('requires a source for a figure, what it counts, and a short quote on it', () => {
    expect(problems(form({ term: 'X', figure: '3 hackers' }))).toEqual({
      sourceTitle: 'A figure needs its source: give its title or link.',
      measure: 'Choose what the figure counts, or name something new.',
    });
    const long =
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
    expect(
      problems(
        form({ term: 'X', sourceTitle: 'T', figure: '3', newMeasure: 'Hackers', quote: long }),
      ),
    ).toEqual({ quote: 'A quote on a figure is at most 14 words: shorten it.' });
  });
});

describe('applyForm', () => {
  it('adds, saves and notes, and says which it did', () => {
    const added = applyForm(EMPTY, LAZARUS, { kind: 'new' });
    expect(added.said).toBe('Added “Lazarus Group”.');
    const entityId = added.pack.entities[0]?.id ?? '';
    const saved = applyForm(
      added.pack,
      { ...LAZARUS, details: 'Changed.' },
      { kind: 'edit', entityId },
    );
    expect([saved.said, saved.pack.entities[0]?.summary]).toEqual([
      'Saved “Lazarus Group”.',
      'Changed.',
    ]);
    const noted = applyForm(EMPTY, form({ details: 'Hm.' }), WRAY_NOTE);
    expect([noted.said, noted.pack.notes?.[0]?.text]).toEqual([
      'Added your note on “Christopher Wray”.',
      'Hm.',
    ]);
    const noteId = noted.pack.notes?.[0]?.id ?? '';
    const resaved = applyForm(noted.pack, form({ details: 'Hm!' }), { ...WRAY_NOTE, noteId });
    expect([resaved.said, resaved.pack.notes?.[0]?.text]).toEqual([
      'Saved your note on “Christopher Wray”.',
      'Hm!',
    ]);
  });
});
