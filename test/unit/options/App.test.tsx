import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '@/lib/shared/defaults';
import { readStoredFacts, saveImported } from '@/lib/shared/facts/stored';
import { settingsItem } from '@/lib/shared/storage';
import { tick } from './form-driver';
import { button, field, notice, PACK, root, shown, stored, type } from './options-page';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('the options page', () => {
  it('prefills the form from the context-menu URL', async () => {
    history.replaceState(
      null,
      '',
      '/options.html?quote=stole+%241.7+billion&sourceTitle=Report&sourceUrl=https%3A%2F%2Fx.org&sourcePublished=2023-08-17',
    );
    await shown();
    expect(
      ['fact-term', 'fact-quote', 'fact-sourceTitle', 'fact-sourceUrl', 'fact-sourcePublished'].map(
        (id) => field(id).value,
      ),
    ).toEqual(['', 'stole $1.7 billion', 'Report', 'https://x.org', '2023-08-17']);
  });

  it('prefills a figure from the context-menu URL, read as the source dates it', async () => {
    history.replaceState(
      null,
      '',
      '/options.html?figure=about+%24600+million+last+year&sourceUrl=https%3A%2F%2Fx.org&sourcePublished=2023-09-14',
    );
    await shown();
    expect(field('fact-figure').value).toBe('about $600 million last year');
    expect(root.querySelector('#fact-figure-reading')?.textContent).toBe(
      'Read as: about $600,000,000 · in 2022 · in total',
    );
  });

  it('opens a note on what a card shows (“Save to my facts”), and saves it as the reader’s note', async () => {
    history.replaceState(
      null,
      '',
      '/options.html?about=entity%3Achristopher-wray&quote=the+most+active+in+the+world&sourceTitle=Report&sourceUrl=https%3A%2F%2Fx.org',
    );
    await shown();
    await vi.waitFor(() =>
      expect(root.querySelector('#add-heading')?.textContent).toBe('Add a note'),
    );
    expect(root.querySelector('.note-on')?.textContent).toBe(
      'Your note on “Christopher Wray” (Bundled with Backstory)',
    );
    expect(field('fact-term')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(field('fact-details')));
    expect([field('fact-quote').value, field('fact-sourceTitle').value]).toEqual([
      'the most active in the world',
      'Report',
    ]);
    button('Add note').click();
    await vi.waitFor(async () =>
      expect((await stored()).notes).toEqual([
        {
          id: 'reader.note.christopher-wray',
          about: { kind: 'entity', id: 'christopher-wray' },
          text: '',
          quote: 'the most active in the world',
          sourceIds: ['reader.note.christopher-wray.source'],
        },
      ]),
    );
  });

  it('takes a figure sent with a claim as the note’s quote, and ignores a target it does not know', async () => {
    history.replaceState(
      null,
      '',
      '/options.html?about=claim%3Amayorkas-over-1b-two-years&figure=%243bn',
    );
    await shown();
    await vi.waitFor(() => expect(field('fact-quote')?.value).toBe('$3bn'));
    expect(root.querySelector('[name="figure"]')).toBeNull();
    render(null, root);
    history.replaceState(null, '', '/options.html?about=entity%3Agone&term=Kimsuky');
    await shown();
    expect(field('fact-term').value).toBe('Kimsuky');
    expect(root.querySelector('#add-heading')?.textContent).toBe('Add a fact or a note');
  });

  it('keeps a note on a bundled entity, given a link alone, and can take it back', async () => {
    await shown();
    type('fact-term', 'Christopher Wray');
    type('fact-details', 'Left the FBI in 2025.');
    type('fact-sourceUrl', 'https://www.fbi.gov/news');
    await tick();
    button('Add fact').click();
    await vi.waitFor(async () => expect((await stored()).notes).toHaveLength(1));
    expect((await stored()).notes?.[0]).toMatchObject({
      about: { kind: 'entity', id: 'christopher-wray' },
      text: 'Left the FBI in 2025.',
    });
    await vi.waitFor(() =>
      expect(notice()).toBe(
        'Added your note on “Christopher Wray”. Open pages show it at once.Undo',
      ),
    );
    expect(field('fact-term').value).toBe('');
    button('Undo').click();
    await vi.waitFor(async () => expect((await stored()).notes).toBeUndefined());
    await vi.waitFor(() => expect(notice()).toBe('Undone.'));
  });

  it('notes any row of the list, and edits the note', async () => {
    await shown();
    await vi.waitFor(() => button('Add a note on “Christopher Wray”'));
    button('Add a note on “Christopher Wray”').click();
    await vi.waitFor(() =>
      expect(root.querySelector('#add-heading')?.textContent).toBe('Add a note'),
    );
    expect(root.querySelector('.note-on')?.textContent).toBe(
      'Your note on “Christopher Wray” (Bundled with Backstory)',
    );
    await vi.waitFor(() => expect(document.activeElement).toBe(field('fact-details')));
    type('fact-details', 'Left in 2025.');
    await tick();
    button('Add note').click();
    await vi.waitFor(async () => expect((await stored()).notes?.[0]?.text).toBe('Left in 2025.'));
    await vi.waitFor(() => button('Edit “Left in 2025.”'));
    button('Edit “Left in 2025.”').click();
    await vi.waitFor(() => expect(field('fact-details').value).toBe('Left in 2025.'));
    expect(root.querySelector('#add-heading')?.textContent).toBe('Edit your note');
    type('fact-details', 'Left in January 2025.');
    await tick();
    button('Save changes').click();
    await vi.waitFor(async () =>
      expect((await stored()).notes?.map((n) => n.text)).toEqual(['Left in January 2025.']),
    );
  });

  it('adds a fact, lists it, edits it, deletes it and undoes the delete', async () => {
    await shown();
    type('fact-term', 'Kimsuky');
    type('fact-details', 'A North Korean hacking group.');
    await tick();
    button('Add fact').click();
    await vi.waitFor(async () =>
      expect((await stored()).entities.map((e) => e.name)).toEqual(['Kimsuky']),
    );
    await vi.waitFor(() =>
      expect(root.querySelector('.fact-list .name')?.textContent).toBe('Kimsuky'),
    );

    button('Edit “Kimsuky”').click();
    await vi.waitFor(() => expect(field('fact-term').value).toBe('Kimsuky'));
    expect(root.querySelector('#add-heading')?.textContent).toBe('Edit your fact');
    type('fact-details', 'Also known as APT43.');
    await tick();
    button('Save changes').click();
    await vi.waitFor(async () =>
      expect((await stored()).entities[0]?.summary).toBe('Also known as APT43.'),
    );

    const before = await stored();
    button('Delete “Kimsuky”').click();
    await vi.waitFor(async () => expect((await stored()).entities).toEqual([]));
    await vi.waitFor(() => expect(notice()).toBe('Deleted “Kimsuky”.Undo'));
    button('Undo').click();
    await vi.waitFor(async () => expect(await stored()).toEqual(before));
  });

  it('says when storage is full, keeps the form as it was, and stores nothing', async () => {
    await shown();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('Resource::kQuotaBytes quota exceeded'),
    );
    type('fact-term', 'Kimsuky');
    type('fact-details', 'A group.');
    await tick();
    button('Add fact').click();
    await vi.waitFor(() =>
      expect(root.querySelector('.fact-form [role="alert"]')?.textContent).toMatch(
        /^Nothing was saved: the browser’s storage for Backstory is full/,
      ),
    );
    expect([field('fact-term').value, field('fact-details').value]).toEqual([
      'Kimsuky',
      'A group.',
    ]);
    expect((await stored()).entities).toEqual([]);
  });

  it('removes an imported pack as a whole, and puts it back on Undo', async () => {
    await saveImported([{ id: 'p1', importedAt: '2026-05-03T12:00:00.000Z', pack: PACK }]);
    await shown();
    await vi.waitFor(() =>
      expect(root.querySelector('.packs .name')?.textContent).toBe('“Hearing notes”'),
    );
    expect(root.querySelector('.packs .detail')?.textContent).toBe(
      'by Jane Doe · 2 entries · imported 3 May 2026',
    );
    button('Remove the pack “Hearing notes”').click();
    await vi.waitFor(async () => expect((await readStoredFacts()).imported).toEqual([]));
    await vi.waitFor(() => expect(notice()).toBe('Removed the pack “Hearing notes”.Undo'));
    button('Undo').click();
    await vi.waitFor(async () => expect((await readStoredFacts()).imported).toHaveLength(1));
  });

  it('deletes everything only once confirmed, and can bring it all back', async () => {
    await saveImported([{ id: 'p1', importedAt: '2026-05-03T12:00:00.000Z', pack: PACK }]);
    await shown();
    type('fact-term', 'Lazarus Group');
    await tick();
    button('Add fact').click();
    await vi.waitFor(async () => expect((await stored()).entities).toHaveLength(1));
    button('Delete all your facts…').click();
    await vi.waitFor(() =>
      expect(root.querySelector('.confirm legend')?.textContent).toBe(
        'Delete your fact and the pack you imported?',
      ),
    );
    // Focus moves once the question is shown (an effect, after rendering).
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Delete all'));
    button('Delete all').click();
    await vi.waitFor(async () => {
      const facts = await readStoredFacts();
      expect([facts.yours.entities, facts.imported]).toEqual([[], []]);
    });
    button('Undo').click();
    await vi.waitFor(async () => {
      const facts = await readStoredFacts();
      expect([facts.yours.entities.length, facts.imported.length]).toEqual([1, 1]);
    });
  });

  it('says what it could not read from storage, keeps a copy, and works with the rest', async () => {
    await fakeBrowser.storage.local.set({
      readerPack: { format: 1, sources: [], entities: [{ id: 'x', name: 'X' }], claims: [] },
      settings: { ...DEFAULT_SETTINGS, cardDelayMs: 'slow' },
    });
    await shown();
    await vi.waitFor(() => expect(root.querySelector('.unreadable')).not.toBeNull());
    const problems = [...root.querySelectorAll('.unreadable li')].map((li) => li.textContent);
    expect(problems[0]).toBe('Your facts: Entity 1 (“X”): the kind is missing');
    expect(problems.at(-1)).toBe(
      'The setting “Card delay” could not be read, so it is back to its default.',
    );
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('unreadable')).unreadable).toBeDefined(),
    );
    button('Remove what could not be read').click();
    await vi.waitFor(async () => expect((await readStoredFacts()).problems).toEqual([]));
  });

  it('saves settings as they change', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['a.org'] });
    await shown();
    await vi.waitFor(() => expect(root.querySelector('.sites span')?.textContent).toBe('a.org'));
    button('Remove').click();
    await vi.waitFor(async () =>
      expect(((await settingsItem.getValue()) as typeof DEFAULT_SETTINGS).disabledSites).toEqual(
        [],
      ),
    );
  });
});
