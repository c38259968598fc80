/**
 * Compares a figure on the page with every source claim of the same measure (DESIGN.md verdicts)
 * and says so in one line a reader understands.
 */

import { describeFigure } from '@/lib/facts/describe';
import type { Claim, Figure } from '@/lib/facts/schema';
import type { Comparison, Verdict } from './types';

/** Relative tolerance of "about" (DESIGN.md: ±10 %). */
const ABOUT_TOLERANCE = 0.1;
/** Exact figures are rounded in news ("$2b" for $2.04 billion): half a percent either way. */
const EXACT_TOLERANCE = 0.005;

/** The closed range of values a figure allows, given its qualifier. */
export function boundsOf(figure: Figure): [number, number] {
  const v = figure.value;
  switch (figure.qualifier) {
    case 'over':
      return [v, Number.POSITIVE_INFINITY];
    case 'under':
    case 'up-to':
      return [0, v];
    case 'about':
      return [v * (1 - ABOUT_TOLERANCE), v * (1 + ABOUT_TOLERANCE)];
    default:
      return [v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)];
  }
}

/** How one page figure compares with one source figure. */
export function compareFigures(page: Figure, source: Figure): Verdict {
  if (page.unit !== source.unit) return 'different-unit';
  if (page.period !== source.period) return 'other-period';
  const [a0, a1] = boundsOf(page);
  const [b0, b1] = boundsOf(source);
  return a0 <= b1 && b0 <= a1 ? 'agrees' : 'differs';
}

/** Comparisons of the page figure with each claim (claims without a figure are skipped). */
export function compareWithClaims(page: Figure, claims: Claim[]): Comparison[] {
  const out: Comparison[] = [];
  for (const claim of claims) {
    if (claim.figure) out.push({ claimId: claim.id, verdict: compareFigures(page, claim.figure) });
  }
  return out;
}

/**
 * The overall verdict. Rule: the page figure "differs" only if at least one source figure has the
 * same unit and period AND the page conflicts with every one of those; if any of them agrees, it
 * "agrees". With no same-period figure it is "other-period" (shown side by side, never a conflict),
 * and with no same-unit figure at all, "different-unit".
 */
export function overallVerdict(comparisons: Comparison[]): Verdict {
  const samePeriod = comparisons.filter((c) => c.verdict === 'agrees' || c.verdict === 'differs');
  if (samePeriod.length > 0) {
    return samePeriod.some((c) => c.verdict === 'agrees') ? 'agrees' : 'differs';
  }
  return comparisons.some((c) => c.verdict === 'other-period') ? 'other-period' : 'different-unit';
}

/** "this page: $3 billion; sources: $2 billion overall, over $1 billion in the past 2 years". */
export function reasonLine(page: Figure, claims: Claim[]): string {
  const sources = claims.flatMap((c) => (c.figure ? [describeFigure(c.figure)] : []));
  const unique = [...new Set(sources)];
  return `this page: ${describeFigure(page)}; sources: ${unique.join(', ')}`;
}
