/**
 * The form's source, quote and figure as a pack's source and claim, and back: what a reader's
 * fact and a reader's note both write. A link alone names its site; a claim quotes its source
 * only with the reader's own quote. The figure is typed as news writes it and read by the page's
 * figure reader; a figure shown for editing and left as it was is kept exactly as stored.
 */

import { describeFigure, figureAsTyped } from '@/lib/shared/facts/describe';
import type { Claim, FactPack, Figure, Source } from '@/lib/shared/facts/schema';
import { siteName } from '@/lib/shared/facts/site-name';
import { type FigureReading, readFigure } from '@/lib/shared/match/read-figure';
import { normaliseName } from './edit';
import { ownMeasureId } from './measures';
import type { ReaderFactForm } from './reader';

export function hasFigure(form: ReaderFactForm): boolean {
  return form.figure.trim() !== '';
}

export function hasSource(form: ReaderFactForm): boolean {
  return form.sourceTitle.trim() !== '' || form.sourceUrl.trim() !== '';
}

/**
 * The figure the form's text gives, or why it cannot be read. The source's date anchors "last
 * year"; a text still exactly as `stored` was shown gives `stored` back, so an edit that leaves the
 * figure alone never changes it (even one in a unit the reader of pages does not know).
 */
export function readFormFigure(form: ReaderFactForm, stored?: Figure): FigureReading {
  const typed = form.figure.trim();
  if (stored && typed === figureAsTyped(stored))
    return { ok: true, figure: { ...stored, text: typed } };
  const published = form.sourcePublished.trim();
  return readFigure(typed, published ? { published } : {});
}

/** The figure to store: the reading of the form's text, scoped as the form says. */
function figureOf(
  form: ReaderFactForm,
  stored: Figure | undefined,
  ownId: string,
): Figure | undefined {
  const reading = readFormFigure(form, stored);
  if (!reading.ok) return undefined;
  const incident = form.incident || ownId;
  const unchanged =
    stored !== undefined &&
    form.figure.trim() === figureAsTyped(stored) &&
    (stored.scope ?? 'total') === form.scope &&
    (form.scope === 'total' || stored.incident === incident);
  if (unchanged) return stored;
  const { value, unit, qualifier, period } = reading.figure;
  return form.scope === 'incident'
    ? { value, unit, qualifier, period, scope: 'incident', incident }
    : { value, unit, qualifier, period, scope: 'total' };
}

/**
 * The source as the form describes it, keeping what the form does not show (its id, and a
 * publisher the reader did not derive from the link); undefined when the form gives none.
 */
export function sourceFromForm(
  form: ReaderFactForm,
  existing: Source | undefined,
  id: string,
): Source | undefined {
  const url = form.sourceUrl.trim();
  const site = url ? siteName(url) : undefined;
  const title = form.sourceTitle.trim() || site;
  if (!title) return undefined;
  const oldSite = existing?.url ? siteName(existing.url) : undefined;
  const keptPublisher = existing?.publisher !== oldSite ? existing?.publisher : undefined;
  // A title of the reader's own with a link: the site published it. A link alone: its title says so.
  const publisher = keptPublisher ?? (form.sourceTitle.trim() ? site : undefined);
  const published = form.sourcePublished.trim();
  return {
    id: existing?.id ?? id,
    title,
    ...(publisher === undefined ? {} : { publisher }),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
  };
}

/** The form's source and figure fields for a fact or a note citing `source` with `claim`'s figure. */
export function sourceAndFigureFields(source: Source | undefined, claim: Claim | undefined) {
  return { ...sourceFields(source), ...figureFields(claim) };
}

/** The form's fields for a source (empty when there is none). */
function sourceFields(source: Source | undefined) {
  return {
    sourceTitle: source?.title ?? '',
    sourceUrl: source?.url ?? '',
    sourcePublished: source?.published ?? '',
  };
}

/** The form's figure fields for a claim (empty when it has no figure). */
function figureFields(
  claim: Claim | undefined,
): Pick<ReaderFactForm, 'figure' | 'measure' | 'newMeasure' | 'scope' | 'incident'> {
  const figure = claim?.figure;
  if (!figure) return { figure: '', measure: '', newMeasure: '', scope: 'total', incident: '' };
  const own = figure.incident !== undefined && claim.subjects[0] === figure.incident;
  return {
    figure: figureAsTyped(figure),
    measure: claim.measure ?? '',
    newMeasure: '',
    scope: figure.scope ?? 'total',
    // The fact's own term (or what the note is on) is the form's default incident.
    incident: own ? '' : (figure.incident ?? ''),
  };
}

/** The ids of the claim a form's figure becomes: its own, what it is about, the source it cites. */
interface FigureClaimIds {
  claimId: string;
  subject: { id: string; name: string };
  sourceId: string;
}

/**
 * `pack`'s claims with `existing` taken out and, given `ids`, the claim carrying the form's figure put
 * in; and the pack with the label of a measure the reader named. Without `ids` (no figure, or no
 * source to cite) the form writes no claim.
 */
export function withFigureClaim(
  pack: FactPack,
  form: ReaderFactForm,
  existing: Claim | undefined,
  ids: FigureClaimIds | undefined,
): { pack: FactPack; claims: Claim[] } {
  const claims = pack.claims.filter((c) => c !== existing);
  const written = ids && figureClaimFrom(pack, form, existing, ids);
  if (written?.claim) claims.push(written.claim);
  return { pack: written?.pack ?? pack, claims };
}

/**
 * The claim carrying the form's figure about `subject`, citing `sourceId`, and the pack with the
 * label of a measure the reader named; an existing claim keeps its own words and source unless
 * the form wrote them. Its evidence is the reader's quote, or none. The form must be valid.
 */
function figureClaimFrom(
  pack: FactPack,
  form: ReaderFactForm,
  existing: Claim | undefined,
  ids: FigureClaimIds,
): { pack: FactPack; claim?: Claim } {
  const figure = figureOf(form, existing?.figure, ids.subject.id);
  if (!figure) return { pack };
  const { pack: labelled, measureId } = chosenMeasure(pack, form);
  const words = `${ids.subject.name}: ${describeFigure(figure)}`;
  const ownWords = !existing || existing.id === ids.claimId;
  const { evidence: _old, ...base }: Claim = existing ?? {
    id: ids.claimId,
    statement: words,
    subjects: [ids.subject.id],
    sourceId: ids.sourceId,
  };
  const quote = form.quote.trim();
  const claim: Claim = {
    ...base,
    // A claim the form wrote follows the form; one written elsewhere keeps its words and source.
    ...(ownWords ? { statement: words, sourceId: ids.sourceId } : {}),
    ...(quote ? { evidence: quote } : {}),
    figure,
    measure: measureId,
  };
  return { pack: labelled, claim };
}

/** The measure the form chose, or the reader's new one (added to `pack` with its label). */
function chosenMeasure(
  pack: FactPack,
  form: ReaderFactForm,
): { pack: FactPack; measureId: string } {
  if (form.measure) return { pack, measureId: form.measure };
  const label = form.newMeasure.replace(/\s+/g, ' ').trim();
  const measures = pack.measures ?? [];
  const known = measures.find((m) => normaliseName(m.label) === normaliseName(label));
  if (known) return { pack, measureId: known.id };
  const id = ownMeasureId(pack, label);
  return { pack: { ...pack, measures: [...measures, { id, label }] }, measureId: id };
}
