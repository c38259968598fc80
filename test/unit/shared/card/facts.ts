/**
 * A small fact base for the card and summary tests, in three layers as the extension stacks them:
 * bundled facts, a pack the reader imported, and the reader's own notes.
 */
import type { ImportedOrigin } from '@/lib/shared/facts/layers';
import type { FactPack } from '@/lib/shared/facts/schema';
import { BUNDLED, layeredLookup } from '../../lookup';

const pack: FactPack = {
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
      sourceIds: ['s2', 's1'],
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
  measures: [{ id: 'dprk.crypto-theft.usd', label: 'North Korea’s total crypto theft' }],
};

const IMPORTED: ImportedOrigin = {
  kind: 'imported',
  packId: 'p1',
  name: 'Lazarus notes',
  author: 'Jane Doe',
  importedAt: '2026-05-03T10:00:00Z',
};

/** A pack someone else made: a figure of the same measure, a fact-checked claim, a note. */
const imported: FactPack = {
  format: 1,
  name: 'Lazarus notes',
  author: 'Jane Doe',
  sources: [
    { id: 'j1', title: 'Jane’s blog', url: 'https://jane.example/post' },
    {
      id: 'fc',
      title: 'No, North Korea did not steal $3 billion in 2022',
      publisher: 'Example Fact Check',
      url: 'https://factcheck.example/nk',
      published: '2023-05-03',
    },
  ],
  entities: [],
  claims: [
    {
      id: 'j5b',
      statement: 'North Korea stole $5 billion.',
      subjects: ['nk'],
      sourceId: 'j1',
      figure: { value: 5e9, unit: 'USD', qualifier: 'exact', period: 'total' },
      measure: 'dprk.crypto-theft.usd',
    },
    {
      id: 'review',
      statement: 'North Korea stole $3 billion in 2022 alone.',
      subjects: ['nk'],
      sourceId: 'fc',
      attributedTo: 'A viral post',
      when: '2023-04-28',
      rating: { label: 'Mostly False', value: 2, best: 6, worst: 1 },
    },
  ],
  notes: [
    { id: 'jn', about: { kind: 'entity', id: 'nk' }, text: 'Jane thinks so too.', sourceIds: [] },
  ],
};

/** The reader's own: a note on Wray with a link alone as its source, a note on a claim. */
const yours: FactPack = {
  format: 1,
  sources: [{ id: 'y1', title: 'fbi.gov', url: 'https://www.fbi.gov/news/x' }],
  entities: [],
  claims: [],
  notes: [
    {
      id: 'n1',
      about: { kind: 'entity', id: 'wray' },
      text: 'Left the FBI in 2025.',
      sourceIds: ['y1'],
    },
    {
      id: 'n2',
      about: { kind: 'claim', id: 'c2b' },
      text: '',
      quote: 'about $2 billion, give or take',
      sourceIds: [],
    },
  ],
};

/** The bundled pack alone. */
export const facts = layeredLookup([{ pack, origin: BUNDLED }]);

/** All three layers. */
export const layered = layeredLookup([
  { pack, origin: BUNDLED },
  { pack: imported, origin: IMPORTED },
  { pack: yours, origin: { kind: 'yours' } },
]);
