import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import {
  describeProgress,
  ImportExport,
  summariseImport,
} from '@/entrypoints/options/ImportExport';
import type { ImportProgress, ImportReport } from '@/lib/facts/import';
import { fileError } from '@/lib/facts/validate';
import { renderRoot } from '../render-root';

const OK: ImportReport = {
  added: { sources: 2, entities: 1, claims: 0 },
  duplicates: [
    { section: 'entities', id: 'a', identical: true },
    { section: 'claims', id: 'b', identical: false },
  ],
  errors: [],
};

const BAD: ImportReport = {
  added: { sources: 0, entities: 0, claims: 0 },
  duplicates: [],
  errors: [
    {
      path: 'entities[4]',
      entryId: 'fbi',
      field: 'kind',
      problem: 'the kind must be one of person, …',
      message: 'Entity 4 (“FBI”): the kind must be one of person, …',
    },
    fileError('The file is not JSON: bad'),
  ],
};

const root = renderRoot();

describe('import report', () => {
  it('says what was added and what was a duplicate', () => {
    expect(summariseImport(OK)).toBe(
      'Imported 1 entity, 0 claims and 2 sources. Duplicates: 1 entry was already in your facts; 1 entry has the id of a different fact of yours and was skipped (yours kept).',
    );
    expect(summariseImport({ ...OK, duplicates: [] })).toBe(
      'Imported 1 entity, 0 claims and 2 sources.',
    );
  });

  it('says nothing was imported', () => {
    expect(summariseImport(BAD)).toBe('Nothing was imported: the file has 2 problems.');
  });

  it('says how far an import has got', () => {
    expect(describeProgress(undefined)).toBe('Reading the file…');
    expect(describeProgress({ checked: 1200, total: 10000 })).toBe(
      'Checking 1,200 of 10,000 entries…',
    );
    expect(describeProgress({ checked: 10000, total: 10000 })).toBe('Saving…');
  });

  it('shows the progress in a status while importing, then the report', async () => {
    let progress: (p: ImportProgress) => void = () => {};
    let finish: (report: ImportReport) => void = () => {};
    const onImport = vi.fn(
      (_text: string, onProgress: (p: ImportProgress) => void) =>
        new Promise<ImportReport>((done) => {
          progress = onProgress;
          finish = done;
        }),
    );
    render(<ImportExport factCount={0} onExport={vi.fn()} onImport={onImport} />, root);
    const input = root.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('no file input');
    const file = new File(['{}'], 'facts.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const status = () => root.querySelector('.import-progress')?.textContent;
    await vi.waitFor(() => expect(onImport).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(status()).toBe('Reading the file…'));
    expect(root.querySelector('.import-progress')?.getAttribute('role')).toBe('status');
    progress({ checked: 1200, total: 5000 });
    await vi.waitFor(() => expect(status()).toBe('Checking 1,200 of 5,000 entries…'));
    expect(input.disabled).toBe(true);
    finish(OK);
    await vi.waitFor(() => expect(root.querySelector('.report')).not.toBeNull());
    expect(status()).toBeUndefined();
    expect(input.disabled).toBe(false);
  });

  it('imports the chosen file and shows the report', async () => {
    const onImport = vi.fn(async (_text: string, _onProgress: (p: ImportProgress) => void) => BAD);
    render(<ImportExport factCount={0} onExport={vi.fn()} onImport={onImport} />, root);
    const input = root.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('no file input');
    const file = new File(['{"format":1'], 'facts.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(root.querySelector('.report')).not.toBeNull());
    expect(onImport).toHaveBeenCalledExactlyOnceWith('{"format":1', expect.any(Function));
    expect(root.querySelector('.report [role="status"]')?.textContent).toBe(
      'Nothing was imported: the file has 2 problems.',
    );
    expect([...root.querySelectorAll('.errors li')].map((li) => li.textContent)).toHaveLength(2);
    expect(root.querySelector<HTMLButtonElement>('button')?.disabled).toBe(true);
  });
});
