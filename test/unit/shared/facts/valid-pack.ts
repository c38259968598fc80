/** A small valid fact pack and ways to break it, one thing at a time, for the validation tests. */
import type { FactPack } from '@/lib/shared/facts/schema';
import { validatePack } from '@/lib/shared/facts/validate';

/** A small valid pack; tests break one thing at a time. */
export function validPack(): FactPack {
  return {
    format: 1,
    name: 'Test pack',
    sources: [
      {
        id: 'src',
        title: 'An article',
        publisher: 'A paper',
        url: 'https://example.org/a',
        published: '2022-09-14',
      },
      { id: 'spare', title: 'Another article', publisher: 'Another paper' },
    ],
    entities: [
      {
        id: 'wray',
        name: 'Christopher Wray',
        kind: 'person',
        aliases: ['Wray'],
        summary: 'FBI Director.',
        sourceIds: ['src'],
      },
      {
        id: 'nk',
        name: 'North Korea',
        kind: 'country',
        aliases: ['DPRK'],
        summary: 'A country.',
        sourceIds: ['src'],
        generic: true,
      },
    ],
    claims: [
      {
        id: 'theft',
        statement: 'North Korea stole over $1 billion in two years.',
        subjects: ['nk'],
        sourceId: 'src',
        evidence: 'stolen over $1 billion',
        attributedTo: 'Alejandro Mayorkas',
        when: '2022-11',
        figure: { value: 1e9, unit: 'USD', qualifier: 'over', period: 'past:2y' },
        measure: 'dprk.crypto-theft.usd',
      },
    ],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests write deliberately wrong shapes into the pack.
export type Loose = Record<string, any>;

/** `validPack()` after `change`, as untyped JSON-like data. */
export function packWith(change: (pack: Loose) => void): unknown {
  const pack: Loose = structuredClone(validPack());
  change(pack);
  return pack;
}

export function errorsOf(input: unknown) {
  const result = validatePack(input);
  return result.ok ? [] : result.errors;
}

/** How every refusal of something that is not a pack starts. */
export const NOT_A_PACK =
  'The file must be a fact pack (an object with format, sources, entities and claims), not';
