/**
 * The figure part of the form, in a reader's words: the figure as news writes it, read while it is
 * typed by the same reader that reads pages ("Read as: more than $1,000,000,000 · in the past two
 * years · in total"), or why it cannot be read; what it counts, chosen among the known measures by
 * their labels or named anew; and whether it is a total or one incident. The reading is shown at
 * once and told to screen readers when the typing pauses.
 */
import { useEffect, useState } from 'preact/hooks';
import { normaliseName } from '@/lib/pages/facts/edit';
import type { FormContext, FormErrors } from '@/lib/pages/facts/form';
import { readFormFigure } from '@/lib/pages/facts/form-parts';
import { choiceLabelled, type MeasureChoice } from '@/lib/pages/facts/measures';
import type { FormField, ReaderFactForm } from '@/lib/pages/facts/reader';
import { capitalise, describeReading, describeUnit } from '@/lib/shared/facts/describe';
import type { Figure } from '@/lib/shared/facts/schema';
import type { FigureReading } from '@/lib/shared/match/read-figure';
import { Field } from './Field';

export interface FigureFieldsProps {
  form: ReaderFactForm;
  errors: FormErrors;
  context: FormContext;
  /** The figure as stored, when editing one. */
  stored?: Figure;
  /**
   * The name of what the figure is about, when that can be the incident it counts (the reader's
   * term, or an event the note is on); undefined when an incident must be chosen.
   */
  ownIncident?: string;
  set(field: FormField, value: string): void;
}

/** How long typing must pause before the reading is announced. */
const ANNOUNCE_AFTER_MS = 800;

// Select values: a known measure's id is prefixed, so no id can be taken for "none" or "new".
const NONE = '';
const NEW = 'new';
const known = (id: string) => `measure:${id}`;

