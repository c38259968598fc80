/** A small fact base for the card and summary tests. */
import type { FactPack } from '@/lib/facts/schema';
import { buildIndex } from '@/lib/match/index';

export const pack: FactPack = {
  format: 1,
  sources: [
    {
      id: 's1',
      title: 'Defending against threats',
      publisher: 'CSI',
      url: 'https://example.org/a',
      published: '2023-08',
    },
    { id: 's2', title: 'Hearing <b>notes</b>', publisher: 'Congress', url: 'javascript:alert(1)' },
  ],
  entities: [
    {
      id: 'wray',
      name: 'Christopher Wray',
      kind: 'person',
      aliases: ['Wray'],
      summary: 'Director of the FBI. <script>alert(1)</script>',
      sourceIds: ['s1'],
    },
    {
      id: 'nk',
      name: 'North Korea',
      kind: 'country',
      aliases: [],
      summary: 'A country.',
      sourceIds: ['s2'],
    },
  ],
  claims: [
    {
      id: 'c2b',
      statement: 'North Korea funded about $2 billion through crypto crime.',
      subjects: ['nk'],
      sourceId: 's1',
      evidence: 'successfully funded $2b',
      when: '2023-08',
      figure: { value: 2e9, unit: 'USD', qualifier: 'about', period: 'total' },
      measure: 'dprk.crypto-theft.usd',
    },
    {
      id: 'c1b',
      statement: 'Over $1 billion stolen in the past two years.',
      subjects: ['nk'],
      sourceId: 's2',
      evidence: 'stolen over $1 billion',
      attributedTo: 'Alejandro Mayorkas',
      when: '2023-07',
      figure: { value: 1e9, unit: 'USD', qualifier: 'over', period: 'past:2y' },
      measure: 'dprk.crypto-theft.usd',
    },
    {
      id: 'cwray',
      statement: 'Wray said espionage is growing.',
      subjects: ['wray', 'nk'],
      sourceId: 's1',
      evidence: 'growing espionage',
      attributedTo: 'Christopher Wray',
    },
  ],
};

export const index = buildIndex(pack);
