/** Words a reader understands for figures, periods, verdicts and dates on the card. */
import type { EntityKind } from '@/lib/facts/schema';
import type { Verdict } from '@/lib/match/types';

const VERDICT_WORDS: Record<Verdict, string> = {
  agrees: 'Agrees with the sources',
  differs: 'Differs from every source',
  'other-period': 'Sources give it for another period',
  'different-unit': 'Sources use another unit',
  'other-scope': 'Sources count something else',
};

/** The verdict as a short heading. */
export function formatVerdict(verdict: Verdict): string {
  return VERDICT_WORDS[verdict];
}

const KIND_WORDS: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  country: 'Country',
  place: 'Place',
  programme: 'Programme',
  event: 'Event',
  concept: 'Concept',
};

/** An entity kind as a label. */
export function formatKind(kind: EntityKind): string {
  return KIND_WORDS[kind];
}
