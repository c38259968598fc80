/** Everything one card shows, resolved from an annotation and the fact base (pure). */
import type { Claim, Entity, Source } from '@/lib/facts/schema';
import type { FactIndex } from '@/lib/match/index';
import type { Annotation, Verdict } from '@/lib/match/types';

/** The lookups the card and the summary need from the fact index. */
export type FactLookup = Pick<FactIndex, 'entities' | 'claims' | 'sources' | 'claimsBySubject'>;

/** A claim with the source it comes from. */
export interface SourcedClaim {
  claim: Claim;
  source?: Source;
}

export interface EntityCardData {
  kind: 'entity';
  entity: Entity;
  /** Claims about the entity, newest first. */
  claims: SourcedClaim[];
  sources: Source[];
}

export interface FigureCardData {
  kind: 'claim';
  annotation: Annotation;
  /** The claim the page's figure speaks about. */
  claim?: Claim;
  /** Each source figure of the same measure and how the page compares with it. */
  comparisons: (SourcedClaim & { verdict: Verdict })[];
  sources: Source[];
}

export type CardData = EntityCardData | FigureCardData;

/** How many related claims an entity card lists. */
const MAX_RELATED_CLAIMS = 4;

/** The card for `annotation`, or undefined if its fact is not in the fact base. */
export function cardDataFor(annotation: Annotation, facts: FactLookup): CardData | undefined {
  return annotation.kind === 'entity'
    ? entityCard(annotation.factId, facts)
    : figureCard(annotation, facts);
}

function entityCard(entityId: string, facts: FactLookup): EntityCardData | undefined {
  const entity = facts.entities.get(entityId);
  if (!entity) return undefined;
  const claims = [...(facts.claimsBySubject.get(entityId) ?? [])]
    .sort((a, b) => (b.when ?? '').localeCompare(a.when ?? ''))
    .slice(0, MAX_RELATED_CLAIMS)
    .map((claim) => sourced(claim, facts));
  const sourceIds = [...entity.sourceIds, ...claims.map((c) => c.claim.sourceId)];
  return { kind: 'entity', entity, claims, sources: sourcesOf(sourceIds, facts) };
}

function figureCard(annotation: Annotation, facts: FactLookup): FigureCardData | undefined {
  const claim = facts.claims.get(annotation.factId);
  if (!claim) return undefined;
  const comparisons = (annotation.comparisons ?? []).flatMap(({ claimId, verdict }) => {
    const compared = facts.claims.get(claimId);
    return compared ? [{ ...sourced(compared, facts), verdict }] : [];
  });
  const sourceIds = [claim.sourceId, ...comparisons.map((c) => c.claim.sourceId)];
  return { kind: 'claim', annotation, claim, comparisons, sources: sourcesOf(sourceIds, facts) };
}

function sourced(claim: Claim, facts: FactLookup): SourcedClaim {
  return { claim, source: facts.sources.get(claim.sourceId) };
}

/** Distinct sources for the ids, in first-mention order, skipping unknown ids. */
function sourcesOf(ids: readonly string[], facts: FactLookup): Source[] {
  return [...new Set(ids)].flatMap((id) => {
    const source = facts.sources.get(id);
    return source ? [source] : [];
  });
}
