/**
 * The reader's own facts: the options-page form on one side, fact-pack entries on the other.
 * A form entry becomes an entity with a source and, when a figure is given, a claim carrying it.
 * Every function returns a new pack and leaves its input untouched.
 */

import { describeFigure } from '@/lib/facts/describe';
import type {
  Claim,
  Entity,
  EntityKind,
  FactPack,
  Figure,
  Qualifier,
  Source,
} from '@/lib/facts/schema';
import { checkEntries } from '@/lib/facts/validate';
import { isWebUrl } from '@/lib/safe-url';
import { siteOf } from '@/lib/sites';

/** The form as the reader fills it in: every field is text, exactly as typed. */
export interface ReaderFactForm {
  term: string;
  /** Comma-separated. */
  aliases: string;
  details: string;
  kind: EntityKind;
  sourceTitle: string;
  sourceUrl: string;
  figureValue: string;
  figureUnit: string;
  figureQualifier: Qualifier;
  /** Normalised period ("total", "year:2024", "past:2y", "since:2017", "month:2023-07"); empty means total. */
  figurePeriod: string;
  /** What the figure counts; empty means the term itself. */
  figureMeasure: string;
}

export type FormField = keyof ReaderFactForm;
export type FormErrors = Partial<Record<FormField, string>>;

export const EMPTY_FORM: ReaderFactForm = {
  term: '',
  aliases: '',
  details: '',
  kind: 'concept',
  sourceTitle: '',
  sourceUrl: '',
  figureValue: '',
  figureUnit: '',
  figureQualifier: 'exact',
  figurePeriod: '',
  figureMeasure: '',
};

const EMPTY_PACK: FactPack = { format: 1, sources: [], entities: [], claims: [] };

/** Shown when a source has no URL to name its publisher by. */
export const READER_PUBLISHER = 'Added by you';

