/**
 * Export the reader's own facts as a fact-pack file; import a fact pack or a fact-checker's
 * ClaimReview file: checked (with progress), previewed (what it adds, replaces and refuses, with
 * reasons), and stored only once the reader confirms. A file with problems changes nothing and
 * says which entry and field is wrong.
 */
import { useState } from 'preact/hooks';
import type { ImportPlan, ImportPreview, ImportProgress } from '@/lib/pages/facts/import';
import type { PackOrigin } from '@/lib/shared/facts/layers';
import type { PackError } from '@/lib/shared/facts/validate';

export interface ImportExportProps {
  canExport: boolean;
  onExport(): void;
  /** Checks the file's text against the facts as they are; changes nothing. */
  onPlan(
    text: string,
    fileName: string,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportPlan>;
  /** Stores the previewed import; resolves to why nothing was stored, or undefined. */
  onConfirm(preview: ImportPreview): Promise<string | undefined>;
}

// A broken 5,000-entry file could have thousands of problems; the first ones say enough.
const MAX_LISTED = 50;

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** What an import in progress is doing: "Reading the file…", then "Checking 1,200 of 10,000 entries…". */
export function describeProgress(progress?: ImportProgress): string {
  if (!progress) return 'Reading the file…';
  const count = (n: number) => n.toLocaleString('en-US');
  return `Checking ${count(progress.checked)} of ${count(progress.total)} entries…`;
}

/** The preview in one sentence: "It adds 12 entries, replaces 2 and leaves 3 as they are; 1 is refused." */
export function summarisePreview(preview: ImportPreview): string {
  const parts = [
    `adds ${counted(preview.added.length, 'entry', 'entries')}`,
    preview.replaced.length > 0 && `replaces ${preview.replaced.length}`,
    preview.unchanged > 0 &&
      `leaves ${preview.unchanged} as ${preview.unchanged === 1 ? 'it is' : 'they are'}`,
  ].filter(Boolean);
  const last = parts.length > 1 ? ` and ${parts.pop()}` : '';
  const refused = preview.refused.length;
  const refusal = refused > 0 ? `; ${refused} ${refused === 1 ? 'is' : 'are'} refused` : '';
  return `It ${parts.join(', ')}${last}${refusal}.`;
}

/** The outcome of a file with problems. */
function summariseProblems(errors: PackError[]): string {
  return `Nothing was imported: the file has ${counted(errors.length, 'problem')}.`;
}

type State =
  | { step: 'idle' }
  | { step: 'checking'; progress?: ImportProgress }
  | { step: 'problems'; errors: PackError[] }
  | { step: 'preview'; preview: ImportPreview; refusal?: string };

/** The Export button, the file picker, and what the chosen file would do. */
export function ImportExport(props: ImportExportProps) {
  const [state, setState] = useState<State>({ step: 'idle' });

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setState({ step: 'checking' });
    try {
      const plan = await props.onPlan(await file.text(), file.name, (progress) =>
        setState({ step: 'checking', progress }),
      );
      setState(
        plan.ok
          ? { step: 'preview', preview: plan.preview }
          : { step: 'problems', errors: plan.errors },
      );
    } finally {
      // Choosing the same file again must check it again.
      input.value = '';
    }
  };

  const confirm = async (preview: ImportPreview) => {
    const refusal = await props.onConfirm(preview);
    setState(refusal ? { step: 'preview', preview, refusal } : { step: 'idle' });
  };

  return (
    <div class="import-export">
      <button type="button" onClick={props.onExport} disabled={!props.canExport}>
        Export your facts
      </button>
      <div class="field">
        <label for="import-file">Import facts from a file</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json,application/ld+json"
          disabled={state.step === 'checking'}
          aria-describedby="import-hint"
          onChange={(e) => void choose(e.currentTarget)}
        />
        <p class="hint" id="import-hint">
          A Backstory fact pack, or a fact-checker’s ClaimReview file (JSON-LD). You see what it
          would change before anything is saved.
        </p>
      </div>
      {state.step === 'checking' && (
        <p role="status" class="import-progress">
          {describeProgress(state.progress)}
        </p>
      )}
      {state.step === 'problems' && <Problems errors={state.errors} />}
      {state.step === 'preview' && (
        <Preview
          preview={state.preview}
          refusal={state.refusal}
          onConfirm={() => void confirm(state.preview)}
          onCancel={() => setState({ step: 'idle' })}
        />
      )}
    </div>
  );
}

function Problems({ errors }: { errors: PackError[] }) {
  const listed = errors.slice(0, MAX_LISTED);
  return (
    <div class="report">
      <p role="status">{summariseProblems(errors)}</p>
      <ul class="errors">
        {listed.map((error, i) => (
          // Problems have no identity of their own; the list is replaced whole on each import.
          <li key={i}>{error.message}</li>
        ))}
      </ul>
      {errors.length > listed.length && <p>…and {errors.length - listed.length} more.</p>}
    </div>
  );
}

function Preview(props: {
  preview: ImportPreview;
  refusal: string | undefined;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { preview } = props;
  const { origin, kind } = preview;
  const earlier = preview.replacesPack;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">
        Import <bdi>“{origin.name}”</bdi>?
      </h3>
      <p>
        {kind === 'claimreview' ? 'Fact checks (ClaimReview)' : 'A fact pack'}
        {origin.author && (
          <>
            {' '}
            by <bdi>{origin.author}</bdi>
          </>
        )}
        {origin.url && (
          <>
            {' '}
            (<a href={origin.url}>{origin.url}</a>)
          </>
        )}
        , as the file says.
      </p>
      <p role="status" class="preview-summary">
        {summarisePreview(preview)}
      </p>
      {earlier && (
        <p>
          It replaces your earlier import of this pack
          {preview.dropped > 0 &&
            `; ${counted(preview.dropped, 'entry', 'entries')} of it that this file no longer has will go`}
          .
        </p>
      )}
      <Listed title="Added" items={preview.added.map((entry) => entry.label)} />
      <Listed
        title="Replaced"
        items={preview.replaced.map(
          (entry) => `${entry.label}, in place of the one ${originWords(entry.replaces)}`,
        )}
      />
      <Listed
        title="Refused"
        items={preview.refused.map((refusal) => `${refusal.label}: ${refusal.reason}`)}
        open
      />
      {props.refusal && (
        <p class="error" role="alert">
          {props.refusal}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={props.onConfirm}>
          Import
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function originWords(origin: PackOrigin): string {
  if (origin.kind === 'bundled') return 'bundled with Backstory';
  if (origin.kind === 'yours') return 'of yours';
  return `from “${origin.name}”`;
}

function Listed(props: { title: string; items: string[]; open?: boolean }) {
  if (props.items.length === 0) return null;
  const listed = props.items.slice(0, MAX_LISTED);
  return (
    <details open={props.open}>
      <summary>
        {props.title} ({props.items.length.toLocaleString('en-US')})
      </summary>
      <ul>
        {listed.map((item, i) => (
          <li key={i}>
            <bdi>{item}</bdi>
          </li>
        ))}
      </ul>
      {props.items.length > listed.length && <p>…and {props.items.length - listed.length} more.</p>}
    </details>
  );
}
