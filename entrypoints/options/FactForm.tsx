/**
 * The form for one of the reader's facts, or their note on something Backstory already knows:
 * add a new one, or edit one. When storage refuses the save, the form stays exactly as it was and
 * says why.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  type FormContext,
  type FormErrors,
  type FormPlan,
  ownIncident,
  planForm,
  settleForm,
  storedFigure,
  validateForm,
} from '@/lib/pages/facts/form';
import type { FormField, ReaderFactForm } from '@/lib/pages/facts/reader';
import { ENTITY_KINDS, type NoteTarget } from '@/lib/shared/facts/schema';
import { Field } from './Field';
import { FigureFields } from './FigureFields';

export interface FactFormProps {
  initial: ReaderFactForm;
  context: FormContext;
  /** What the form writes, when the reader chose it (editing, or a note from the list). */
  fixed?: FormPlan;
  /** Where an entity or claim Backstory knows comes from, in words ("Bundled with Backstory"). */
  whereFrom(target: NoteTarget): string;
  /** Moves focus to the first field when the form appears (after Edit or Add a note). */
  autoFocus?: boolean;
  /** Saves; resolves to why nothing was saved, or undefined when it was. */
  onSave(form: ReaderFactForm, plan: FormPlan): Promise<string | undefined>;
  onCancel?(): void;
}

const FIELD_ORDER: FormField[] = [
  'term',
  'aliases',
  'details',
  'kind',
  'sourceTitle',
  'sourceUrl',
  'sourcePublished',
  'quote',
  'figure',
  'measure',
  'newMeasure',
  'incident',
];

const fieldId = (field: FormField) => `fact-${field}`;

/** The labelled fields, messages next to them, and Add fact (Add note, Save changes). */
export function FactForm(props: FactFormProps) {
  const [form, setForm] = useState<ReaderFactForm>(props.initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [saving, setSaving] = useState(false);
  const plan = useMemo(
    () => planForm(form, props.context, props.fixed),
    [form, props.context, props.fixed],
  );
  const noteOn = plan.kind === 'note' ? plan.subject : undefined;
  const onClaim = noteOn?.about.kind === 'claim';
  // Chosen in the list (or being edited): what the note is about is settled, not typed.
  const settled = props.fixed?.kind === 'note' ? props.fixed.subject : undefined;

  // Only when the form first appears: a new fact, edit or note mounts a new form (see its key).
  useEffect(() => {
    const first = settled ? 'details' : 'term';
    if (props.autoFocus) document.getElementById(fieldId(first))?.focus();
  }, []);

  const set = (field: FormField, value: string) =>
    setForm((previous) => ({ ...previous, [field]: value }) as ReaderFactForm);

  // Once the reader has tried to save, messages follow their typing (and the facts changing).
  useEffect(() => {
    if (tried) setErrors(validateForm(form, props.context, plan));
  }, [tried, form, props.context, plan]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateForm(form, props.context, plan);
    setErrors(found);
    setTried(true);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      // The measure's message sits under the new measure's name while the reader is naming one.
      const named = first === 'measure' ? document.getElementById(fieldId('newMeasure')) : null;
      (named ?? document.getElementById(fieldId(first)))?.focus();
      return;
    }
    setSaving(true);
    const why = await props.onSave(settleForm(form, props.context), plan);
    setSaving(false);
    setRefusal(why);
  };

  /** A text field: one line of `type`, or a box of `rows` lines. */
  const text = (
    field: FormField,
    label: string,
    hint?: string,
    shape: { type?: string; rows?: number } = {},
  ) => (
    <Field id={fieldId(field)} label={label} hint={hint} error={errors[field]}>
      {(attrs) => {
        const props = {
          ...attrs,
          name: field,
          value: form[field],
          onInput: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
        };
        return shape.rows ? (
          <textarea {...props} rows={shape.rows} />
        ) : (
          <input {...props} type={shape.type ?? 'text'} />
        );
      }}
    </Field>
  );

  const choice = (field: FormField, label: string, options: readonly string[]) => (
    <Field id={fieldId(field)} label={label}>
      {(attrs) => (
        <select
          {...attrs}
          name={field}
          value={form[field]}
          onChange={(e) => set(field, e.currentTarget.value)}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const editing =
    props.fixed?.kind === 'edit' || (props.fixed?.kind === 'note' && props.fixed.noteId);
  const action = editing ? 'Save changes' : props.fixed?.kind === 'note' ? 'Add note' : 'Add fact';

  return (
    <form class="fact-form" onSubmit={submit} noValidate>
      {settled ? (
        <p class="note-on">
          Your note on {settled.about.kind === 'claim' ? 'the claim ' : ''}
          <bdi>“{settled.name}”</bdi> ({props.whereFrom(settled.about)})
        </p>
      ) : (
        <>
          {text('term', 'Term')}
          {noteOn && (
            <p class="note-on" id="note-on">
              Backstory already knows <bdi>“{noteOn.name}”</bdi> ({props.whereFrom(noteOn.about)}
              ): what you write is saved as your note on it, beside what Backstory says.
            </p>
          )}
          {text('aliases', 'Aliases', 'Comma-separated, e.g. Wray, FBI Director Wray')}
        </>
      )}
      {text('details', 'Details', 'In your own words.', { rows: 3 })}
      {!noteOn && choice('kind', 'Kind', ENTITY_KINDS)}
      <fieldset>
        <legend>Source (optional)</legend>
        {text('sourceTitle', 'Source title', 'Optional: a link alone is named after its site.')}
        {text('sourceUrl', 'Source URL', 'http:// or https:// only', { type: 'url' })}
        {text('sourcePublished', 'Date published', 'e.g. 2023, 2023-08 or 2023-08-17')}
        {text('quote', 'Quote', 'Words from the source, exactly as written.', { rows: 2 })}
      </fieldset>
      {!onClaim && (
        <FigureFields
          form={form}
          errors={errors}
          context={props.context}
          stored={storedFigure(props.context.yours, plan)}
          ownIncident={
            ownIncident(props.context, plan) ? (noteOn?.name ?? form.term.trim()) : undefined
          }
          set={set}
        />
      )}
      {refusal && (
        <p class="error" role="alert">
          {refusal}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={saving}>
          {action}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
