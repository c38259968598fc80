import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { describeCount, FactList, PAGE_SIZE } from '@/entrypoints/options/FactList';
import { factRows } from '@/lib/pages/facts/rows';
import { stackLayers } from '@/lib/shared/facts/layers';
import type { FactPack } from '@/lib/shared/facts/schema';
import { renderRoot } from '../render-root';
import { tick } from './form-driver';

const root = renderRoot();

function pack(n: number, prefix: string): FactPack {
  return {
    format: 1,
    name: prefix,
    sources: [],
    entities: Array.from({ length: n }, (_, i) => ({
      id: `${prefix}${i}`,
      name: `${prefix} fact ${i}`,
      kind: 'concept' as const,
      aliases: i === 0 ? ['<b>alias</b>'] : [],
      summary: '',
      sourceIds: [],
    })),
    claims: [],
  };
}

function show(yours: FactPack, bundled?: FactPack) {
  const handlers = { onEdit: vi.fn(), onDelete: vi.fn(), onNote: vi.fn() };
  const rows = factRows(stackLayers({ ...(bundled ? { bundled } : {}), imported: [], yours }));
  render(<FactList rows={rows} packs={[]} {...handlers} />, root);
  return handlers;
}

function typeSearch(value: string) {
  const input = root.querySelector<HTMLInputElement>('#fact-search');
  if (!input) throw new Error('no search');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('FactList', () => {
  it('keeps the DOM small: 5,000 facts render 50 rows until asked for more', async () => {
    show(pack(5000, 'Mine'));
    expect(root.querySelectorAll('li')).toHaveLength(PAGE_SIZE);
    expect(root.querySelector('.list-count')?.textContent).toBe(
      '5,000 facts, showing the first 50',
    );
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Show 50 more');
    more?.click();
    await tick();
    expect(root.querySelectorAll('li')).toHaveLength(2 * PAGE_SIZE);
  });

  it('searches and filters thousands of facts by where they come from', async () => {
    show(pack(5000, 'Mine'), pack(3, 'Shipped'));
    typeSearch('fact 4999');
    await tick();
    expect([...root.querySelectorAll('.fact-list .name')].map((n) => n.textContent)).toEqual([
      'Mine fact 4999',
    ]);
    expect(root.querySelector('.list-count')?.textContent).toBe('1 of 5,003 facts match');
    typeSearch('');
    const filter = root.querySelector<HTMLSelectElement>('#fact-filter');
    if (!filter) throw new Error('no filter');
    filter.value = 'bundled';
    filter.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    expect(root.querySelectorAll('.fact-list li')).toHaveLength(3);
  });

  it('edits and deletes the reader’s own rows; any other row gets a note', () => {
    const handlers = show(pack(2, 'Mine'), pack(1, 'Shipped'));
    root.querySelector<HTMLButtonElement>('[aria-label="Edit “Mine fact 1”"]')?.click();
    root.querySelector<HTMLButtonElement>('[aria-label="Delete “Mine fact 0”"]')?.click();
    root.querySelector<HTMLButtonElement>('[aria-label="Add a note on “Shipped fact 0”"]')?.click();
    expect(handlers.onEdit.mock.calls[0]?.[0]).toMatchObject({ id: 'Mine1' });
    expect(handlers.onDelete.mock.calls[0]?.[0]).toMatchObject({ id: 'Mine0' });
    expect(handlers.onNote.mock.calls[0]?.[0]).toMatchObject({ id: 'Shipped0' });
    expect(root.querySelector('[aria-label="Delete “Shipped fact 0”"]')).toBeNull();
    // Text from a pack is shown as text, and says where it comes from.
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('li .detail')?.textContent).toBe(
      'concept · also: <b>alias</b> · Yours',
    );
  });

  it('counts in words', () => {
    expect(describeCount(0, 0, 0)).toBe('No facts yet.');
    expect(describeCount(1, 1, 1)).toBe('1 fact');
    expect(describeCount(3, 10, 3)).toBe('3 of 10 facts match');
  });
});
