/**
 * A fact base like the bundled one (two labelled measures, three figures, an incident) and the
 * reader's form over it, for the Figure field's tests.
 */
import { formContext, planForm, validateForm } from '@/lib/pages/facts/form';
import type { ReaderFactForm } from '@/lib/pages/facts/reader';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { FactPack } from '@/lib/shared/facts/schema';

/** Like the bundled pack: two labelled measures, three figures, an incident. */
export const BUNDLED: FactPack = {
  format: 1,
  sources: [{ id: 's', title: 'Hearing', publisher: 'Congress' }],
  entities: [
    {
      id: 'north-korea',
      name: 'North Korea',
      kind: 'country',
      aliases: [],
      summary: '',
      sourceIds: [],
    },
    {
      id: 'ronin-hack',
      name: 'Ronin bridge hack',
      kind: 'event',
      aliases: [],
      summary: '',
      sourceIds: [],
    },
  ],
  claims: [
    {
      id: 'two-billion',
      statement: 'North Korea stole about $2 billion.',
      subjects: ['north-korea'],
      sourceId: 's',
      figure: { value: 2e9, unit: 'USD', qualifier: 'about', period: 'total', scope: 'total' },
      measure: 'dprk.crypto-theft.usd',
    },
    {
      id: 'one-billion',
      statement: 'North Korea stole over $1 billion in two years.',
      subjects: ['north-korea'],
      sourceId: 's',
      figure: { value: 1e9, unit: 'USD', qualifier: 'over', period: 'past:2y', scope: 'total' },
      measure: 'dprk.crypto-theft.usd',
    },
    {
      id: 'hackers',
      statement: 'North Korea has 7,000 hackers.',
      subjects: ['north-korea'],
      sourceId: 's',
      figure: { value: 7000, unit: 'count', qualifier: 'about', period: 'total' },
      measure: 'dprk.hackers',
    },
  ],
  measures: [
    { id: 'dprk.crypto-theft.usd', label: 'North Korea’s total crypto theft' },
    { id: 'dprk.hackers', label: 'North Korea’s hackers' },
  ],
};

export const CRYPTO = 'dprk.crypto-theft.usd';

export function contextFor(yours: FactPack) {
  return formContext(yours, mergePacks(BUNDLED, yours));
}

export function problems(typed: ReaderFactForm, context: ReturnType<typeof contextFor>) {
  return validateForm(typed, context, planForm(typed, context));
}
