/**
 * The whole options page rendered in a test, and the reader's ways about it: fields by id, buttons by
 * name, the notice bar.
 */
import { render } from 'preact';
import { expect, vi } from 'vitest';
import { App } from '@/entrypoints/options/App';
import type { FactPack } from '@/lib/shared/facts/schema';
import { readStoredFacts } from '@/lib/shared/facts/stored';
import { renderRoot } from '../render-root';

export const root = renderRoot();

export const field = (id: string) => document.getElementById(id) as HTMLInputElement;

export function type(id: string, value: string): void {
  field(id).value = value;
  field(id).dispatchEvent(new Event('input', { bubbles: true }));
}

export function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => b.textContent === name || b.getAttribute('aria-label') === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

export const notice = () => root.querySelector('.notice-bar [role="status"]')?.textContent;
export const stored = async () => (await readStoredFacts()).yours;

export async function shown(): Promise<void> {
  render(<App />, root);
  await vi.waitFor(() => expect(root.querySelector('.fact-form')).toBeTruthy());
}

export const PACK: FactPack = {
  format: 1,
  name: 'Hearing notes',
  author: 'Jane Doe',
  sources: [{ id: 's', title: 'Her blog' }],
  entities: [
    {
      id: 'kimsuky',
      name: 'Kimsuky',
      kind: 'organisation',
      aliases: [],
      summary: '',
      sourceIds: ['s'],
    },
  ],
  claims: [],
};
