import type { Claim, Figure, Qualifier } from '@/lib/shared/facts/schema';

/**
 * How a figure or statement on the page compares with a source (docs/architecture.md, "Figure rules"):
 * - agrees: same measure, scope and period, within the source's bounds (a restated claim: same event,
 *   no other date);
 * - differs: same measure, scope and period, outside every such source's bounds — a conflict (a
 *   restated claim: the page puts the event at another date);
 * - other-period / other-scope / different-unit: shown side by side, never a conflict.
 */
export type Verdict = 'agrees' | 'differs' | 'other-period' | 'other-scope' | 'different-unit';

/** A value in a unit, without qualifier or period: "£2.4bn" in "$3bn (£2.4bn)". */
export interface Amount {
  value: number;
  unit: string;
}

/** A figure as written on the page, normalised. */
export interface FigureMention extends Figure {
  /** The text as it appears, e.g. "over $1 billion", "$3bn (£2.4bn)". */
  text: string;
  qualifier: Qualifier;
  /** The same figure in other units, given in brackets on the page ("$3bn (£2.4bn)"). */
  conversions?: Amount[];
  /** For one incident: the page's words naming it ("one game network", "the Harmony bridge hack"). */
  incidentWords?: string;
}

/** One source claim the page was compared with. */
export interface Comparison {
  claimId: Claim['id'];
  verdict: Verdict;
}

/** A date as a page gives it for an event: a year, a month, or both. */
export interface EventDate {
  /** The page's words, e.g. "In March", "in July 2022". */
  text: string;
  year?: number;
  month?: number;
}

/**
 * One thing found in the article text: an entity mention, a figure claim, or a restated claim.
 * Offsets index the text given to the matcher.
 */
export interface Annotation {
  start: number;
  end: number;
  kind: 'entity' | 'claim';
  /** Entity id for kind "entity"; the best-matching claim id for kind "claim". */
  factId: string;
  text: string;
  /** For figure claims: what the page says. Restated claims (no figure on the page) have none. */
  figure?: FigureMention;
  /** For claims: the overall verdict; "differs" means a conflict. */
  verdict?: Verdict;
  /** For claims: the verdict in one plain sentence (lib/shared/facts/describe.ts, verdictSentence). */
  reason?: string;
  /** For figure claims: each source figure of the same measure and how the page's figure compares. */
  comparisons?: Comparison[];
  /** For restated claims: the date the page gives the event, when it is not the source's. */
  pageDate?: EventDate;
}
