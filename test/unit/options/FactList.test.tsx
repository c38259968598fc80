import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { FactList, PAGE_SIZE } from '@/entrypoints/options/FactList';
import type { Entity } from '@/lib/facts/schema';
import { renderRoot } from '../render-root';

const root = renderRoot();

function entities(n: number): Entity[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    name: `Fact ${i}`,
    kind: 'concept',
    aliases: i === 0 ? ['<b>alias</b>'] : [],
    summary: '',
    sourceIds: [],
  }));
}

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('FactList', () => {
  it('keeps the DOM small: 5,000 facts render 50 rows until asked for more', async () => {
    render(<FactList entities={entities(5000)} onEdit={vi.fn()} onDelete={vi.fn()} />, root);
    expect(root.querySelectorAll('li')).toHaveLength(PAGE_SIZE);
    expect(root.querySelector('p')?.textContent).toBe('5000 facts, showing the first 50');
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Show 50 more');
    more?.click();
    await tick();
    expect(root.querySelectorAll('li')).toHaveLength(2 * PAGE_SIZE);
  });

  it('edits and deletes by entity id, with buttons named after the fact', () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    render(<FactList entities={entities(2)} onEdit={onEdit} onDelete={onDelete} />, root);
    root.querySelector<HTMLButtonElement>('[aria-label="Edit “Fact 1”"]')?.click();
    root.querySelector<HTMLButtonElement>('[aria-label="Delete “Fact 0”"]')?.click();
    expect(onEdit).toHaveBeenCalledExactlyOnceWith('e1');
    expect(onDelete).toHaveBeenCalledExactlyOnceWith('e0');
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('li .detail')?.textContent).toBe('concept · also: <b>alias</b>');
    expect(root.querySelector('p')?.textContent).toBe('2 facts');
  });

  it('says when there are no facts yet', () => {
    render(<FactList entities={[]} onEdit={vi.fn()} onDelete={vi.fn()} />, root);
    expect(root.textContent).toBe('You have not added any facts yet.');
  });
});