/** Lower-cased, whitespace-collapsed form of a surface form, for duplicate checks. */
function normaliseAlias(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The aliases typed in the form: trimmed, without empties, repeats or the term itself. */
export function parseAliases(form: Pick<ReaderFactForm, 'term' | 'aliases'>): string[] {
  const seen = new Set([normaliseAlias(form.term)]);
  const aliases: string[] = [];
  for (const raw of form.aliases.split(',')) {
    const alias = raw.replace(/\s+/g, ' ').trim();
    const key = normaliseAlias(alias);
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return aliases;
}

function hasFigure(form: ReaderFactForm): boolean {
  return [form.figureValue, form.figureUnit, form.figureMeasure].some((v) => v.trim() !== '');
}

function parseNumber(text: string): number {
  const cleaned = text.replace(/[,\s_]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

/** Every surface form of every entity except `exceptId`, mapped to the name of its entity. */
function knownForms(packs: FactPack[], exceptId?: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const pack of packs) {
    for (const entity of pack.entities) {
      if (entity.id === exceptId) continue;
      for (const form of [entity.name, ...entity.aliases]) {
        forms.set(normaliseAlias(form), entity.name);
      }
    }
  }
  return forms;
}

function duplicateMessage(form: string, owner: string): string {
  return `“${form}” is already used by “${owner}”.`;
}

function checkSurfaceForms(
  form: ReaderFactForm,
  known: Map<string, string>,
  errors: FormErrors,
): void {
  const term = form.term.trim();
  if (!term) errors.term = 'Enter a term.';
  const termOwner = known.get(normaliseAlias(term));
  if (term && termOwner) errors.term = duplicateMessage(term, termOwner);
  const clashes = parseAliases(form).filter((alias) => known.has(normaliseAlias(alias)));
  const first = clashes[0];
  if (first !== undefined) {
    errors.aliases = duplicateMessage(first, known.get(normaliseAlias(first)) ?? first);
  }
}

function checkSource(form: ReaderFactForm, errors: FormErrors): void {
  const url = form.sourceUrl.trim();
  if (url && !isWebUrl(url))
    errors.sourceUrl = 'Enter a web address starting with http:// or https://.';
  const needsTitle = url !== '' || hasFigure(form);
  if (needsTitle && !form.sourceTitle.trim()) {
    errors.sourceTitle = hasFigure(form)
      ? 'A figure needs a source: enter its title.'
      : 'Enter the title of the source.';
  }
}

function checkFigure(form: ReaderFactForm, errors: FormErrors): void {
  if (!hasFigure(form)) return;
  if (!Number.isFinite(parseNumber(form.figureValue))) {
    errors.figureValue = 'Enter the figure as a number, e.g. 1000000000.';
  }
  if (!form.figureUnit.trim()) errors.figureUnit = 'A figure needs a unit, e.g. USD or count.';
}

// The pack validator's fields, in the form's words; fields not listed keep the validator's message.
const FORM_FIELDS: Record<string, { field: FormField; message?: string }> = {
  name: { field: 'term' },
  aliases: { field: 'aliases' },
  summary: { field: 'details' },
  title: { field: 'sourceTitle' },
  url: { field: 'sourceUrl' },
  'figure.value': { field: 'figureValue' },
  'figure.unit': { field: 'figureUnit' },
  'figure.period': {
    field: 'figurePeriod',
    message: 'Use total, year:2024, month:2023-07, past:2y or since:2017.',
  },
  measure: { field: 'figureMeasure' },
};

/** "the link must start with https://" → "The link must start with https://." */
function sentence(problem: string): string {
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}

/** Whatever the pack validator still finds wrong with the entries the form would write. */
function checkAsPack(form: ReaderFactForm, errors: FormErrors): void {
  const written = writeFact({ ...EMPTY_PACK }, 'reader.form', form);
  for (const error of checkEntries(written).errors) {
    const target = FORM_FIELDS[error.field.replace(/\.\d+$/, '')];
    if (target && !errors[target.field])
      errors[target.field] = target.message ?? sentence(error.problem);
  }
}

/**
 * Field-by-field problems with the form; empty when it can be saved. Terms and aliases must not
 * repeat a surface form of any other entity in `packs` (the reader's facts and the bundled pack);
 * `editingId` is the entity being edited, whose own forms are allowed.
 */
export function validateForm(
  form: ReaderFactForm,
  packs: FactPack[],
  editingId?: string,
): FormErrors {
  const errors: FormErrors = {};
  checkSurfaceForms(form, knownForms(packs, editingId), errors);
  checkSource(form, errors);
  checkFigure(form, errors);
  if (Object.keys(errors).length === 0) checkAsPack(form, errors);
  return errors;
}

function slug(text: string): string {
  const base = normaliseAlias(text)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return base || 'fact';
}

/** A fresh entity id for `term` that no entity, source or claim of `pack` uses. */
export function newEntityId(pack: FactPack, term: string): string {
  const taken = new Set([...pack.entities, ...pack.sources, ...pack.claims].map((e) => e.id));
  const base = `reader.${slug(term)}`;
  const ownIds = (id: string) => [id, `${id}.source`, `${id}.figure`];
  let id = base;
  for (let n = 2; ownIds(id).some((i) => taken.has(i)); n++) id = `${base}-${n}`;
  return id;
}

function figureOf(form: ReaderFactForm): Figure {
  return {
    value: parseNumber(form.figureValue),
    unit: form.figureUnit.trim(),
    qualifier: form.figureQualifier,
    period: form.figurePeriod.trim() || 'total',
  };
}

/** The claim that carries an entity's figure on the form: its own, or the first about it alone. */
function figureClaimOf(pack: FactPack, entityId: string): Claim | undefined {
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
  const source = sourceOf(pack, entity);
  const claim = figureClaimOf(pack, entityId);
  return {
    term: entity.name,
    aliases: entity.aliases.join(', '),
    details: entity.summary,
    kind: entity.kind,
    sourceTitle: source?.title ?? '',
    sourceUrl: source?.url ?? '',
    figureValue: claim?.figure ? String(claim.figure.value) : '',
    figureUnit: claim?.figure?.unit ?? '',
    figureQualifier: claim?.figure?.qualifier ?? 'exact',
    figurePeriod: claim?.figure && claim.figure.period !== 'total' ? claim.figure.period : '',
    figureMeasure: claim?.measure && claim.measure !== entityId ? claim.measure : '',
  };
}

/** The source as the form describes it, keeping what the form does not show (id, publisher, date). */
function sourceFromForm(form: ReaderFactForm, existing: Source | undefined, id: string): Source {
  const url = form.sourceUrl.trim();
  const { url: _oldUrl, ...kept } = existing ?? {
    id,
    publisher: (url && siteOf(url)) || READER_PUBLISHER,
  };
  return { ...kept, title: form.sourceTitle.trim(), ...(url ? { url } : {}) };
}

/** The figure claim as the form describes it, keeping an imported claim's own words. */
function claimFromForm(
  form: ReaderFactForm,
  existing: Claim | undefined,
  entityId: string,
  sourceId: string,
): Claim {
  const figure = figureOf(form);
  const measure = form.figureMeasure.trim() || entityId;
  const words = `${form.term.trim()}: ${describeFigure(figure)}`;
  const own = !existing || existing.id === `${entityId}.figure`;
  const base: Claim = existing ?? {
    id: `${entityId}.figure`,
    statement: words,
    subjects: [entityId],
    sourceId,
    evidence: describeFigure(figure),
  };
  const ownWords = own ? { statement: words, evidence: describeFigure(figure) } : {};
  return { ...base, ...ownWords, figure, measure };
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

function replaceById<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];
}

/** Writes the form into `pack` as entity `entityId` (new or existing); the form must be valid. */
function writeFact(pack: FactPack, entityId: string, form: ReaderFactForm): FactPack {
  const existing = pack.entities.find((e) => e.id === entityId);
  const oldSource = existing && sourceOf(pack, existing);
  const source = form.sourceTitle.trim()
    ? sourceFromForm(form, oldSource, oldSource?.id ?? `${entityId}.source`)
    : undefined;
  const entity = entityFromForm(form, existing, entityId);
  const otherSourceIds = entity.sourceIds.filter((id) => id !== oldSource?.id);
  entity.sourceIds = source ? [source.id, ...otherSourceIds] : otherSourceIds;

  const oldClaim = figureClaimOf(pack, entityId);
  const claims = pack.claims.filter((c) => c.id !== oldClaim?.id);
  if (source && hasFigure(form)) claims.push(claimFromForm(form, oldClaim, entityId, source.id));

  const written: FactPack = {
    ...pack,
    sources: source ? replaceById(pack.sources, source) : pack.sources,
    entities: replaceById(pack.entities, entity),
    // An edited claim keeps its place in the list, so an unchanged edit changes nothing.
    claims: oldClaim ? restoreOrder(pack.claims, claims) : claims,
  };
  return dropIfUnused(written, oldSource ? [oldSource.id] : []);
}

/** `next` ordered like `before` (same ids first, in the old order), then anything new. */
function restoreOrder<T extends { id: string }>(before: T[], next: T[]): T[] {
  const byId = new Map(next.map((x) => [x.id, x]));
  const kept = before.flatMap((x) => byId.get(x.id) ?? []);
  const keptIds = new Set(kept.map((x) => x.id));
  return [...kept, ...next.filter((x) => !keptIds.has(x.id))];
}

/** Removes those of `sourceIds` that no entity or claim refers to any more. */
function dropIfUnused(pack: FactPack, sourceIds: string[]): FactPack {
  const used = new Set([
    ...pack.entities.flatMap((e) => e.sourceIds),
    ...pack.claims.map((c) => c.sourceId),
  ]);
  const drop = new Set(sourceIds.filter((id) => !used.has(id)));
  return { ...pack, sources: pack.sources.filter((s) => !drop.has(s.id)) };
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
 * `pack` without entity `entityId`: claims lose it as a subject (and go when none is left), and
 * sources nothing refers to any more go too.
 */
export function removeFact(pack: FactPack, entityId: string): FactPack {
  const claims = pack.claims.flatMap((c) => {
    if (!c.subjects.includes(entityId)) return [c];
    const subjects = c.subjects.filter((s) => s !== entityId);
    return subjects.length > 0 ? [{ ...c, subjects }] : [];
  });
  const removed = pack.entities.find((e) => e.id === entityId);
  const keptClaims = new Set(claims.map((c) => c.id));
  const orphanCandidates = [
    ...(removed?.sourceIds ?? []),
    ...pack.claims.filter((c) => !keptClaims.has(c.id)).map((c) => c.sourceId),
  ];
  const without = { ...pack, entities: pack.entities.filter((e) => e.id !== entityId), claims };
  return dropIfUnused(without, orphanCandidates);
}
