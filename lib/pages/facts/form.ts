/**
 * What the options form does with what was typed, what is wrong with it, field by field, in a
 * reader's words, and the reader's facts once it is saved. A term Backstory already knows
 * (bundled or imported) gets the reader's note; the reader's own terms are edited rather than
 * added twice. The pack rules are not repeated here: the entries the form would write are
 * checked against the schema.
 */

import { describeUnit } from '@/lib/shared/facts/describe';
import type { FactPack, Figure } from '@/lib/shared/facts/schema';
import { checkEntries } from '@/lib/shared/facts/validate';
import { isWebUrl } from '@/lib/shared/safe-url';
import { normaliseName } from './edit';
import { hasFigure, hasSource, readFormFigure } from './form-parts';
import { choiceLabelled, type MeasureChoice, measureChoices } from './measures';
import { addNote, type NoteSubject, updateNote } from './notes';
import {
  addFact,
  type FormField,
  figureClaimOf,
  parseAliases,
  type ReaderFactForm,
  updateFact,
} from './reader';

export type FormErrors = Partial<Record<FormField, string>>;

/** What saving the form writes. */
export type FormPlan =
  | { kind: 'new' }
  | { kind: 'edit'; entityId: string }
  | { kind: 'note'; subject: NoteSubject; noteId?: string };

/** What the form is checked against; build it with `formContext` when the facts change. */
export interface FormContext {
  /** The reader's own facts. */
  yours: FactPack;
  /** Everything known (bundled, imported and the reader's), merged. */
  base: FactPack;
  /** Each name and alias in `base`, with the entity it belongs to. */
  names: Map<string, { id: string; name: string }>;
  /** What a figure can count: every measure of `base`, by label. */
  measures: MeasureChoice[];
  /** The incidents a figure can count: the events of `base`, by name. */
  incidents: { id: string; name: string }[];
}

