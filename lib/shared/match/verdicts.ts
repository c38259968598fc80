/**
 * How a figure on the page compares with each source figure of the same measure, and overall
 * (docs/architecture.md, "Figure rules"). Only the same scope (total or the same
 * incident), the same unit and the same period are compared; everything else is shown side by side.
 */
import type { Claim, Figure } from '@/lib/shared/facts/schema';
import type { Comparison, FigureMention, Verdict } from './types';

/** Relative tolerance of "about" (docs/architecture.md, "Figure rules": ±10 %). */
const ABOUT_TOLERANCE = 0.1;
/** Exact figures are rounded in news ("$2b" for $2.04 billion): half a percent either way. */
const EXACT_TOLERANCE = 0.005;

/** The closed range of values a figure allows, given its qualifier. */
export function boundsOf(figure: Pick<Figure, 'value' | 'qualifier'>): [number, number] {
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

/** The page's value in `unit`: its own, or a bracketed conversion's ("$3bn (£2.4bn)"). */
export function valueIn(page: Figure | FigureMention, unit: string): number | undefined {
  if (page.unit === unit) return page.value;
  return 'conversions' in page ? page.conversions?.find((c) => c.unit === unit)?.value : undefined;
}

/** True if both figures count the same scope: both totals, or both the same named incident. */
export function sameScope(page: Figure, source: Figure): boolean {
  const pageScope = page.scope ?? 'total';
  if (pageScope !== (source.scope ?? 'total')) return false;
  return (
    pageScope === 'total' || (page.incident !== undefined && page.incident === source.incident)
  );
}

/** How one page figure compares with one source figure. */
export function compareFigures(page: Figure | FigureMention, source: Figure): Verdict {
  if (!sameScope(page, source)) return 'other-scope';
  const value = valueIn(page, source.unit);
  if (value === undefined) return 'different-unit';
  if (page.period !== source.period) return 'other-period';
  const [a0, a1] = boundsOf({ value, qualifier: page.qualifier });
  const [b0, b1] = boundsOf(source);
  return a0 <= b1 && b0 <= a1 ? 'agrees' : 'differs';
}

/**
 * The source claims a page figure is shown with: for a total, the measure's totals; for an incident,
 * that incident's figures and the totals (side by side). Other incidents are left out.
 */
export function claimsToShow(page: Figure, measureClaims: readonly Claim[]): Claim[] {
  return measureClaims.filter((c) => {
    if (!c.figure) return false;
    if ((c.figure.scope ?? 'total') === 'total') return true;
    return (
      page.scope === 'incident' &&
      page.incident !== undefined &&
      c.figure.incident === page.incident
    );
  });
}

/** Comparisons of the page figure with each claim (claims without a figure are skipped). */
export function compareWithClaims(
  page: Figure | FigureMention,
  claims: readonly Claim[],
): Comparison[] {
  const out: Comparison[] = [];
  for (const claim of claims) {
    if (claim.figure) out.push({ claimId: claim.id, verdict: compareFigures(page, claim.figure) });
  }
  return out;
}

/** When nothing is comparable, the closest relation wins: another period, then unit, then scope. */
const SIDE_BY_SIDE: Verdict[] = ['other-period', 'different-unit', 'other-scope'];

/**
 * The overall verdict. The page figure "differs" only if at least one source figure has the same
 * scope, unit and period AND the page is outside the bounds of every one of those; if any of them
 * agrees, it "agrees". Otherwise the figures are only shown side by side, never called a conflict.
 */
export function overallVerdict(comparisons: readonly Comparison[]): Verdict {
  const comparable = comparisons.filter((c) => c.verdict === 'agrees' || c.verdict === 'differs');
  if (comparable.length > 0) {
    return comparable.some((c) => c.verdict === 'agrees') ? 'agrees' : 'differs';
  }
  return SIDE_BY_SIDE.find((v) => comparisons.some((c) => c.verdict === v)) ?? 'other-scope';
}
