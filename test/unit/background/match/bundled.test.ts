import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  findAnnotations,
  findAnnotationsChunked,
  mentionsAnyAlias,
} from '@/lib/background/match';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { readShared } from '../../../fixtures/shared';

const index = buildIndex(bundledPack);
const herald = readShared('seeds', '000_377ae14cbf43910e.txt');
const roundup = readShared('seeds', '002_8281bedc7a467cb7.txt');

/** Figure-claim annotations as [text, factId, verdict]. */
function claims(text: string) {
  return findAnnotations(index, text)
    .filter((a) => a.kind === 'claim' && a.figure)
    .map((a) => [a.text, a.factId, a.verdict]);
}

describe('the bundled pack on the seed articles', () => {
  it('passes the pre-check on both seeds', () => {
    expect([mentionsAnyAlias(index, herald), mentionsAnyAlias(index, roundup)]).toEqual([
      true,
      true,
    ]);
  });

  it('finds every figure of the seeds as an agreeing claim, and no length of time', () => {
    expect(claims(herald)).toEqual([
      ['half a million dollars', 'doj-fbi-recovered-half-million', 'agrees'],
    ]);
    expect(claims(roundup)).toEqual([
      ['$2b', 'nk-crypto-funded-2b', 'agrees'],
      ['over $1 billion', 'mayorkas-over-1b-two-years', 'agrees'],
    ]);
  });

  it('finds the people and organisations of a seed sentence with exact spans, and the claim it makes around them', () => {
    const sentence =
      'North Korea has also ramped up its cyber espionage activities, said FBI Director Christopher Wray during the US Congress Homeland Security Committee hearing.';
    expect(findAnnotations(index, sentence).map((a) => [a.start, a.end, a.factId])).toEqual([
      [0, 11, 'north-korea'],
      [12, 30, 'wray-espionage-ramped-up'],
      [35, 50, 'dprk-cyber-espionage'],
      [68, 97, 'christopher-wray'],
      [109, 120, 'us-congress'],
      [121, 156, 'homeland-security-hearing'],
    ]);
  });

  it('marks the surname only after the full name (roundup: "Wray said")', () => {
    const wray = findAnnotations(index, roundup).filter((a) => a.factId === 'christopher-wray');
    expect(wray.map((a) => a.text)).toEqual(['FBI Director Christopher Wray', 'Wray']);
  });

  it('flags a page figure that conflicts with every same-period source', () => {
    const text = 'Alejandro Mayorkas said North Korea has stolen $3 billion of cryptocurrency.';
    const [claim] = findAnnotations(index, text).filter((a) => a.kind === 'claim');
    expect(claim).toMatchObject({
      text: '$3 billion',
      verdict: 'differs',
      reason:
        "Cyber Security Intelligence put North Korea's total crypto theft at about $2 billion; this page says $3 billion, half as much again.",
      comparisons: [
        { claimId: 'nk-crypto-funded-2b', verdict: 'differs' },
        { claimId: 'mayorkas-over-1b-two-years', verdict: 'other-period' },
      ],
    });
  });

  it('gives the same annotations in slices as in one go', async () => {
    const long = Array.from({ length: 40 }, () => `${herald}\n${roundup}`).join('\n');
    const sliced = await findAnnotationsChunked(index, long, { sliceMs: 0 });
    expect(sliced).toEqual(findAnnotations(index, long));
    expect(sliced.length).toBe(40 * findAnnotations(index, `${herald}\n${roundup}`).length);
  });

  it('reads a figure with the claim’s own words even when its sentence names no one', () => {
    const page =
      'FBI Director Christopher Wray spoke on Tuesday. According to one roundup, the regime has ' +
      'funded its nuclear missile programmes with $2 billion raised through cryptocurrency crime.';
    expect(claims(page)).toEqual([['$2 billion', 'nk-crypto-funded-2b', 'agrees']]);
  });

  it('never reads a figure as a claim on a number and one stray word', () => {
    const page =
      'FBI Director Christopher Wray spoke on Tuesday. The city spent $2 billion on its missile museum.';
    expect(claims(page)).toEqual([]);
  });

  it('takes a period from the figure’s own sentence only', () => {
    const page =
      'In the past two years Christopher Wray hired staff. In July, the Justice Department and the FBI ' +
      'recovered half a million dollars of ransom payments and cryptocurrency.';
    expect(claims(page)).toEqual([
      ['half a million dollars', 'doj-fbi-recovered-half-million', 'agrees'],
    ]);
  });
});
