import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App } from '@/entrypoints/options/App';
import { DEFAULT_SETTINGS } from '@/lib/defaults';
import { readerPackItem, settingsItem } from '@/lib/storage';
import { renderRoot } from '../render-root';

const root = renderRoot();

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

const field = (id: string) => document.getElementById(id) as HTMLInputElement;

function type(id: string, value: string): void {
  field(id).value = value;
  field(id).dispatchEvent(new Event('input', { bubbles: true }));
}

function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

describe('the options page', () => {
  it('prefills the form from the context-menu URL', () => {
    history.replaceState(
      null,
      '',
      '/options.html?term=Kimsuky&sourceTitle=Report&sourceUrl=https%3A%2F%2Fx.org',
    );
    render(<App />, root);
    expect([
      field('fact-term').value,
      field('fact-sourceTitle').value,
      field('fact-sourceUrl').value,
    ]).toEqual(['Kimsuky', 'Report', 'https://x.org']);
  });

  it('stores an added fact, lists it, edits it and deletes it', async () => {
    render(<App />, root);
    type('fact-term', 'Kimsuky');
    type('fact-details', 'A North Korean hacking group.');
    await new Promise((done) => setTimeout(done, 0));
    button('Add fact').click();
    await vi.waitFor(async () =>
      expect((await readerPackItem.getValue()).entities.map((e) => e.name)).toEqual(['Kimsuky']),
    );
    await vi.waitFor(() =>
      expect(root.querySelector('.fact-list .name')?.textContent).toBe('Kimsuky'),
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Added “Kimsuky”. Open pages show it at once.',
    );
    expect(field('fact-term').value).toBe('');

    root.querySelector<HTMLButtonElement>('[aria-label="Edit “Kimsuky”"]')?.click();
    await vi.waitFor(() => expect(field('fact-term').value).toBe('Kimsuky'));
    type('fact-details', 'Also known as APT43.');
    await new Promise((done) => setTimeout(done, 0));
    button('Save changes').click();
    await vi.waitFor(async () =>
      expect((await readerPackItem.getValue()).entities[0]?.summary).toBe('Also known as APT43.'),
    );

    root.querySelector<HTMLButtonElement>('[aria-label="Delete “Kimsuky”"]')?.click();
    await vi.waitFor(async () => expect((await readerPackItem.getValue()).entities).toEqual([]));
  });

  it('saves settings as they change', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['a.org'] });
    render(<App />, root);
    await vi.waitFor(() => expect(root.querySelector('.sites span')?.textContent).toBe('a.org'));
    button('Remove').click();
    await vi.waitFor(async () => expect((await settingsItem.getValue()).disabledSites).toEqual([]));
  });
});
