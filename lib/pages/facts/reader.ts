/**
 * The reader's own facts: the options-page form on one side, fact-pack entries on the other.
 * A new term becomes an entity with its source; a figure, typed as news writes it, becomes a claim
 * carrying it under the measure the reader chose or named, which quotes the source only when the
 * reader gave a quote (a quote without a figure is kept as a note on the entity). A term Backstory already knows becomes the reader's note on it instead (notes.ts).
 * Every function returns a new pack and leaves its input untouched.
 */

import type { Claim, Entity, EntityKind, FactPack, Scope, Source } from '@/lib/shared/facts/schema';
import {
  dropUnusedSources,
  freshId,
  normaliseName,
  replaceById,
  restoreOrder,
  withNotes,
} from './edit';
import { hasFigure, sourceAndFigureFields, sourceFromForm, withFigureClaim } from './form-parts';
import { dropUnusedMeasures } from './measures';

/** The form as the reader fills it in: every field is text, exactly as typed. */
export interface ReaderFactForm {
  term: string;
  /** Comma-separated. */
  aliases: string;
  details: string;
  kind: EntityKind;
  /** Optional: a link alone is named after its site. */
  sourceTitle: string;
  sourceUrl: string;
  /** When the source was published: 2023, 2023-08 or 2023-08-17; may be empty. */
  sourcePublished: string;
  /** Words from the source, exactly as written; may be empty. */
  quote: string;
  /** A figure as news writes it ("over $1.7 billion in 2022"); empty for none. */
  figure: string;
  /** What the figure counts: a known measure's id; empty while none is chosen, or a new one is named. */
  measure: string;
  /** A measure the reader names in words ("Lazarus Group's crypto theft"), when `measure` is empty. */
  newMeasure: string;
  /** Whether the figure counts a running total or one incident. */
  scope: Scope;
  /** For one incident: the entity naming it; empty for the fact itself (or what the note is on). */
  incident: string;
}

export type FormField = keyof ReaderFactForm;

export const EMPTY_FORM: ReaderFactForm = {
  term: '',
  aliases: '',
  details: '',
  kind: 'concept',
  sourceTitle: '',
  sourceUrl: '',
  sourcePublished: '',
  quote: '',
  figure: '',
  measure: '',
  newMeasure: '',
  scope: 'total',
  incident: '',
};

