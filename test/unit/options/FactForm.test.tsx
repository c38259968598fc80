import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { FactForm } from '@/entrypoints/options/FactForm';
import { EMPTY_FORM, type ReaderFactForm } from '@/lib/facts/reader';
import type { FactPack } from '@/lib/facts/schema';
import { renderRoot } from '../render-root';

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
  claims: [],
};

const root = renderRoot();

function field(label: string): HTMLInputElement {
  const element = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const control = document.getElementById(element?.htmlFor ?? '');
  if (!control) throw new Error(`no field labelled ${label}`);
  return control as HTMLInputElement;
}

function type(label: string, value: string): void {
  const control = field(label);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

const tick = () => new Promise((done) => setTimeout(done, 0));

/** Lets Preact render what was typed, then presses the button. */
async function submit(name = 'Add fact'): Promise<void> {
  await tick();
  button(name).click();
  await tick();
}

function show(initial: ReaderFactForm = EMPTY_FORM, editingId?: string) {
  const onSave = vi.fn(async (_form: ReaderFactForm) => {});
  render(
    <FactForm initial={initial} packs={[BUNDLED]} editingId={editingId} onSave={onSave} />,
    root,
  );
  return onSave;
}

/** The message shown for a field, found the way a screen reader finds it. */
function messageFor(label: string): string | undefined {
  const control = field(label);
  if (control.getAttribute('aria-invalid') !== 'true') return undefined;
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids
    .map((id) => document.getElementById(id))
    .find((el) => el?.className === 'error');
  return error?.textContent ?? undefined;
}

describe('FactForm', () => {
  it('has the visible labels the DOM contract names', () => {
    show();
    for (const label of ['Term', 'Aliases', 'Details', 'Source title', 'Source URL', 'Kind']) {
      expect(field(label).name).toBeTruthy();
    }
    for (const label of ['Value', 'Unit', 'Qualifier', 'Period', 'What it measures']) {
      expect(field(label).name).toMatch(/^figure/);
    }
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
    expect(onSave).toHaveBeenCalledExactlyOnceWith({
      ...EMPTY_FORM,
      term: 'Lazarus Group',
      aliases: 'Lazarus, APT38',
      details: 'A hacking group.',
      sourceTitle: 'Advisory',
      sourceUrl: 'https://example.org/a',
    });
  });

  it('shows each problem next to its field, described and marked invalid, and saves nothing', async () => {
    const onSave = show();
    type('Aliases', 'Bureau');
    type('Source title', 'T');
    type('Source URL', 'javascript:alert(1)');
    type('Value', '5');
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(messageFor('Term')).toBe('Enter a term.');
    expect(messageFor('Aliases')).toBe('“Bureau” is already used by “FBI”.');
    expect(messageFor('Source URL')).toBe('Enter a web address starting with http:// or https://.');
    expect(messageFor('Unit')).toBe('A figure needs a unit, e.g. USD or count.');
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
    show({ ...EMPTY_FORM, term: 'Kimsuky', sourceTitle: 'Page', sourceUrl: 'https://x.org' }, 'e1');
    expect(field('Term').value).toBe('Kimsuky');
    expect(field('Source title').value).toBe('Page');
    expect(field('Source URL').value).toBe('https://x.org');
    expect(button('Save changes').type).toBe('submit');
  });
});
