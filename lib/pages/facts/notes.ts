/**
 * The reader's notes on anything the fact base knows, bundled and imported entries included. A
 * note keeps the reader's words, a quote and its source apart from what it is about, so the card
 * can show them as the reader's beside the original. A figure given on a note about an entity
 * becomes the reader's own claim about that entity (`<note id>.figure`), so it is compared like
 * any other. Every function returns a new pack.
 */

import type { FactPack, Note, NoteTarget } from '@/lib/shared/facts/schema';
import { dropUnusedSources, freshId, replaceById, withNotes } from './edit';
import { hasFigure, sourceAndFigureFields, sourceFromForm, withFigureClaim } from './form-parts';
import { dropUnusedMeasures } from './measures';
import { EMPTY_FORM, type ReaderFactForm } from './reader';

/** What a note is about, with the name a reader knows it by (an entity's name, a claim's statement). */
export interface NoteSubject {
  about: NoteTarget;
  name: string;
}

/** A fresh id for a note about `name`, leaving room for its source and figure. */
function newNoteId(pack: FactPack, name: string): string {
  return freshId(pack, 'reader.note.', name, ['.source', '.figure']);
}

/** `pack` with the form added as a note on `subject`; returns the pack and the note's id. */
export function addNote(
  pack: FactPack,
  subject: NoteSubject,
  form: ReaderFactForm,
): { pack: FactPack; noteId: string } {
  const noteId = newNoteId(pack, subject.name);
  return { pack: writeNote(pack, noteId, subject, form), noteId };
}

/** `pack` with note `noteId` (and its figure) rewritten from the form. */
export function updateNote(
  pack: FactPack,
  noteId: string,
  subject: NoteSubject,
  form: ReaderFactForm,
): FactPack {
  return writeNote(pack, noteId, subject, form);
}

/** `pack` without note `noteId`, its figure, and sources nothing else cites. */
export function removeNote(pack: FactPack, noteId: string): FactPack {
  const note = pack.notes?.find((n) => n.id === noteId);
  const claim = pack.claims.find((c) => c.id === `${noteId}.figure`);
  const without = withNotes(
    { ...pack, claims: pack.claims.filter((c) => c !== claim) },
    (pack.notes ?? []).filter((n) => n !== note),
  );
  return dropUnusedMeasures(
    dropUnusedSources(without, [...(note?.sourceIds ?? []), ...(claim ? [claim.sourceId] : [])]),
  );
}

/** The form and subject showing note `noteId` (or a figure saved without words), for editing. */
export function noteFormOf(
  pack: FactPack,
  noteId: string,
): { form: ReaderFactForm; about: NoteTarget } | undefined {
  const note = pack.notes?.find((n) => n.id === noteId);
  const claim = pack.claims.find((c) => c.id === `${noteId}.figure`);
  const about: NoteTarget | undefined =
    note?.about ??
    (claim?.subjects[0] === undefined ? undefined : { kind: 'entity', id: claim.subjects[0] });
  if (!about) return undefined;
  const sourceId = note?.sourceIds[0] ?? claim?.sourceId;
  const source = pack.sources.find((s) => s.id === sourceId);
  const form: ReaderFactForm = {
    ...EMPTY_FORM,
    details: note?.text ?? '',
    quote: note?.quote ?? claim?.evidence ?? '',
    ...sourceAndFigureFields(source, claim),
  };
  return { form, about };
}

/** Writes the form as note `noteId` on `subject`; the form must be valid. */
function writeNote(
  pack: FactPack,
  noteId: string,
  subject: NoteSubject,
  form: ReaderFactForm,
): FactPack {
  const oldNote = pack.notes?.find((n) => n.id === noteId);
  const oldClaim = pack.claims.find((c) => c.id === `${noteId}.figure`);
  const oldSourceId = oldNote?.sourceIds[0] ?? oldClaim?.sourceId;
  const oldSource = pack.sources.find((s) => s.id === oldSourceId);
  const source = sourceFromForm(form, oldSource, `${noteId}.source`);
  const figure = subject.about.kind === 'entity' && source !== undefined && hasFigure(form);
  const ids = figure
    ? {
        claimId: `${noteId}.figure`,
        subject: { id: subject.about.id, name: subject.name },
        sourceId: source.id,
      }
    : undefined;
  const { pack: labelled, claims } = withFigureClaim(pack, form, oldClaim, ids);
  const text = form.details.trim();
  // With a figure, the quote is the figure's evidence; otherwise the note keeps it.
  const quote = figure ? '' : form.quote.trim();
  const note: Note = {
    id: noteId,
    about: subject.about,
    text,
    ...(quote ? { quote } : {}),
    sourceIds: source ? [source.id] : [],
  };
  const others = (pack.notes ?? []).filter((n) => n.id !== noteId);
  const notes = text || quote ? replaceById(pack.notes ?? [], note) : others;
  const written = withNotes(
    {
      ...labelled,
      sources: source ? replaceById(pack.sources, source) : pack.sources,
      claims,
    },
    notes,
  );
  return dropUnusedMeasures(dropUnusedSources(written, oldSource ? [oldSource.id] : []));
}
