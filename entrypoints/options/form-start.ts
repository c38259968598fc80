/**
 * Where the options form starts: empty, prefilled from the URL (the context menu's selection, or a
 * card's "Save to my facts" on an entity or claim), editing one of the reader's rows, or writing a
 * note on any row.
 */
import type { FormPlan } from '@/lib/pages/facts/form';
import { noteFormOf } from '@/lib/pages/facts/notes';
import { EMPTY_FORM, formOf, type ReaderFactForm } from '@/lib/pages/facts/reader';
import type { FactRow } from '@/lib/pages/facts/rows';
import type { FactPack, NoteTarget } from '@/lib/shared/facts/schema';
import { readNoteTarget, readPrefill } from '@/lib/shared/prefill';

export interface FormStart {
  initial: ReaderFactForm;
  /** What the form writes, when that is not up to what the reader types. */
  fixed?: FormPlan;
  /** Whether the form takes focus when it appears. */
  focus: boolean;
}

export const EMPTY_START: FormStart = { initial: EMPTY_FORM, focus: false };

/**
 * The form as the page's URL prefills it. A note's target the fact base knows (`nameOf` gives its
 * name) makes it that note, with focus on its words; an unknown target is left out, and the form
 * asks for a term as usual. A note on a claim has no figure of its own: a figure sent with it
 * becomes its quote when it has none.
 */
export function prefilledStart(
  search: string,
  nameOf: (target: NoteTarget) => string | undefined,
): FormStart {
  const fields = readPrefill(search);
  const about = readNoteTarget(search);
  const name = about && nameOf(about);
  const initial = { ...EMPTY_FORM, ...fields };
  if (!about || name === undefined) return { initial, focus: false };
  const onClaim = about.kind === 'claim';
  const figureAsQuote = onClaim && fields.figure !== '' && fields.quote === '';
  return {
    initial: {
      ...initial,
      term: '',
      ...(onClaim ? { figure: '', measure: '' } : {}),
      ...(figureAsQuote ? { quote: fields.figure } : {}),
    },
    fixed: { kind: 'note', subject: { about, name } },
    focus: true,
  };
}

/** A note on `row`, which may come from any pack. */
export function noteStart(row: FactRow): FormStart {
  return { initial: EMPTY_FORM, fixed: { kind: 'note', subject: row.subject }, focus: true };
}

/**
 * The form editing one of the reader's rows: an entity (a figure claim edits its entity), or a note
 * (a figure given on a note edits that note). Undefined for a row the form did not write.
 */
export function editStart(
  row: FactRow,
  yours: FactPack,
  nameOf: (entityId: string) => string,
): FormStart | undefined {
  const owner = row.list === 'claims' ? row.id.replace(/\.figure$/, '') : row.id;
  const entity = row.list === 'notes' ? undefined : formOf(yours, owner);
  if (entity) return { initial: entity, fixed: { kind: 'edit', entityId: owner }, focus: true };
  const note = noteFormOf(yours, owner);
  if (!note) return undefined;
  const name = row.list === 'notes' ? row.subject.name : nameOf(note.about.id);
  const subject = { about: note.about, name };
  return { initial: note.form, fixed: { kind: 'note', subject, noteId: owner }, focus: true };
}
