import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import {
  describeProgress,
  ImportExport,
  summarisePreview,
} from '@/entrypoints/options/ImportExport';
import type { ImportPlan, ImportPreview, ImportProgress } from '@/lib/pages/facts/import';
import { fileError } from '@/lib/shared/facts/validate';
import { renderRoot } from '../render-root';

const ORIGIN = {
  kind: 'imported' as const,
  packId: 'p1',
  name: 'Hearing notes',
  author: 'Jane Doe',
  url: 'https://example.org/packs',
  importedAt: '2026-11-25T10:00:00.000Z',
};

const PREVIEW: ImportPreview = {
  imported: {
    id: 'p1',
    importedAt: ORIGIN.importedAt,
    pack: { format: 1, sources: [], entities: [], claims: [] },
  },
  origin: ORIGIN,
  kind: 'pack',
  added: [
    { section: 'entities', id: 'a', label: 'Entity “Alpha”' },
    { section: 'sources', id: 's', label: 'Source “Report”' },
  ],
  replaced: [
    {
      section: 'entities',
      id: 'wray',
      label: 'Entity “Christopher Wray”',
      replaces: { kind: 'bundled', name: 'Backstory' },
    },
  ],
  unchanged: 3,
  refused: [
    { label: 'Entity “Kimsuky”', reason: 'you have your own entry with this id; yours is kept' },
  ],
  dropped: 0,
};

const BAD: ImportPlan = {
  ok: false,
  errors: [
    {
      path: 'entities[3]',
      entryId: 'fbi',
      entry: 'Entity 4 (“FBI”)',
      field: 'kind',
      problem: 'the kind must be one of person, …',
      message: 'Entity 4 (“FBI”): the kind must be one of person, …',
    },
    fileError('The file is not JSON: bad'),
  ],
};

const root = renderRoot();

function choose(content: string): HTMLInputElement {
  const input = root.querySelector<HTMLInputElement>('#import-file');
  if (!input) throw new Error('no file input');
  const file = new File([content], 'facts.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return input;
}

function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function show(plan: ImportPlan | Promise<ImportPlan>, refusal?: string) {
  const onPlan = vi.fn(
    async (_text: string, _name: string, _progress: (p: ImportProgress) => void) => plan,
  );
  const onConfirm = vi.fn(async (_preview: ImportPreview) => refusal);
  render(
    <ImportExport canExport={false} onExport={vi.fn()} onPlan={onPlan} onConfirm={onConfirm} />,
    root,
  );
  return { onPlan, onConfirm };
}

describe('the import preview', () => {
  it('says in one sentence what the file adds, replaces, leaves and refuses', () => {
    expect(summarisePreview(PREVIEW)).toBe(
      'It adds 2 entries, replaces 1 and leaves 3 as they are; 1 is refused.',
    );
    expect(summarisePreview({ ...PREVIEW, replaced: [], unchanged: 0, refused: [] })).toBe(
      'It adds 2 entries.',
    );
  });

  it('says how far the check has got', () => {
    expect(describeProgress(undefined)).toBe('Reading the file…');
    expect(describeProgress({ checked: 1200, total: 10000 })).toBe(
      'Checking 1,200 of 10,000 entries…',
    );
  });

  it('shows who made the pack, what changes, and the reasons for what is refused; Import stores it', async () => {
    const { onPlan, onConfirm } = show({ ok: true, preview: PREVIEW });
    choose('{"format":1}');
    await vi.waitFor(() => expect(root.querySelector('.preview')).not.toBeNull());
    expect(onPlan).toHaveBeenCalledExactlyOnceWith(
      '{"format":1}',
      'facts.json',
      expect.any(Function),
    );
    expect(root.querySelector('.preview h3')?.textContent).toBe('Import “Hearing notes”?');
    expect(root.querySelector('.preview p')?.textContent).toBe(
      'A fact pack by Jane Doe (https://example.org/packs), as the file says.',
    );
    const lists = [...root.querySelectorAll('.preview details')].map((d) => d.textContent);
    expect(lists).toEqual([
      'Added (2)Entity “Alpha”Source “Report”',
      'Replaced (1)Entity “Christopher Wray”, in place of the one bundled with Backstory',
      'Refused (1)Entity “Kimsuky”: you have your own entry with this id; yours is kept',
    ]);
    button('Import').click();
    await vi.waitFor(() => expect(onConfirm).toHaveBeenCalledExactlyOnceWith(PREVIEW));
    await vi.waitFor(() => expect(root.querySelector('.preview')).toBeNull());
  });

  it('changes nothing on Cancel, and keeps the preview with the reason when storage refuses', async () => {
    const { onConfirm } = show(
      { ok: true, preview: PREVIEW },
      'Nothing was saved: storage is full.',
    );
    choose('{}');
    await vi.waitFor(() => expect(root.querySelector('.preview')).not.toBeNull());
    button('Import').click();
    await vi.waitFor(() =>
      expect(root.querySelector('.preview [role="alert"]')?.textContent).toBe(
        'Nothing was saved: storage is full.',
      ),
    );
    button('Cancel').click();
    await vi.waitFor(() => expect(root.querySelector('.preview')).toBeNull());
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('lists the problems of a file that cannot be imported, each once', async () => {
    show(BAD);
    choose('{"format":1');
    await vi.waitFor(() => expect(root.querySelector('.report')).not.toBeNull());
    expect(root.querySelector('.report [role="status"]')?.textContent).toBe(
      'Nothing was imported: the file has 2 problems.',
    );
    expect([...root.querySelectorAll('.errors li')].map((li) => li.textContent)).toEqual([
      'Entity 4 (“FBI”): the kind must be one of person, …',
      'The file is not JSON: bad',
    ]);
  });

  it('shows the progress in a status while checking, then the preview', async () => {
    let progress: (p: ImportProgress) => void = () => {};
    let finish: (plan: ImportPlan) => void = () => {};
    const onPlan = vi.fn(
      (_text: string, _name: string, onProgress: (p: ImportProgress) => void) =>
        new Promise<ImportPlan>((done) => {
          progress = onProgress;
          finish = done;
        }),
    );
    render(
      <ImportExport canExport={false} onExport={vi.fn()} onPlan={onPlan} onConfirm={vi.fn()} />,
      root,
    );
    const input = choose('{}');
    const status = () => root.querySelector('.import-progress')?.textContent;
    await vi.waitFor(() => expect(status()).toBe('Reading the file…'));
    expect(root.querySelector('.import-progress')?.getAttribute('role')).toBe('status');
    progress({ checked: 1200, total: 5000 });
    await vi.waitFor(() => expect(status()).toBe('Checking 1,200 of 5,000 entries…'));
    expect(input.disabled).toBe(true);
    finish({ ok: true, preview: PREVIEW });
    await vi.waitFor(() => expect(root.querySelector('.preview')).not.toBeNull());
    expect(status()).toBeUndefined();
    expect(input.disabled).toBe(false);
    expect(button('Export your facts').disabled).toBe(true);
  });
});
