/** Words a reader understands for entity kinds and verdicts on the card. */
import { VERDICT_LABELS } from '@/lib/facts/describe';
import type { EntityKind } from '@/lib/facts/schema';
import type { Verdict } from '@/lib/match/types';

/** The verdict as a short heading (the words live with the other figure words, in describe.ts). */
export function formatVerdict(verdict: Verdict): string {
  return VERDICT_LABELS[verdict];
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
