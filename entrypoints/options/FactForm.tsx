/**
 * The form for one reader fact: add a new one, or edit an existing one.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  type FormErrors,
  type FormField,
  type ReaderFactForm,
  validateForm,
} from '@/lib/facts/reader';
import { ENTITY_KINDS, type FactPack, QUALIFIERS } from '@/lib/facts/schema';
import { Field } from './Field';

export interface FactFormProps {
  initial: ReaderFactForm;
  /** The packs whose terms and aliases a new fact must not repeat. */
  packs: FactPack[];
  /** The entity being edited; undefined when adding. */
  editingId?: string;
  /** Moves focus to Term when the form appears (after choosing Edit). */
  autoFocus?: boolean;
  onSave(form: ReaderFactForm): Promise<void>;
  onCancel?(): void;
}

const FIELD_ORDER: FormField[] = [
  'term',
  'aliases',
  'details',
  'kind',
  'sourceTitle',
  'sourceUrl',
  'figureValue',
  'figureUnit',
  'figureQualifier',
  'figurePeriod',
  'figureMeasure',
];

const fieldId = (field: FormField) => `fact-${field}`;

/** The form with labelled fields, messages next to them, and Add fact (or Save changes). */
export function FactForm(props: FactFormProps) {
  const [form, setForm] = useState<ReaderFactForm>(props.initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [tried, setTried] = useState(false);

  // Only when the form first appears: a new fact or edit mounts a new form (see its key).
  useEffect(() => {
    if (props.autoFocus) document.getElementById(fieldId('term'))?.focus();
  }, []);

  const set = (field: FormField, value: string) =>
    setForm((previous) => ({ ...previous, [field]: value }) as ReaderFactForm);

  // Once the reader has tried to save, messages follow their typing (and the facts changing).
  useEffect(() => {
    if (tried) setErrors(validateForm(form, props.packs, props.editingId));
  }, [tried, form, props.packs, props.editingId]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateForm(form, props.packs, props.editingId);
    setErrors(found);
    setTried(true);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    await props.onSave(form);
  };

  const text = (field: FormField, label: string, hint?: string, type = 'text') => (
    <Field id={fieldId(field)} label={label} hint={hint} error={errors[field]}>
      {(attrs) => (
        <input
          {...attrs}
          type={type}
          name={field}
          value={form[field]}
          onInput={(e) => set(field, e.currentTarget.value)}
        />
      )}
    </Field>
  );

  return (
    <form class="fact-form" onSubmit={submit} noValidate>
      {text('term', 'Term')}
      {text('aliases', 'Aliases', 'Comma-separated, e.g. Wray, FBI Director Wray')}
      <Field id={fieldId('details')} label="Details" error={errors.details}>
        {(attrs) => (
          <textarea
            {...attrs}
            name="details"
            rows={3}
            value={form.details}
            onInput={(e) => set('details', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={fieldId('kind')} label="Kind">
        {(attrs) => (
          <select
            {...attrs}
            name="kind"
            value={form.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
          >
            {ENTITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('sourceTitle', 'Source title')}
      {text('sourceUrl', 'Source URL', 'http:// or https:// only', 'url')}
      <fieldset>
        <legend>Figure (optional)</legend>
        {text('figureValue', 'Value', 'A number, e.g. 1000000000')}
        {text('figureUnit', 'Unit', 'e.g. USD, count, years')}
        <Field id={fieldId('figureQualifier')} label="Qualifier">
          {(attrs) => (
            <select
              {...attrs}
              name="figureQualifier"
              value={form.figureQualifier}
              onChange={(e) => set('figureQualifier', e.currentTarget.value)}
            >
              {QUALIFIERS.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text(
          'figurePeriod',
          'Period',
          'total (default), year:2024, month:2023-07, past:2y, since:2017',
        )}
        {text(
          'figureMeasure',
          'What it measures',
          'e.g. dprk.crypto-theft.usd; empty means the term',
        )}
      </fieldset>
      <div class="actions">
        <button type="submit">{props.editingId ? 'Save changes' : 'Add fact'}</button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
