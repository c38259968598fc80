/**
 * Fact-checkers' schema.org ClaimReview markup (JSON-LD) as a fact pack: each review becomes a
 * claim (the claim reviewed, who made it and when) with the checker's rating, citing the review
 * itself as its source (the checker, the review's link and date). Accepts what checkers publish:
 * one review, a list, an `@graph`, or a DataFeed of them (Google's feed format). A review's
 * subjects are the known entities its claim names, so the restated-claim matcher can find it.
 * Reviews without a claim or a rating are refused, each with its reason.
 */

import { isRecord, type Json, own } from '@/lib/shared/facts/json';
import type { Claim, Entity, FactPack, Rating, Source } from '@/lib/shared/facts/schema';
import { isWebUrl } from '@/lib/shared/safe-url';
import { normaliseName, slug } from './edit';

/** An entry of the file left out of the import, and why, in a reader's words. */
export interface Refusal {
  label: string;
  reason: string;
}

// Checkers nest reviews a few levels deep at most (DataFeed → DataFeedItem → item → ClaimReview).
const MAX_DEPTH = 6;

/** True when `input` holds at least one ClaimReview where checkers put them. */
export function isClaimReviewDocument(input: unknown): boolean {
  return findReviews(input).length > 0;
}

/**
 * The reviews in `input` as a pack. `known` are the entities of the fact base, whose names in a
 * claim make them its subjects.
 */
export function claimReviewsToPack(
  input: unknown,
  known: readonly Entity[],
): { pack: FactPack; refused: Refusal[] } {
  const refused: Refusal[] = [];
  const sources = new Map<string, Source>();
  const claims: Claim[] = [];
  const checkers = new Map<string, string | undefined>();
  const findSubjects = subjectFinder(known);
  for (const [i, review] of findReviews(input).entries()) {
    const claimText = text(own(review, 'claimReviewed'));
    const label = `Fact check ${i + 1}${claimText ? ` (“${shorten(claimText)}”)` : ''}`;
    const rating = ratingOf(first(own(review, 'reviewRating')));
    if (!claimText || !rating) {
      const reason = claimText
        ? 'it gives no rating (reviewRating)'
        : 'it names no claim (claimReviewed)';
      refused.push({ label, reason });
      continue;
    }
    const checker = first(own(review, 'author')) ?? first(own(review, 'publisher'));
    const checkerName = text(nameOf(checker));
    if (checkerName)
      checkers.set(checkerName, webUrl(isRecord(checker) ? own(checker, 'url') : undefined));
    const source = sourceOf(review, checkerName, sources.size);
    if (!sources.has(source.id)) sources.set(source.id, source);
    claims.push(claimOf(review, claimText, rating, source.id, findSubjects(claimText), claims));
  }
  const [onlyChecker] = checkers.size === 1 ? [...checkers] : [];
  const pack: FactPack = {
    format: 1,
    name: onlyChecker ? `Fact checks by ${onlyChecker[0]}` : 'Fact checks',
    ...(onlyChecker ? { author: onlyChecker[0] } : {}),
    ...(onlyChecker?.[1] ? { url: onlyChecker[1] } : {}),
    sources: [...sources.values()],
    entities: [],
    claims,
  };
  return { pack, refused };
}

function findReviews(input: unknown, depth = 0): Json[] {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(input)) return input.flatMap((item) => findReviews(item, depth + 1));
  if (!isRecord(input)) return [];
  if (hasType(input, 'ClaimReview')) return [input];
  // @graph (JSON-LD), dataFeedElement (DataFeed), item (DataFeedItem).
  return ['@graph', 'dataFeedElement', 'item'].flatMap((key) =>
    findReviews(own(input, key), depth + 1),
  );
}

function hasType(node: Json, type: string): boolean {
  const types = own(node, '@type');
  const list = Array.isArray(types) ? types : [types];
  // "ClaimReview", "schema:ClaimReview" and "https://schema.org/ClaimReview" all name it.
  return list.some((t) => typeof t === 'string' && t.split(/[/:#]/).at(-1) === type);
}

function ratingOf(node: unknown): Rating | undefined {
  if (!isRecord(node)) return undefined;
  const value = numberOf(own(node, 'ratingValue'));
  const best = numberOf(own(node, 'bestRating'));
  const worst = numberOf(own(node, 'worstRating'));
  const words = text(own(node, 'alternateName')) ?? text(own(node, 'name'));
  const label = words ?? (value === undefined ? undefined : `${value}${best ? ` of ${best}` : ''}`);
  if (label === undefined) return undefined;
  return {
    label,
    ...(value === undefined ? {} : { value }),
    ...(best === undefined ? {} : { best }),
    ...(worst === undefined ? {} : { worst }),
  };
}

/** The review article as a source; reviews in one article (same link) share it. */
function sourceOf(review: Json, checker: string | undefined, index: number): Source {
  const url = webUrl(own(review, 'url'));
  const published = dateOf(own(review, 'datePublished'));
  const title =
    text(own(review, 'headline')) ??
    text(own(review, 'name')) ??
    (checker ? `Fact check by ${checker}` : 'Fact check');
  return {
    id: `claimreview.source.${url ?? index}`,
    title,
    ...(checker ? { publisher: checker } : {}),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
  };
}

function claimOf(
  review: Json,
  statement: string,
  rating: Rating,
  sourceId: string,
  subjects: string[],
  earlier: Claim[],
): Claim {
  const item = first(own(review, 'itemReviewed'));
  const claimant = isRecord(item) ? text(nameOf(first(own(item, 'author')))) : undefined;
  const when = isRecord(item) ? dateOf(own(item, 'datePublished')) : undefined;
  // Stable across imports of the same feed, so a later import is seen as the same claims.
  const base = `claimreview.${slug(sourceId)}.${slug(statement)}`;
  const taken = new Set(earlier.map((c) => c.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return {
    id,
    statement,
    subjects,
    sourceId,
    ...(claimant ? { attributedTo: claimant } : {}),
    ...(when ? { when } : {}),
    rating,
  };
}

/** A function giving the ids of the known entities whose name or an alias a text contains. */
function subjectFinder(known: readonly Entity[]): (text: string) => string[] {
  const forms = known.flatMap((entity) =>
    [entity.name, ...entity.aliases]
      .map((form) => ({ id: entity.id, words: wordsOf(form) }))
      // Two letters ("US", "UN") match too much inside other claims' words to tell a subject.
      .filter(({ words }) => words.trim().length > 2),
  );
  return (claim) => {
    const words = wordsOf(claim);
    return [...new Set(forms.filter((f) => words.includes(f.words)).map(({ id }) => id))];
  };
}

/** Lower-cased words between spaces, so a search for " kim " finds whole words only. */
function wordsOf(text: string): string {
  return ` ${normaliseName(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

function nameOf(node: unknown): unknown {
  return isRecord(node) ? own(node, 'name') : node;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.replace(/\s+/g, ' ').trim()
    : undefined;
}

function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function webUrl(value: unknown): string | undefined {
  const url = text(value);
  return url && isWebUrl(url) ? url : undefined;
}

/** "2023-04-12T10:00:00Z" → "2023-04-12"; anything that is not an ISO date → undefined. */
function dateOf(value: unknown): string | undefined {
  return text(value)?.match(/^\d{4}(?:-\d{2}(?:-\d{2})?)?/)?.[0];
}

function shorten(words: string): string {
  return words.length > 40 ? `${words.slice(0, 40).trimEnd()}…` : words;
}
