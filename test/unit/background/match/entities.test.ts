import { describe, expect, it } from 'vitest';
import { buildIndex, findAnnotations, mentionsAnyAlias } from '@/lib/background/match';
import type { FactPack } from '@/lib/shared/facts/schema';
import mini from '../../../fixtures/packs/mini.json';

const index = buildIndex(mini as FactPack);

/** [text, factId] of each entity annotation. */
function entities(text: string, markGeneric?: boolean): [string, string][] {
  return findAnnotations(index, text, { markGeneric })
    .filter((a) => a.kind === 'entity')
    .map((a) => [a.text, a.factId]);
}

describe('alias matching', () => {
  it('reports exact offsets into the text', () => {
    const text = 'Officials said Christopher Wray spoke.';
    expect(findAnnotations(index, text)).toEqual([
      { start: 15, end: 31, kind: 'entity', factId: 'christopher-wray', text: 'Christopher Wray' },
    ]);
  });

  it('lets a name run across wrapped source lines (a run of spaces)', () => {
    const text = 'Officials said Christopher      Wray spoke.';
    expect(findAnnotations(index, text)).toEqual([
      {
        start: 15,
        end: 36,
        kind: 'entity',
        factId: 'christopher-wray',
        text: 'Christopher      Wray',
      },
    ]);
  });

  it('marks possessives without the ending, straight or curly', () => {
    expect(entities("Alejandro Mayorkas's testimony and Christopher Wray’s hearing")).toEqual([
      ['Alejandro Mayorkas', 'alejandro-mayorkas'],
      ['Christopher Wray', 'christopher-wray'],
    ]);
  });

  it('treats hyphens, spaces and NBSP alike, and names tolerate case', () => {
    expect(entities('Kim Kuk Myong, Kim\u00a0Kuk-myong and KIM KUK-MYONG wrote.')).toEqual([
      ['Kim Kuk Myong', 'kim-kuk-myong'],
      ['Kim\u00a0Kuk-myong', 'kim-kuk-myong'],
      ['KIM KUK-MYONG', 'kim-kuk-myong'],
    ]);
  });

  it('requires a capital where the name has one', () => {
    expect(entities('Christopher Wray met the north korea desk and North Korea.')).toEqual([
      ['Christopher Wray', 'christopher-wray'],
      ['North Korea', 'north-korea'],
    ]);
  });

  it('matches acronyms in exact case only, and never inside a currency', () => {
    expect(
      entities('Christopher Wray told us the US and the FBI, not the fbi, lost US$2bn.'),
    ).toEqual([
      ['Christopher Wray', 'christopher-wray'],
      ['US', 'united-states'],
      ['FBI', 'fbi'],
    ]);
  });

  it('never matches across a line break (a block boundary in collectText)', () => {
    expect(entities('Christopher Wray spoke of North\nKorea.')).toEqual([
      ['Christopher Wray', 'christopher-wray'],
    ]);
  });

  it('matches on word boundaries only', () => {
    expect(entities('Christopher Wray met Wrayburn in Pyongyangese style and the DPRKs.')).toEqual([
      ['Christopher Wray', 'christopher-wray'],
    ]);
  });

  it('resolves overlaps to the longest match', () => {
    expect(
      entities(
        'Christopher Wray cited the North Korean government and the U.S. justice department.',
      ),
    ).toEqual([
      ['Christopher Wray', 'christopher-wray'],
      ['North Korean government', 'north-korea'],
      ['U.S. justice department', 'doj'],
    ]);
  });
});

describe('short forms', () => {
  it('counts a surname only after the full name appeared earlier', () => {
    expect(entities('Wray spoke first. Then Christopher Wray spoke, and Wray left.')).toEqual([
      ['Christopher Wray', 'christopher-wray'],
      ['Wray', 'christopher-wray'],
    ]);
  });

  it('does not let another person earn the short form', () => {
    expect(entities('Alejandro Mayorkas spoke; Kim answered.')).toEqual([
      ['Alejandro Mayorkas', 'alejandro-mayorkas'],
    ]);
  });
});

describe('generic entities', () => {
  it('are not marked on an off-topic page', () => {
    expect(entities('The United States and South Korea signed a trade deal in Seoul.')).toEqual([]);
  });

  it('are marked once the page names a specific entity', () => {
    expect(entities('Kim Kuk-myong criticised the United States.')).toEqual([
      ['Kim Kuk-myong', 'kim-kuk-myong'],
      ['United States', 'united-states'],
    ]);
  });

  it('follow markGeneric when it is given', () => {
    expect(entities('The United States and South Korea met.', true)).toEqual([
      ['United States', 'united-states'],
      ['South Korea', 'south-korea'],
    ]);
    expect(entities('Kim Kuk-myong criticised the United States.', false)).toEqual([
      ['Kim Kuk-myong', 'kim-kuk-myong'],
    ]);
  });
});

describe('near misses (fuse.js)', () => {
  it('catches misspelt multi-word names', () => {
    expect(entities('Alejandro Majorkas and Cristopher Wray testified; later Wray left.')).toEqual([
      ['Alejandro Majorkas', 'alejandro-mayorkas'],
      ['Cristopher Wray', 'christopher-wray'],
      ['Wray', 'christopher-wray'],
    ]);
  });

  it('catches transliterations', () => {
    expect(entities('Kim Kuk-myung said so.')).toEqual([['Kim Kuk-myung', 'kim-kuk-myong']]);
  });

  it.each([
    ['Kim Jong Un spoke to the press.'],
    ['Kim Yo Jong spoke to the press.'],
    ['Christopher Columbus sailed west.'],
    ['Alexandra Mayor spoke.'],
    ['Wrayburn left early.'],
    ['North Carolina voted.'],
  ])('does not match "%s"', (text) => {
    expect(entities(text)).toEqual([]);
  });
});

describe('mentionsAnyAlias', () => {
  it('is true when a specific entity is named', () => {
    expect(mentionsAnyAlias(index, 'A note on Kim Kuk-myong.')).toBe(true);
  });

  it('is false for generic-only, short-form-only and unrelated text', () => {
    expect(mentionsAnyAlias(index, 'The United States and the FBI.')).toBe(false);
    expect(mentionsAnyAlias(index, 'Wray said nothing.')).toBe(false);
    expect(mentionsAnyAlias(index, 'A recipe for lemon cake.')).toBe(false);
  });
});
