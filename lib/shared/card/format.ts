/** Words a reader understands for entity kinds, on the card and in the popup. */
import type { EntityKind } from '@/lib/shared/facts/schema';

const KIND_WORDS: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  country: 'Country',
  place: 'Place',
  programme: 'Programme',
  event: 'Event',
  concept: 'Concept',
};

/** An entity kind as a label: "Person". */
export function formatKind(kind: EntityKind): string {
  return KIND_WORDS[kind];
}
