import type { Claim, Figure, Qualifier } from '@/lib/facts/schema';

/** How a figure on the page compares with the claims of the same measure (DESIGN.md). */
export type Verdict = 'agrees' | 'differs' | 'other-period' | 'different-unit';

/** A figure as written on the page, normalised. */
export interface FigureMention extends Figure {
  /** The text as it appears, e.g. "over $1 billion". */
  text: string;
  qualifier: Qualifier;
}

/** One source figure the page's figure was compared with. */
export interface Comparison {
  claimId: Claim['id'];
  verdict: Verdict;
}

/** One thing found in the article text: an entity mention or a figure claim. Offsets index the text given to the matcher. */
export interface Annotation {
  start: number;
  end: number;
  kind: 'entity' | 'claim';
  /** Entity id for kind "entity"; the best-matching claim id for kind "claim". */
  factId: string;
  text: string;
  /** For claims: what the page says. */
  figure?: FigureMention;
  /** For claims: the overall verdict; "differs" means a conflict. */
  verdict?: Verdict;
  /** For claims: one line a reader understands, e.g. "this page: $3 billion; sources: $2b overall, over $1 billion in two years". */
  reason?: string;
  /** For claims: each claim of the same measure and how the page's figure compares with it. */
  comparisons?: Comparison[];
}
