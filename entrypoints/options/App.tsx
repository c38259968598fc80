/**
 * The options page's wiring: the stored facts and settings, the form (prefilled from the context
 * menu's URL), the list, imported packs, import and export. Every change says what it did, and
 * can be undone from the bar at the bottom.
 */
import { useEffect, useState } from 'preact/hooks';
import { exportFileName, packToJson } from '@/lib/pages/facts/export';
import { applyForm, type FormPlan } from '@/lib/pages/facts/form';
import { removeNote } from '@/lib/pages/facts/notes';
import { type ReaderFactForm, removeClaim, removeFact } from '@/lib/pages/facts/reader';
import type { FactRow } from '@/lib/pages/facts/rows';
import { describeOrigin } from '@/lib/shared/facts/layers';
import { dropUnreadable, keepUnreadableCopy, unreadableData } from '@/lib/shared/facts/stored';
import { shortcutSettings } from '@/lib/shared/platform';
import { settingsItem } from '@/lib/shared/storage';
import {
  changeYours,
  confirmImport,
  deleteEverything,
  type Notice,
  planFileImport,
  removePack,
  useSettings,
  useStoredFacts,
} from './changes';
import { DeleteAll } from './DeleteAll';
import { FactForm } from './FactForm';
import { FactList } from './FactList';
import { useFactBase } from './fact-base';
import { EMPTY_START, editStart, type FormStart, noteStart, prefilledStart } from './form-start';
import { ImportExport } from './ImportExport';
import { NoticeBar } from './NoticeBar';
import { Packs } from './Packs';
import { SettingsPanel } from './SettingsPanel';
import { Unreadable } from './Unreadable';

/** Saves `text` as a file through the browser's download of a Blob URL. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

const REMOVE = { entities: removeFact, claims: removeClaim, notes: removeNote };

export function App() {
  const facts = useStoredFacts();
  const { settings, problems: settingsProblems } = useSettings();
  const base = useFactBase(facts, settings.useBundledPack);
  // A new key gives the form fresh state whenever what it starts from changes. The URL's prefill
  // is read once the fact base is known, to name what a note from a card is on.
  const [start, setStart] = useState<FormStart & { key: number }>();
  const [notice, setNotice] = useState<Notice>();
  const [copyKept, setCopyKept] = useState(false);
  const shortcuts = shortcutSettings();
  const unreadable = facts !== undefined && facts.problems.length > 0;

  // Before a change leaves what could not be read out of storage, keep a copy of it as it was.
  useEffect(() => {
    if (unreadable) void keepUnreadableCopy().then(setCopyKept);
  }, [unreadable]);

  useEffect(() => {
    if (base && !start) setStart({ ...prefilledStart(location.search, base.nameOf), key: 0 });
  }, [base, start]);

  const startForm = (next: FormStart) => setStart((s) => ({ ...next, key: (s?.key ?? 0) + 1 }));
  const nameOf = (id: string) => base?.nameOf({ kind: 'entity', id }) ?? id;

  const save = async (form: ReaderFactForm, plan: FormPlan): Promise<string | undefined> => {
    const done = await changeYours((yours) => {
      const { pack, said } = applyForm(yours, form, plan);
      return { pack, said: `${said} Open pages show it at once.` };
    });
    if (done.failed) return done.text;
    setNotice(done);
    startForm(EMPTY_START);
    return undefined;
  };

  const edit = (row: FactRow) => {
    const next = facts && editStart(row, facts.yours, nameOf);
    if (next) startForm(next);
    else setNotice({ text: `“${row.title}” was not written here, so it cannot be edited here.` });
  };

  const remove = async (row: FactRow) => {
    const said = `Deleted “${row.title}”.`;
    setNotice(await changeYours((yours) => ({ pack: REMOVE[row.list](yours, row.id), said })));
    if (start?.fixed) startForm(EMPTY_START);
  };

  const note = (row: FactRow) => {
    startForm(noteStart(row));
    document.getElementById('add-heading')?.scrollIntoView();
  };

  const confirm = async (preview: Parameters<typeof confirmImport>[0]) => {
    const done = await confirmImport(preview);
    if (done.failed) return done.text;
    setNotice(done);
    return undefined;
  };

  return (
    <main class="options">
      <h1>Backstory</h1>
      <Unreadable
        problems={[...(facts?.problems ?? []), ...settingsProblems]}
        copy={
          unreadable
            ? {
                kept: copyKept,
                onDownload: () =>
                  void unreadableData().then((data) =>
                    download(`${JSON.stringify(data, null, 2)}\n`, 'backstory-unreadable.json'),
                  ),
                onDiscard: () =>
                  void dropUnreadable(facts).then((saved) =>
                    setNotice(
                      saved.ok
                        ? { text: 'Removed what could not be read.' }
                        : { text: saved.message, failed: true },
                    ),
                  ),
              }
            : undefined
        }
      />
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{headingFor(start?.fixed)}</h2>
        {base && start ? (
          <FactForm
            key={start.key}
            initial={start.initial}
            context={base.context}
            fixed={start.fixed}
            whereFrom={(target) => {
              const list = target.kind === 'claim' ? 'claims' : 'entities';
              return describeOrigin(base.provenance.originOf(list, target.id) ?? { kind: 'yours' });
            }}
            autoFocus={start.focus}
            onSave={save}
            onCancel={start.fixed ? () => startForm(EMPTY_START) : undefined}
          />
        ) : (
          <p>Loading…</p>
        )}
      </section>
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">Facts</h2>
        <FactList
          rows={base?.rows ?? []}
          packs={(base?.packs ?? []).map(({ origin }) => ({
            id: origin.packId,
            name: origin.name,
          }))}
          onEdit={edit}
          onDelete={(row) => void remove(row)}
          onNote={note}
        />
      </section>
      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">Imported packs</h2>
        <Packs
          packs={base?.packs ?? []}
          onRemove={(origin) => void removePack(origin.packId, origin.name).then(setNotice)}
        />
      </section>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Import and export</h2>
        <ImportExport
          canExport={(base?.yoursCount ?? 0) > 0}
          onExport={() => facts && download(packToJson(facts.yours), exportFileName(new Date()))}
          onPlan={planFileImport}
          onConfirm={confirm}
        />
        <DeleteAll
          yours={base?.yoursCount ?? 0}
          packs={base?.packs.length ?? 0}
          onDelete={() => void deleteEverything().then(setNotice)}
        />
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <SettingsPanel settings={settings} onChange={(next) => void settingsItem.setValue(next)} />
        {shortcuts && (
          <p>
            Keys for the next and previous mark: change them in {shortcuts.where}.{' '}
            <button type="button" onClick={() => void shortcuts.open()}>
              Open shortcut settings
            </button>
          </p>
        )}
      </section>
      <NoticeBar notice={notice} onChange={setNotice} />
    </main>
  );
}

function headingFor(plan: FormPlan | undefined): string {
  if (plan?.kind === 'edit') return 'Edit your fact';
  if (plan?.kind === 'note') return plan.noteId ? 'Edit your note' : 'Add a note';
  return 'Add a fact or a note';
}