export function FigureFields(props: FigureFieldsProps) {
  const { form, errors, context, stored, ownIncident, set } = props;
  const [naming, setNaming] = useState(form.measure === '' && form.newMeasure !== '');
  const [scopeChosen, setScopeChosen] = useState(false);
  const typed = form.figure.trim() !== '';
  const reading = typed ? readFormFigure(form, stored) : undefined;
  const incidentName =
    context.incidents.find((i) => i.id === form.incident)?.name ?? (ownIncident || undefined);
  const said = readingWords(reading, form, incidentName);
  const announced = useAnnounced(said);
  const chosen = context.measures.find((m) => m.id === form.measure);
  // Words that name a measure already known file the figure under it (settleForm): say so.
  const sameAs = naming ? choiceLabelled(context.measures, form.newMeasure) : undefined;

  const typeFigure = (text: string) => {
    set('figure', text);
    // A figure that says it is one incident ("in the Ronin hack") sets the scope, until the reader does.
    const read = readFormFigure({ ...form, figure: text }, stored);
    if (scopeChosen || !read.ok || read.figure.scope !== 'incident') return;
    set('scope', 'incident');
    const named = knownIncident(context, read.figure.incidentWords);
    if (named && !form.incident) set('incident', named);
  };

  const chooseMeasure = (value: string) => {
    setNaming(value === NEW);
    set('measure', value.startsWith('measure:') ? value.slice('measure:'.length) : '');
    if (value !== NEW) set('newMeasure', '');
  };

  const invalid = errors.figure !== undefined;
  const hintId = 'fact-figure-hint';
  const readingId = 'fact-figure-reading';
  return (
    <fieldset class="figure">
      <legend>Figure (optional)</legend>
      <div class={invalid ? 'field invalid' : 'field'}>
        <label for="fact-figure">Figure</label>
        <input
          id="fact-figure"
          name="figure"
          type="text"
          value={form.figure}
          aria-describedby={said ? `${hintId} ${readingId}` : hintId}
          {...(invalid ? { 'aria-invalid': 'true' as const } : {})}
          onInput={(e) => typeFigure(e.currentTarget.value)}
        />
        <p class="hint" id={hintId}>
          As news writes it, e.g. “over $1 billion in the past two years”. “Last year” counts from
          the date published.
        </p>
        {/* The one message about the figure: its reading, or why it cannot be read (an error once the reader tried to save). */}
        {said && (
          <p id={readingId} class={invalid ? 'error' : 'reading'}>
            {said}
          </p>
        )}
        <p class="visually-hidden" role="status">
          {announced}
        </p>
      </div>
      {typed && (
        <>
          <MeasureField
            value={naming ? NEW : form.measure ? known(form.measure) : NONE}
            choices={context.measures}
            chosen={chosen}
            error={naming ? undefined : errors.measure}
            onChange={chooseMeasure}
          />
          {naming && (
            <Field
              id="fact-newMeasure"
              label="Name what it counts"
              hint={
                sameAs
                  ? `Already in the list, with ${figuresSoFar(sameAs)}.`
                  : 'In words, e.g. “Lazarus Group’s crypto theft”.'
              }
              error={errors.measure}
            >
              {(attrs) => (
                <input
                  {...attrs}
                  type="text"
                  name="newMeasure"
                  value={form.newMeasure}
                  onInput={(e) => set('newMeasure', e.currentTarget.value)}
                />
              )}
            </Field>
          )}
          <fieldset class="scope">
            <legend>It counts</legend>
            {(['total', 'incident'] as const).map((scope) => (
              <label class="check" key={scope}>
                <input
                  type="radio"
                  name="scope"
                  value={scope}
                  checked={form.scope === scope}
                  onChange={() => {
                    setScopeChosen(true);
                    set('scope', scope);
                  }}
                />
                {scope === 'total' ? 'A total' : 'One incident (one theft, one attack)'}
              </label>
            ))}
          </fieldset>
          {form.scope === 'incident' && (
            <Field id="fact-incident" label="Which incident" error={errors.incident}>
              {(attrs) => (
                <select
                  {...attrs}
                  name="incident"
                  value={form.incident}
                  onChange={(e) => set('incident', e.currentTarget.value)}
                >
                  <option value="">
                    {ownIncident === undefined
                      ? 'Choose…'
                      : ownIncident
                        ? `“${ownIncident}” itself`
                        : 'This fact itself'}
                  </option>
                  {context.incidents.map((incident) => (
                    <option key={incident.id} value={incident.id}>
                      {incident.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </>
      )}
    </fieldset>
  );
}

/** The incident Backstory knows by the figure's words for it ("the Ronin bridge hack"), if any. */
function knownIncident(context: FormContext, words = ''): string | undefined {
  for (const name of [words, words.replace(/^(?:the|a|an|one)\s+/i, '')]) {
    const entity = context.names.get(normaliseName(name));
    if (entity && context.incidents.some((i) => i.id === entity.id)) return entity.id;
  }
  return undefined;
}

/** The reading in words, or why there is none; nothing while the field is empty. */
function readingWords(
  reading: FigureReading | undefined,
  form: ReaderFactForm,
  incidentName: string | undefined,
): string {
  if (!reading) return '';
  if (!reading.ok) return reading.reason;
  const scoped = { ...reading.figure, scope: form.scope };
  return `Read as: ${describeReading(scoped, form.scope === 'incident' ? incidentName : undefined)}`;
}

/** `text`, once it has stayed the same for a moment (so a screen reader is not told every keystroke). */
function useAnnounced(text: string): string {
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(text), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return announced;
}

function MeasureField(props: {
  value: string;
  choices: MeasureChoice[];
  chosen?: MeasureChoice;
  error?: string;
  onChange(value: string): void;
}) {
  const groups = [
    { label: 'Bundled and imported', choices: props.choices.filter((c) => !c.yours) },
    { label: 'Yours', choices: props.choices.filter((c) => c.yours) },
  ].filter((g) => g.choices.length > 0);
  return (
    <Field
      id="fact-measure"
      label="What it counts"
      hint={props.chosen ? capitalise(`${figuresSoFar(props.chosen)}.`) : undefined}
      error={props.error}
    >
      {(attrs) => (
        <select
          {...attrs}
          name="measure"
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
          <option value={NONE}>Choose…</option>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.choices.map((choice) => (
                <option key={choice.id} value={known(choice.id)}>
                  {choice.label}
                </option>
              ))}
            </optgroup>
          ))}
          <option value={NEW}>Something else: name it</option>
        </select>
      )}
    </Field>
  );
}

/** "3 figures so far, in US dollars", "no figures so far". */
function figuresSoFar(choice: MeasureChoice): string {
  if (choice.figures === 0) return 'no figures so far';
  const figures = choice.figures === 1 ? '1 figure' : `${choice.figures} figures`;
  return `${figures} so far, in ${choice.units.map(describeUnit).join(' or ')}`;
}