/** The aliases typed in the form: trimmed, without empties, repeats or the term itself. */
export function parseAliases(form: Pick<ReaderFactForm, 'term' | 'aliases'>): string[] {
  const seen = new Set([normaliseName(form.term)]);
  const aliases: string[] = [];
  for (const raw of form.aliases.split(',')) {
    const alias = raw.replace(/\s+/g, ' ').trim();
    const key = normaliseName(alias);
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return aliases;
}

/** A fresh entity id for `term` that no entry of `pack` uses, nor the ids its entries derive from it. */
export function newEntityId(pack: FactPack, term: string): string {
  return freshId(pack, 'reader.', term, ['.source', '.figure', '.note']);
}

/** The claim that carries an entity's figure on the form: its own, or the first about it alone. */
export function figureClaimOf(pack: FactPack, entityId: string): Claim | undefined {
  return (
    pack.claims.find((c) => c.id === `${entityId}.figure`) ??
    pack.claims.find((c) => c.figure && c.subjects.length === 1 && c.subjects[0] === entityId)
  );
}

function sourceOf(pack: FactPack, entity: Entity): Source | undefined {
  const id = entity.sourceIds[0];
  return id === undefined ? undefined : pack.sources.find((s) => s.id === id);
}

/** The form showing an entity of `pack`, for editing; undefined when there is no such entity. */
export function formOf(pack: FactPack, entityId: string): ReaderFactForm | undefined {
  const entity = pack.entities.find((e) => e.id === entityId);
  if (!entity) return undefined;
  const claim = figureClaimOf(pack, entityId);
  const quoteNote = pack.notes?.find((n) => n.id === `${entityId}.note`);
  return {
    term: entity.name,
    aliases: entity.aliases.join(', '),
    details: entity.summary,
    kind: entity.kind,
    quote: claim?.evidence ?? quoteNote?.quote ?? '',
    ...sourceAndFigureFields(sourceOf(pack, entity), claim),
  };
}

function entityFromForm(form: ReaderFactForm, existing: Entity | undefined, id: string): Entity {
  return {
    ...(existing ?? { id, sourceIds: [] }),
    name: form.term.trim(),
    kind: form.kind,
    aliases: parseAliases(form),
    summary: form.details.trim(),
  };
}

/** Writes the form into `pack` as entity `entityId` (new or existing); the form must be valid. */
function writeFact(pack: FactPack, entityId: string, form: ReaderFactForm): FactPack {
  const existing = pack.entities.find((e) => e.id === entityId);
  const oldSource = existing && sourceOf(pack, existing);
  const source = sourceFromForm(form, oldSource, `${entityId}.source`);
  const entity = entityFromForm(form, existing, entityId);
  const otherSourceIds = entity.sourceIds.filter((id) => id !== oldSource?.id);
  entity.sourceIds = source ? [source.id, ...otherSourceIds] : otherSourceIds;

  const oldClaim = figureClaimOf(pack, entityId);
  const ids =
    source && hasFigure(form)
      ? {
          claimId: `${entityId}.figure`,
          subject: { id: entityId, name: entity.name },
          sourceId: source.id,
        }
      : undefined;
  const { pack: labelled, claims } = withFigureClaim(pack, form, oldClaim, ids);
  const written: FactPack = {
    ...labelled,
    sources: source ? replaceById(pack.sources, source) : pack.sources,
    entities: replaceById(pack.entities, entity),
    // An edited claim keeps its place in the list, so an unchanged edit changes nothing.
    claims: oldClaim ? restoreOrder(pack.claims, claims) : claims,
  };
  return dropUnusedMeasures(
    dropUnusedSources(
      withQuoteNote(written, entityId, form, source),
      oldSource ? [oldSource.id] : [],
    ),
  );
}

/** A quote given without a figure is kept as a note on the entity, quoting its source. */
function withQuoteNote(
  pack: FactPack,
  entityId: string,
  form: ReaderFactForm,
  source: Source | undefined,
): FactPack {
  const id = `${entityId}.note`;
  const quote = form.quote.trim();
  const others = (pack.notes ?? []).filter((n) => n.id !== id);
  if (!quote || hasFigure(form)) return withNotes(pack, others);
  const about = { kind: 'entity' as const, id: entityId };
  const sourceIds = source ? [source.id] : [];
  return withNotes(pack, replaceById(pack.notes ?? [], { id, about, text: '', quote, sourceIds }));
}

/** `pack` with the form added as a new fact; returns the pack and the new entity's id. */
export function addFact(
  pack: FactPack,
  form: ReaderFactForm,
): { pack: FactPack; entityId: string } {
  const entityId = newEntityId(pack, form.term);
  return { pack: writeFact(pack, entityId, form), entityId };
}

/** `pack` with entity `entityId` rewritten from the form (its other sources and claims kept). */
export function updateFact(pack: FactPack, entityId: string, form: ReaderFactForm): FactPack {
  return writeFact(pack, entityId, form);
}

/**
 * `pack` without entity `entityId`: claims lose it as a subject (and go when none is left), notes
 * about it go, and sources nothing refers to any more go too.
 */
export function removeFact(pack: FactPack, entityId: string): FactPack {
  const claims = pack.claims.flatMap((c) => {
    if (!c.subjects.includes(entityId)) return [c];
    const subjects = c.subjects.filter((s) => s !== entityId);
    return subjects.length > 0 ? [{ ...c, subjects }] : [];
  });
  const keptClaims = new Set(claims.map((c) => c.id));
  const gone = new Set([
    `entity:${entityId}`,
    ...pack.claims.filter((c) => !keptClaims.has(c.id)).map((c) => `claim:${c.id}`),
  ]);
  const notes = (pack.notes ?? []).filter((n) => !gone.has(`${n.about.kind}:${n.about.id}`));
  const removed = pack.entities.find((e) => e.id === entityId);
  const orphanCandidates = [
    ...(removed?.sourceIds ?? []),
    ...pack.claims.filter((c) => !keptClaims.has(c.id)).map((c) => c.sourceId),
    ...(pack.notes ?? []).filter((n) => !notes.includes(n)).flatMap((n) => n.sourceIds),
  ];
  const without = withNotes(
    { ...pack, entities: pack.entities.filter((e) => e.id !== entityId), claims },
    notes,
  );
  return dropUnusedMeasures(dropUnusedSources(without, orphanCandidates));
}

/** `pack` without claim `claimId`, notes about it, and sources nothing else cites. */
export function removeClaim(pack: FactPack, claimId: string): FactPack {
  const claim = pack.claims.find((c) => c.id === claimId);
  const notes = (pack.notes ?? []).filter(
    (n) => !(n.about.kind === 'claim' && n.about.id === claimId),
  );
  const without = withNotes({ ...pack, claims: pack.claims.filter((c) => c !== claim) }, notes);
  const cited = [
    ...(claim ? [claim.sourceId] : []),
    ...(pack.notes ?? []).filter((n) => !notes.includes(n)).flatMap((n) => n.sourceIds),
  ];
  return dropUnusedMeasures(dropUnusedSources(without, cited));
}
