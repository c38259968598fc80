/**
 * Export the reader's facts as a fact-pack file; import one, with a report of what happened.
 */
import { useState } from 'preact/hooks';
import type { ImportProgress, ImportReport } from '@/lib/facts/import';

export interface ImportExportProps {
  factCount: number;
  onExport(): void;
  /** Imports the file's text and reports; the facts change only when the report has no errors. */
  onImport(text: string, onProgress: (progress: ImportProgress) => void): Promise<ImportReport>;
}

// A broken 5,000-entry file could have thousands of errors; the first ones say enough.
const MAX_ERRORS_SHOWN = 50;

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What an import in progress is doing: "Checking 1,200 of 10,000 entries…", then "Saving…". */
export function describeProgress(progress?: ImportProgress): string {
  if (!progress) return 'Reading the file…';
  if (progress.checked < progress.total) {
    const count = (n: number) => n.toLocaleString('en-US');
    return `Checking ${count(progress.checked)} of ${count(progress.total)} entries…`;
  }
  return 'Saving…';
}

/** The one-sentence outcome of an import. */
export function summariseImport(report: ImportReport): string {
  if (report.errors.length > 0) {
    return `Nothing was imported: the file has ${counted(report.errors.length, 'problem', 'problems')}.`;
  }
  const { sources, entities, claims } = report.added;
  const added = `Imported ${counted(entities, 'entity', 'entities')}, ${counted(claims, 'claim', 'claims')} and ${counted(sources, 'source', 'sources')}.`;
  const same = report.duplicates.filter((d) => d.identical).length;
  const differ = report.duplicates.length - same;
  const notes = [
    same > 0 && `${counted(same, 'entry was', 'entries were')} already in your facts`,
    differ > 0 &&
      `${counted(differ, 'entry has', 'entries have')} the id of a different fact of yours and ${differ === 1 ? 'was' : 'were'} skipped (yours kept)`,
  ].filter(Boolean);
  return notes.length > 0 ? `${added} Duplicates: ${notes.join('; ')}.` : added;
}

function Report({ report }: { report: ImportReport }) {
  const errors = report.errors.slice(0, MAX_ERRORS_SHOWN);
  return (
    <div class="report">
      <p role="status">{summariseImport(report)}</p>
      {errors.length > 0 && (
        <ul class="errors">
          {errors.map((error, i) => (
            // Errors have no identity of their own; the list is replaced whole on each import.
            <li key={i}>{error.message}</li>
          ))}
        </ul>
      )}
      {report.errors.length > errors.length && (
        <p>…and {report.errors.length - errors.length} more.</p>
      )}
      {report.duplicates.length > 0 && (
        <details>
          <summary>Duplicates</summary>
          <ul>
            {report.duplicates.slice(0, MAX_ERRORS_SHOWN).map((d) => (
              <li key={`${d.section}:${d.id}`}>
                {d.section} “{d.id}”:{' '}
                {d.identical ? 'already in your facts' : 'differs from yours; yours kept'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** The Export button and the Import file picker with its report. */
export function ImportExport({ factCount, onExport, onImport }: ImportExportProps) {
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress>();

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setProgress(undefined);
    try {
      setReport(await onImport(await file.text(), setProgress));
    } finally {
      setBusy(false);
      // Choosing the same file again must import again.
      input.value = '';
    }
  };

  return (
    <div class="import-export">
      <button type="button" onClick={onExport} disabled={factCount === 0}>
        Export facts
      </button>
      <div class="field">
        <label for="import-file">Import facts from a file</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          aria-describedby="import-hint"
          onChange={(e) => void importFile(e.currentTarget)}
        />
        <p class="hint" id="import-hint">
          A fact-pack JSON file. If any entry is wrong, nothing is imported.
        </p>
      </div>
      {busy && (
        <p role="status" class="import-progress">
          {describeProgress(progress)}
        </p>
      )}
      {report && !busy && <Report report={report} />}
    </div>
  );
}
