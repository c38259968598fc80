import { describe, expect, it, vi } from 'vitest';
import { type FormPlan, formContext } from '@/lib/pages/facts/form';
import { EMPTY_FORM, type ReaderFactForm } from '@/lib/pages/facts/reader';
import type { FactPack } from '@/lib/shared/facts/schema';
import { renderRoot } from '../render-root';
import { formDriver, tick } from './form-driver';

const BUNDLED: FactPack = {
  format: 1,
  sources: [],
  entities: [
    {
      id: 'fbi',
      name: 'FBI',
      kind: 'organisation',
      aliases: ['Bureau'],
      summary: '',
      sourceIds: [],
    },
  ],
  claims: [{ id: 'c', statement: 'The FBI named the hackers.', subjects: ['fbi'], sourceId: 's' }],
};

const EMPTY: FactPack = { format: 1, sources: [], entities: [], claims: [] };
const CONTEXT = formContext(EMPTY, BUNDLED);

const root = renderRoot();
const { field, type, button, submit, messageFor, ...driver } = formDriver(root);

function show(initial: ReaderFactForm = EMPTY_FORM, fixed?: FormPlan, refusal?: string) {
  return driver.show(CONTEXT, { initial, fixed, refusal });
}

describe('FactForm', () => {
  it('has the visible labels the DOM contract names', () => {
    show();
    for (const label of [
      'Term',
      'Aliases',
      'Details',
      'Kind',
      'Source title',
      'Source URL',
      'Date published',
      'Quote',
    ]) {
      expect(field(label).name).toBeTruthy();
    }
    expect(field('Figure').name).toBe('figure');
    expect(button('Add fact').type).toBe('submit');
  });

  it('saves what was typed', async () => {
    const onSave = show();
    type('Term', 'Lazarus Group');
    type('Aliases', 'Lazarus, APT38');
    type('Details', 'A hacking group.');
    type('Source title', 'Advisory');
    type('Source URL', 'https://example.org/a');
    await submit();
    expect(onSave).toHaveBeenCalledExactlyOnceWith(
      {
        ...EMPTY_FORM,
        term: 'Lazarus Group',
        aliases: 'Lazarus, APT38',
        details: 'A hacking group.',
        sourceTitle: 'Advisory',
        sourceUrl: 'https://example.org/a',
      },
      { kind: 'new' },
    );
  });

  it('makes a known term the reader’s note, saying so, with no source title needed', async () => {
    const onSave = show();
    type('Term', 'Bureau');
    type('Details', 'Its director left.');
    type('Source URL', 'https://example.org/a');
    await tick();
    expect(root.querySelector('#note-on')?.textContent).toBe(
      'Backstory already knows “FBI” (Bundled with Backstory): what you write is saved as your note on it, beside what Backstory says.',
    );
    // A note has no kind of its own.
    expect(root.querySelector('[name="kind"]')).toBeNull();
    await submit();
    expect(onSave.mock.calls[0]?.[1]).toEqual({
      kind: 'note',
      subject: { about: { kind: 'entity', id: 'fbi' }, name: 'FBI' },
    });
  });

  it('notes a claim with words, a source and a quote, and no term or figure', async () => {
    const subject = {
      about: { kind: 'claim' as const, id: 'c' },
      name: 'The FBI named the hackers.',
    };
    const onSave = show(EMPTY_FORM, { kind: 'note', subject });
    expect(root.querySelector('.note-on')?.textContent).toBe(
      'Your note on the claim “The FBI named the hackers.” (Bundled with Backstory)',
    );
    expect(root.querySelector('[name="term"]')).toBeNull();
    expect(root.querySelector('[name="figure"]')).toBeNull();
    await submit('Add note');
    expect(messageFor('Details')).toBe('Write your note, or give a quote.');
    type('Quote', 'named the hackers');
    type('Source title', 'Press release');
    await submit('Add note');
    expect(onSave).toHaveBeenCalledOnce();
  });

  it('says why storage refused the save, and keeps every field as it was', async () => {
    show(EMPTY_FORM, undefined, 'Nothing was saved: the browser’s storage for Backstory is full.');
    type('Term', 'Kimsuky');
    type('Details', 'A group.');
    await submit();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        'Nothing was saved: the browser’s storage for Backstory is full.',
      ),
    );
    expect([field('Term').value, field('Details').value]).toEqual(['Kimsuky', 'A group.']);
  });

  it('shows each problem next to its field, described and marked invalid, and saves nothing', async () => {
    const onSave = show();
    type('Aliases', 'Bureau');
    type('Source title', 'T');
    type('Source URL', 'javascript:alert(1)');
    type('Figure', '5 years');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(messageFor('Term')).toBe('Enter a term.');
    expect(messageFor('Aliases')).toBe('“Bureau” is already used by “FBI”.');
    expect(messageFor('Source URL')).toBe('Enter a web address starting with http:// or https://.');
    expect(messageFor('Figure')).toMatch(/^“5 years” is a length of time, not a figure/);
    expect(messageFor('What it counts')).toBe(
      'Choose what the figure counts, or name something new.',
    );
    expect(messageFor('Details')).toBeUndefined();
    expect(document.activeElement).toBe(field('Term'));
  });

  it('clears a message as soon as the reader fixes the field', async () => {
    show();
    await submit();
    expect(messageFor('Term')).toBe('Enter a term.');
    type('Term', 'Kimsuky');
    await vi.waitFor(() => expect(messageFor('Term')).toBeUndefined());
    expect(field('Term').getAttribute('aria-describedby')).toBeNull();
  });

  it('starts from the prefill and offers Save changes when editing', () => {
    show(
      { ...EMPTY_FORM, term: 'Kimsuky', sourceTitle: 'Page', sourceUrl: 'https://x.org' },
      { kind: 'edit', entityId: 'e1' },
    );
    expect(field('Term').value).toBe('Kimsuky');
    expect(field('Source title').value).toBe('Page');
    expect(field('Source URL').value).toBe('https://x.org');
    expect(button('Save changes').type).toBe('submit');
  });
});
