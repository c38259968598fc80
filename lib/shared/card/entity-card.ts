/** The card of an entity: who or what it is, its sources, notes and newest related claims. */
import { formatDate } from '@/lib/shared/facts/describe';
import type { Claim } from '@/lib/shared/facts/schema';
import { whoOf } from '@/lib/shared/match/explain';
import type { EntityCardData, FactLookup, RelatedClaim } from './card-types';
import { citationOf, notesAbout, ratingOf, withOrigin } from './citation';
import { formatKind } from './format';

/** How many related claims an entity card lists. */
const MAX_RELATED_CLAIMS = 4;

export function entityCard(entityId: string, facts: FactLookup): EntityCardData | undefined {
  const entity = facts.entities.get(entityId);
  if (!entity) return undefined;
  const claims = [...(facts.claimsBySubject.get(entityId) ?? [])]
    .sort((a, b) => (b.when ?? '').localeCompare(a.when ?? ''))
    .slice(0, MAX_RELATED_CLAIMS)
    .map((claim) => relatedClaim(claim, facts));
  return {
    kind: 'entity',
    entity,
    kindWords: formatKind(entity.kind),
    ...withOrigin(facts, 'entities', entity.id),
    sources: [...new Set(entity.sourceIds)].flatMap((id) => citationOf(facts, id) ?? []),
    notes: notesAbout(facts, { kind: 'entity', id: entityId }),
    claims,
  };
}

function relatedClaim(claim: Claim, facts: FactLookup): RelatedClaim {
  const source = facts.sources.get(claim.sourceId);
  const cited = citationOf(facts, claim.sourceId);
  const rating = ratingOf(claim, cited);
  return {
    claim,
    statement: claim.statement,
    ...(claim.attributedTo ? { who: whoOf(claim, source) } : {}),
    ...(claim.when ? { date: formatDate(claim.when) } : {}),
    ...(cited ? { source: cited } : {}),
    ...(rating ? { rating } : {}),
    ...withOrigin(facts, 'claims', claim.id),
  };
}
