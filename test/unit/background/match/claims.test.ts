import { describe, expect, it } from 'vitest';
import { buildIndex, findAnnotations } from '@/lib/background/match';
import type { FactPack } from '@/lib/shared/facts/schema';
import mini from '../../../fixtures/packs/mini.json';

const index = buildIndex(mini as FactPack);

/** Figure-claim annotations as [text, factId, verdict]. */
function claims(text: string): [string, string, string | undefined][] {
  return findAnnotations(index, text)
    .filter((a) => a.kind === 'claim' && a.figure)
    .map((a) => [a.text, a.factId, a.verdict]);
}

describe('figure claims', () => {
  it('matches a figure with its subject and keywords in the sentence, with exact offsets and evidence', () => {
    const text = 'Alejandro Mayorkas said North Korea stole over $1 billion in the past two years.';
    const claim = findAnnotations(index, text).find((a) => a.kind === 'claim');
    expect(claim).toEqual({
      start: 42,
      end: 57,
      kind: 'claim',
      factId: 'c-1b',
      text: 'over $1 billion',
      figure: {
        text: 'over $1 billion',
        value: 1e9,
        unit: 'USD',
        qualifier: 'over',
        period: 'past:2y',
        scope: 'total',
      },
      verdict: 'agrees',
      reason:
        'Alejandro Mayorkas put this figure at over $1 billion in the past two years; this page says over $1 billion in the past two years, which agrees.',
      comparisons: [
        { claimId: 'c-2b', verdict: 'other-period' },
        { claimId: 'c-1b', verdict: 'agrees' },
      ],
    });
  });

  it('marks a conflicting total as differs', () => {
    expect(
      claims(
        'Kim Kuk-myong denied that North Korea funded missiles with $3 billion of crypto crime.',
      ),
    ).toEqual([['$3 billion', 'c-2b', 'differs']]);
  });

  it('agrees with a same-period figure even if another period differs', () => {
    expect(
      claims('Kim Kuk-myong denied that North Korea funded its missile programmes with $2b.'),
    ).toEqual([['$2b', 'c-2b', 'agrees']]);
  });

  it('says other-period when no source has the same period', () => {
    expect(claims('Kim Kuk-myong denied that North Korea stole $3 billion since 2017.')).toEqual([
      ['$3 billion', 'c-2b', 'other-period'],
    ]);
  });

  it('says different-unit for another currency', () => {
    expect(
      claims('Kim Kuk-myong denied that North Korea stole £450m in the past two years.'),
    ).toEqual([['£450m', 'c-2b', 'different-unit']]);
  });

  it('matches the seed sentence on ransom recovered', () => {
    const text =
      'Kim Kuk-myong spoke. In July, the U.S. justice department announced that the department and the FBI disrupted ransomware and recovered half a million dollars of ransom payments.';
    expect(claims(text)).toEqual([['half a million dollars', 'c-ransom', 'agrees']]);
  });

  it('never matches on a number alone, or on an entity without keywords', () => {
    expect(claims('Kim Kuk-myong spoke. The museum raised $2 billion for a new wing.')).toEqual([]);
    expect(claims('Kim Kuk-myong spoke. North Korea spent $2 billion on roads.')).toEqual([]);
  });

  it('needs an on-topic page', () => {
    expect(claims('The United States stole $2 billion of crypto, the FBI said.')).toEqual([]);
  });

  it('does not compare counts with money', () => {
    expect(claims('Kim Kuk-myong said North Korea stole 300 crypto coins.')).toEqual([]);
  });
});