export function formContext(yours: FactPack, base: FactPack): FormContext {
  const names = new Map<string, { id: string; name: string }>();
  for (const entity of base.entities) {
    for (const form of [entity.name, ...entity.aliases]) {
      names.set(normaliseName(form), { id: entity.id, name: entity.name });
    }
  }
  const incidents = base.entities
    .filter((e) => e.kind === 'event')
    .map((e) => ({ id: e.id, name: e.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return { yours, base, names, measures: measureChoices(base, yours), incidents };
}

/**
 * What the form will write: `fixed` when editing or when the reader chose what to annotate; else
 * a note when the term names something Backstory knows that is not the reader's, or a new fact.
 */
export function planForm(form: ReaderFactForm, context: FormContext, fixed?: FormPlan): FormPlan {
  if (fixed) return fixed;
  const known = context.names.get(normaliseName(form.term));
  if (!known || isYours(context, known.id)) return { kind: 'new' };
  return { kind: 'note', subject: { about: { kind: 'entity', id: known.id }, name: known.name } };
}

function isYours(context: FormContext, entityId: string): boolean {
  return context.yours.entities.some((e) => e.id === entityId);
}

/** Field-by-field problems with the form for `plan`; empty when it can be saved. */
export function validateForm(
  form: ReaderFactForm,
  context: FormContext,
  plan: FormPlan,
): FormErrors {
  const errors: FormErrors = {};
  if (plan.kind === 'note') checkNote(form, plan.subject, errors);
  else checkNames(form, context, plan.kind === 'edit' ? plan.entityId : undefined, errors);
  checkSource(form, errors);
  if (plan.kind !== 'note' || plan.subject.about.kind === 'entity') {
    checkFigure(form, context, plan, errors);
  }
  if (Object.keys(errors).length === 0) checkAsPack(form, context, plan, errors);
  return errors;
}

/**
 * The form as it will be saved: a new measure named like a known one is that one, so figures the
 * reader names in the same words are compared with each other and with the sources.
 */
export function settleForm(form: ReaderFactForm, context: FormContext): ReaderFactForm {
  if (form.measure || !form.newMeasure.trim()) return form;
  const known = choiceLabelled(context.measures, form.newMeasure);
  return known ? { ...form, measure: known.id, newMeasure: '' } : form;
}

/** The figure the form was opened to edit, as stored. */
export function storedFigure(yours: FactPack, plan: FormPlan): Figure | undefined {
  if (plan.kind === 'edit') return figureClaimOf(yours, plan.entityId)?.figure;
  if (plan.kind === 'note' && plan.noteId !== undefined) {
    return yours.claims.find((c) => c.id === `${plan.noteId}.figure`)?.figure;
  }
  return undefined;
}

/** The reader's facts with the form saved as `plan` says, and what to tell the reader. */
export function applyForm(
  yours: FactPack,
  form: ReaderFactForm,
  plan: FormPlan,
): { pack: FactPack; said: string } {
  const term = form.term.trim();
  switch (plan.kind) {
    case 'new':
      return { pack: addFact(yours, form).pack, said: `Added “${term}”.` };
    case 'edit':
      return { pack: updateFact(yours, plan.entityId, form), said: `Saved “${term}”.` };
    case 'note': {
      const { subject, noteId } = plan;
      const pack =
        noteId === undefined
          ? addNote(yours, subject, form).pack
          : updateNote(yours, noteId, subject, form);
      const verb = noteId === undefined ? 'Added' : 'Saved';
      return { pack, said: `${verb} your note on “${shortName(subject.name)}”.` };
    }
  }
}

function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

function checkNames(
  form: ReaderFactForm,
  context: FormContext,
  editingId: string | undefined,
  errors: FormErrors,
): void {
  const term = form.term.trim();
  const owner = context.names.get(normaliseName(term));
  if (!term) errors.term = 'Enter a term.';
  else if (owner && owner.id !== editingId) {
    errors.term = `You already have “${owner.name}”: edit it in the list below.`;
  }
  const clash = parseAliases(form).find((alias) => {
    const other = context.names.get(normaliseName(alias));
    return other !== undefined && other.id !== editingId;
  });
  if (clash !== undefined) {
    const other = context.names.get(normaliseName(clash))?.name ?? clash;
    errors.aliases = `“${clash}” is already used by “${other}”.`;
  }
}

function checkNote(form: ReaderFactForm, subject: NoteSubject, errors: FormErrors): void {
  if (form.aliases.trim()) {
    errors.aliases = `Aliases belong to your own facts; “${subject.name}” is not yours, so leave this empty.`;
  }
  const figure = subject.about.kind === 'entity' && hasFigure(form);
  if (!form.details.trim() && !form.quote.trim() && !figure) {
    errors.details = 'Write your note, or give a quote.';
  }
}

function checkSource(form: ReaderFactForm, errors: FormErrors): void {
  const url = form.sourceUrl.trim();
  if (url && !isWebUrl(url)) {
    errors.sourceUrl = 'Enter a web address starting with http:// or https://.';
  }
  if (!hasSource(form) && (form.sourcePublished.trim() || form.quote.trim())) {
    const what = form.quote.trim() ? 'A quote' : 'A date';
    errors.sourceTitle = `${what} needs its source: give its title or link.`;
  }
}

function checkFigure(
  form: ReaderFactForm,
  context: FormContext,
  plan: FormPlan,
  errors: FormErrors,
): void {
  if (!hasFigure(form)) return;
  if (!hasSource(form)) errors.sourceTitle = 'A figure needs its source: give its title or link.';
  const reading = readFormFigure(form, storedFigure(context.yours, plan));
  if (!reading.ok) errors.figure = reading.reason;
  const chosen = context.measures.find((m) => m.id === form.measure);
  if (!form.measure && !form.newMeasure.trim()) {
    errors.measure = 'Choose what the figure counts, or name something new.';
  } else if (reading.ok && chosen && !countsLike(chosen, reading.figure.unit)) {
    const units = chosen.units.map(describeUnit).join(' or ');
    errors.measure = `Figures of ${chosen.label} are in ${units}, not ${describeUnit(reading.figure.unit)}: choose another measure, or name a new one.`;
  }
  if (form.scope !== 'incident') return;
  if (form.incident && !isIncident(context, form.incident)) {
    errors.incident = 'That incident is no longer known: choose it again.';
  } else if (!form.incident && !ownIncident(context, plan)) {
    errors.incident =
      'Choose which incident. One Backstory does not know yet can be added first, as a fact of the kind “event”.';
  }
}

function isIncident(context: FormContext, entityId: string): boolean {
  return context.incidents.some((i) => i.id === entityId);
}

/**
 * Whether the figure's own entity can be the incident it counts: the reader's own term (they say
 * what it is), or an event the note is on; a note on a country or a person needs an incident named.
 */
export function ownIncident(context: FormContext, plan: FormPlan): boolean {
  return plan.kind !== 'note' || isIncident(context, plan.subject.about.id);
}

/** Whether a figure in `unit` can be set beside the measure's: money beside money, counts beside counts. */
function countsLike(measure: MeasureChoice, unit: string): boolean {
  const family = (u: string) => (/^[A-Z]{3}$/.test(u) ? 'money' : u);
  return measure.units.length === 0 || measure.units.some((u) => family(u) === family(unit));
}

// The schema's fields, in the form's words; a field not listed keeps the schema's words.
const FORM_FIELDS: Record<string, { field: FormField; message?: string }> = {
  name: { field: 'term' },
  aliases: { field: 'aliases' },
  summary: { field: 'details' },
  text: { field: 'details' },
  title: { field: 'sourceTitle' },
  url: { field: 'sourceUrl' },
  published: {
    field: 'sourcePublished',
    message: 'Write the date as 2023, 2023-08 or 2023-08-17.',
  },
  evidence: { field: 'quote', message: 'A quote on a figure is at most 14 words: shorten it.' },
  quote: { field: 'quote' },
  'figure.value': { field: 'figure' },
  'figure.unit': { field: 'figure' },
  'figure.period': { field: 'figure' },
  'figure.scope': { field: 'incident' },
  'figure.incident': { field: 'incident' },
  measure: { field: 'measure' },
};

const SCRATCH: FactPack = { format: 1, sources: [], entities: [], claims: [] };

/** Whatever the pack rules still find wrong with the entries the form would write. */
function checkAsPack(
  form: ReaderFactForm,
  context: FormContext,
  plan: FormPlan,
  errors: FormErrors,
): void {
  const written =
    plan.kind === 'note' ? addNote(SCRATCH, plan.subject, form).pack : addFact(SCRATCH, form).pack;
  for (const error of checkEntries(written, context.base).errors) {
    const target = FORM_FIELDS[error.field.replace(/\.\d+$/, '')];
    if (target && !errors[target.field]) {
      errors[target.field] = target.message ?? sentence(error.problem);
    }
  }
}

/** "the link must start with https://" → "The link must start with https://." */
function sentence(problem: string): string {
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}
