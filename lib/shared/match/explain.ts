/**
 * The verdict of a claim annotation in one plain sentence, from the fact base: what is compared
 * (the measure's label, or the incident's name), who gave each figure, and the relation of each.
 * The matcher puts it on the annotation and the card data repeats it, so both always agree.
 */
import { ratingSentence } from '@/lib/shared/facts/describe';
import type { Claim, Entity, Figure, Source } from '@/lib/shared/facts/schema';
import {
  dateConflictSentence,
  restatedSentence,
  type VerdictRow,
  verdictSentence,
} from '@/lib/shared/facts/verdict-sentences';
import type { Comparison, EventDate, FigureMention } from './types';
import { overallVerdict } from './verdicts';

/** What the words need from the fact base. */
export interface WordsLookup {
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
  entities: Map<string, Entity>;
  /** Human labels of measures by id ("North Korea's total crypto theft"). */
  measureLabels: Map<string, string>;
}

/** Said for a measure nobody has labelled yet. */
const UNLABELLED = 'this figure';

/** The name of the incident a figure counts ("the Ronin hack"), if the fact base knows it. */
export function incidentName(
  facts: Pick<WordsLookup, 'entities'>,
  figure: Pick<Figure, 'scope' | 'incident'>,
): string | undefined {
  const incident =
    figure.scope === 'incident' && figure.incident && facts.entities.get(figure.incident);
  if (!incident) return undefined;
  return /^the\s/i.test(incident.name) ? incident.name : `the ${incident.name}`;
}

/** What a figure counts, in words: the incident's name, or its measure's label. */
function labelOf(facts: WordsLookup, claim: Claim, figure?: Figure): string {
  return (
    (figure && incidentName(facts, figure)) ||
    (claim.measure && facts.measureLabels.get(claim.measure)) ||
    UNLABELLED
  );
}

/** Names of bodies that read as a sentence's subject only with "the": "the Bureau of …". */
const NEEDS_THE =
  /^(?:(?:U\.?S\.?|US|UK|EU)\s+)?(?:Department|Bureau|Ministry|Committee|Office|Agency|Treasury|Federal|National|House|Senate|State|Justice|Pentagon|White House)\b/;

/** Who gave a claim: the person or body it is attributed to, else its publisher. */
export function whoOf(claim: Claim, source: Source | undefined): string {
  const who = claim.attributedTo ?? source?.publisher ?? 'one source';
  return NEEDS_THE.test(who) ? `the ${who}` : who;
}

/** The rows of a figure's verdict: each compared claim's figure, relation and who gave it. */
function verdictRows(facts: WordsLookup, comparisons: readonly Comparison[]): VerdictRow[] {
  return comparisons.flatMap(({ claimId, verdict }) => {
    const claim = facts.claims.get(claimId);
    if (!claim?.figure) return [];
    return [
      {
        figure: claim.figure,
        relation: verdict,
        who: whoOf(claim, facts.sources.get(claim.sourceId)),
      },
    ];
  });
}

/** The verdict sentence of a figure on the page compared with `comparisons` (`claim` is the best match). */
export function figureReason(
  facts: WordsLookup,
  claim: Claim,
  figure: FigureMention,
  comparisons: readonly Comparison[],
): string {
  const verdict = overallVerdict(comparisons);
  const rows = verdictRows(facts, comparisons);
  const compared = comparisons.find((c) => c.verdict === 'agrees' || c.verdict === 'differs');
  const comparedClaim = compared ? facts.claims.get(compared.claimId) : undefined;
  const label = labelOf(facts, comparedClaim ?? claim, comparedClaim?.figure);
  return verdictSentence(figure, verdict, rows, label);
}

/**
 * The sentence of a restated claim: who made it and when, or the date the page gives instead; for
 * a claim a fact-checker rated, the rating (its source is the review).
 */
export function restatedReason(facts: WordsLookup, claim: Claim, pageDate?: EventDate): string {
  const source = facts.sources.get(claim.sourceId);
  if (claim.rating) return ratingSentence(claim.rating.label, source?.publisher, source?.published);
  const publisher = source?.publisher ?? 'The source';
  if (pageDate && claim.when) return dateConflictSentence(publisher, claim.when, pageDate);
  const who = claim.attributedTo && whoOf(claim, undefined);
  return restatedSentence(who, publisher, claim.when);
}
