/** Synthetic reader facts: people with varied names (first, surname, a short form), as a reader adds them. */
import type { Entity } from '@/lib/facts/schema';

const FIRST = ['Margit', 'Tomasz', 'Aiko', 'Dmitri', 'Lucía', 'Kwame', 'Sven', 'Noor'];
const LAST = ['Varga', 'Nowak', 'Tanaka', 'Orlov', 'Ruiz', 'Mensah', 'Berg', 'Haddad'];

/** `n` person entities "First Quell<i> Last" with the alias "First Last<i>" and a short form. */
export function readerFacts(n: number): Entity[] {
  return Array.from({ length: n }, (_, i) => {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[(i >> 3) % LAST.length] as string;
    return {
      id: `reader-${i}`,
      name: `${first} Quell${i} ${last}`,
      kind: 'person',
      aliases: [`${first} ${last}${i}`, `Quell${i}`],
      summary: `Synthetic reader fact ${i}.`,
      sourceIds: [],
    };
  });
}
