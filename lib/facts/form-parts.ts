/**
 * The form's source, quote and figure as a pack's source and claim, and back: what a reader's
 * fact and a reader's note both write. A link alone names its site; a claim quotes its source
 * only with the reader's own quote.
 */
import { describeFigure } from './describe';
import type { ReaderFactForm } from './reader';
import type { Claim, Figure, Source } from './schema';
import { siteName } from './site-name';

export function hasFigure(form: ReaderFactForm): boolean {
  return [form.figureValue, form.figureUnit, form.figureMeasure].some((v) => v.trim() !== '');
}

export function hasSource(form: ReaderFactForm): boolean {
  return form.sourceTitle.trim() !== '' || form.sourceUrl.trim() !== '';
}

export function parseNumber(text: string): number {
  const cleaned = text.replace(/[,\s_]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

function figureOf(form: ReaderFactForm): Figure {
  return {
    value: parseNumber(form.figureValue),
    unit: form.figureUnit.trim(),
    qualifier: form.figureQualifier,
    period: form.figurePeriod.trim() || 'total',
  };
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

/** The form's fields for a source (empty when there is none). */
export function sourceFields(source: Source | undefined) {
  return {
    sourceTitle: source?.title ?? '',
    sourceUrl: source?.url ?? '',
    sourcePublished: source?.published ?? '',
  };
}

/** The form's figure fields for a claim (empty when it has no figure). */
export function figureFields(claim: Claim | undefined, subjectId: string) {
  const figure = claim?.figure;
  return {
    figureValue: figure ? String(figure.value) : '',
    figureUnit: figure?.unit ?? '',
    figureQualifier: figure?.qualifier ?? 'exact',
    figurePeriod: figure && figure.period !== 'total' ? figure.period : '',
    figureMeasure: claim?.measure && claim.measure !== subjectId ? claim.measure : '',
  };
}

/**
 * The claim carrying the form's figure about `subject`, citing `sourceId`; an existing claim keeps
 * its own words and source unless the form wrote them. Its evidence is the reader's quote, or none.
 */
export function figureClaimFrom(
  form: ReaderFactForm,
  existing: Claim | undefined,
  ids: { claimId: string; subject: { id: string; name: string }; sourceId: string },
): Claim {
  const figure = figureOf(form);
  const words = `${ids.subject.name}: ${describeFigure(figure)}`;
  const ownWords = !existing || existing.id === ids.claimId;
  const { evidence: _old, ...base }: Claim = existing ?? {
    id: ids.claimId,
    statement: words,
    subjects: [ids.subject.id],
    sourceId: ids.sourceId,
  };
  const quote = form.quote.trim();
  return {
    ...base,
    // A claim the form wrote follows the form; one written elsewhere keeps its words and source.
    ...(ownWords ? { statement: words, sourceId: ids.sourceId } : {}),
    ...(quote ? { evidence: quote } : {}),
    figure,
    measure: form.figureMeasure.trim() || ids.subject.id,
  };
}
