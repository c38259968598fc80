/**
 * The options page's wiring: reader facts and settings from storage, the prefill from the URL.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, EMPTY_READER_PACK, type Settings } from '@/lib/defaults';
import { bundledPack } from '@/lib/facts/bundled';
import { exportFileName, packToJson } from '@/lib/facts/export';
import { type ImportProgress, importPackInSlices, saveFailedReport } from '@/lib/facts/import';
import {
  addFact,
  EMPTY_FORM,
  formOf,
  type ReaderFactForm,
  removeFact,
  updateFact,
} from '@/lib/facts/reader';
import type { FactPack } from '@/lib/facts/schema';
import { shortcutSettings } from '@/lib/platform';
import { readPrefill } from '@/lib/prefill';
import { readerPackItem, settingsItem, updateReaderPack } from '@/lib/storage';
import { FactForm } from './FactForm';
import { FactList } from './FactList';
import { ImportExport } from './ImportExport';
import { SettingsPanel } from './SettingsPanel';

/** The form as the context menu prefilled it (selection as Term, page as source). */
function prefilledForm(search: string): ReaderFactForm {
  return { ...EMPTY_FORM, ...readPrefill(search) };
}

/** Saves `text` as a file through the browser's download of a Blob URL. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Imports the file's text into the stored facts; stores nothing when the report has errors. */
async function importIntoStorage(text: string, onProgress: (progress: ImportProgress) => void) {
  const current = await readerPackItem.getValue();
  const { pack, report } = await importPackInSlices(current, text, bundledPack, onProgress);
  if (pack === current) return report;
  try {
    await readerPackItem.setValue(pack);
    return report;
  } catch (error) {
    return saveFailedReport(error);
  }
}

/** The part of a storage item a component reads: its value now and every change after. */
interface WatchedItem<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/** The item's current value (the fallback until it has loaded) and whether it has loaded. */
function useStored<T>(item: WatchedItem<T>, fallback: T) {
  const [value, setValue] = useState<T>(fallback);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void item.getValue().then((v) => {
      setValue(v);
      setLoaded(true);
    });
    return item.watch(setValue);
  }, [item]);
  return [value, loaded] as const;
}

export function App() {
  const [pack, packLoaded] = useStored<FactPack>(readerPackItem, EMPTY_READER_PACK);
  const [settings] = useStored<Settings>(settingsItem, DEFAULT_SETTINGS);
  const [editingId, setEditingId] = useState<string>();
  const [initial, setInitial] = useState(() => prefilledForm(location.search));
  // A new key gives the form fresh state whenever what it starts from changes.
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState('');
  const shortcuts = shortcutSettings();

  const startForm = (form: ReaderFactForm, id?: string) => {
    setInitial(form);
    setEditingId(id);
    setFormKey((k) => k + 1);
  };

  const save = async (form: ReaderFactForm) => {
    const id = editingId;
    await updateReaderPack((p) => (id ? updateFact(p, id, form) : addFact(p, form).pack));
    setNotice(`${id ? 'Saved' : 'Added'} “${form.term.trim()}”. Open pages show it at once.`);
    startForm(EMPTY_FORM);
  };

  const edit = (id: string) => {
    const form = formOf(pack, id);
    if (!form) return;
    startForm(form, id);
  };

  const remove = async (id: string) => {
    const name = pack.entities.find((e) => e.id === id)?.name ?? id;
    await updateReaderPack((p) => removeFact(p, id));
    if (id === editingId) startForm(EMPTY_FORM);
    setNotice(`Deleted “${name}”.`);
  };

  return (
    <main class="options">
      <h1>Backstory</h1>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{editingId ? 'Edit a fact' : 'Add a fact'}</h2>
        <FactForm
          key={formKey}
          initial={initial}
          packs={[pack, bundledPack]}
          editingId={editingId}
          autoFocus={editingId !== undefined}
          onSave={save}
          onCancel={editingId ? () => startForm(EMPTY_FORM) : undefined}
        />
        <p role="status" class="notice">
          {notice}
        </p>
      </section>
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">Your facts</h2>
        {packLoaded ? (
          <FactList entities={pack.entities} onEdit={edit} onDelete={(id) => void remove(id)} />
        ) : (
          <p>Loading…</p>
        )}
      </section>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Import and export</h2>
        <ImportExport
          factCount={pack.entities.length + pack.claims.length + pack.sources.length}
          onExport={() => download(packToJson(pack), exportFileName(new Date()))}
          onImport={importIntoStorage}
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
    </main>
  );
}
