/**
 * Where a card's facts come from, in words: sources as cited (links only if http(s)), fact-checkers'
 * ratings, the notes about a fact and which layer (bundled, yours, an imported pack) each comes from.
 */
import { formatDate, ratingLabel } from '@/lib/shared/facts/describe';
import { describeOrigin, type PackOrigin } from '@/lib/shared/facts/layers';
import type { Claim, NoteTarget, Source } from '@/lib/shared/facts/schema';
import { siteName } from '@/lib/shared/facts/site-name';
import { isWebUrl } from '@/lib/shared/safe-url';
import type { Citation, FactLookup, NoteWords, Origin, RatingWords } from './card-types';

export function noteKey(target: NoteTarget): string {
  return `${target.kind}:${target.id}`;
}

export function citationOf(facts: FactLookup, sourceId: string): Citation | undefined {
  const source = facts.sources.get(sourceId);
  return source && citation(source);
}

/** A source as cited: a link only if http(s); a link alone is named by its site. */
function citation(source: Source): Citation {
  const url = source.url && isWebUrl(source.url) ? source.url : undefined;
  const publisher = source.publisher ?? (url ? siteName(url) : undefined);
  return {
    title: source.title,
    ...(url ? { url } : {}),
    ...(publisher && publisher !== source.title ? { publisher } : {}),
    ...(source.published ? { date: formatDate(source.published) } : {}),
  };
}

/** The rating a fact-checker gave `claim`, reviewed in its source (the review). */
export function ratingOf(claim: Claim, review: Citation | undefined): RatingWords | undefined {
  const { rating } = claim;
  if (!rating) return undefined;
  const { value, worst, best } = rating;
  const scale =
    value !== undefined && best !== undefined
      ? `${value} on a scale from ${worst ?? 1} to ${best}`
      : undefined;
  return {
    label: ratingLabel(rating.label),
    words: rating.label,
    ...(scale && !rating.label.includes(String(value)) ? { scale } : {}),
    ...(review?.publisher ? { by: review.publisher } : {}),
    ...(review?.url ? { url: review.url } : {}),
    ...(review?.date ? { date: review.date } : {}),
  };
}

/** The notes about `target`, the reader's first, then each imported pack's. */
export function notesAbout(facts: FactLookup, target: NoteTarget): NoteWords[] {
  const notes = facts.notes.get(noteKey(target)) ?? [];
  return [...notes]
    .sort((a, b) => Number(b.origin.kind === 'yours') - Number(a.origin.kind === 'yours'))
    .map(({ note, origin, sources }) => ({
      id: note.id,
      text: note.text.trim(),
      ...(note.quote ? { quote: note.quote } : {}),
      sources: sources.map(citation),
      origin: originWords(origin),
    }));
}

export function withOrigin(
  facts: FactLookup,
  list: 'entities' | 'claims' | 'sources',
  id: string,
): { origin?: Origin } {
  const origin = facts.origins.get(`${list}:${id}`);
  return origin ? { origin: originWords(origin) } : {};
}

function originWords(origin: PackOrigin): Origin {
  return { kind: origin.kind, words: describeOrigin(origin) };
}
