// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '@/lib/background/detector/build';
import { mentionsFactBase } from '@/lib/background/detector/check';
import type { Matcher } from '@/lib/background/detector/matcher';
import { buildIndex, mentionsAnyAlias } from '@/lib/background/match';
import { bundledPack } from '@/lib/shared/facts/bundled';
import type { Entity } from '@/lib/shared/facts/schema';
import { withReaderFacts } from '../../../fixtures/reader-pack';

const matcher = buildMatcher(bundledPack);
const says = (text: string) => mentionsFactBase(matcher, text);

function entity(
  id: string,
  name: string,
  aliases: string[] = [],
  extra: Partial<Entity> = {},
): Entity {
  return { id, name, kind: 'person', aliases, summary: '', sourceIds: [], ...extra };
}

function matcherFor(...entities: Entity[]): Matcher {
  return buildMatcher({ entities });
}

describe('the detector matcher on the bundled pack', () => {
  it('says yes when the text names a specific entity', () => {
    expect(says('Officials said FBI Director Christopher Wray spoke on Tuesday.')).toBe(true);
    expect(says('Alejandro Mayorkas testified.')).toBe(true);
    expect(says('USCYBERCOM and CYBERCOM')).toBe(true);
  });

  it('says no to unrelated text', () => {
    expect(says('The council met on Tuesday to review the schedule for the coming season.')).toBe(
      false,
    );
    expect(says('')).toBe(false);
  });

  it('ignores generic entities and short forms, which mark nothing on their own', () => {
    expect(
      says('The United States, the FBI, Washington, Congress and North Korea, said Seoul.'),
    ).toBe(false);
    expect(says('Wray and Mayorkas met Neuberger.')).toBe(false);
  });

  it('asks for the capital a name has, and accepts all-caps headlines', () => {
    expect(says('christopher wray')).toBe(false);
    expect(says('CHRISTOPHER WRAY TESTIFIES')).toBe(true);
  });

  it('matches a name that needs no capital in any case', () => {
    expect(says('They met as the working group on North Korean cyber threats.')).toBe(true);
    expect(says('the Working Group On North Korean Cyber Threats')).toBe(true);
  });

  it('reads hyphens, curly quotes, odd spaces and line breaks as the annotator does', () => {
    expect(says('Kim Kuk-myong spoke')).toBe(true);
    expect(says('Kim Kuk\u2010myong spoke')).toBe(true);
    expect(says('Kim Kuk Myong spoke')).toBe(true);
    expect(says('North Korea\u2019s Foreign Ministry said')).toBe(true);
    expect(says('Christopher\u00a0Wray')).toBe(true);
    expect(says('the Association for Countermeasures\n  against International Cybercrimes')).toBe(
      true,
    );
  });

  it('needs every word of a multi-word name, on word boundaries', () => {
    expect(says('the Association for Countermeasures against crime')).toBe(false);
    expect(says('Christopher Wrayburn')).toBe(false);
    expect(says('Kim Kuk')).toBe(false);
  });
});

describe('the detector matcher on reader facts', () => {
  it('folds the case of letters beyond ASCII, and reads words in any script', () => {
    const m = matcherFor(
      entity('a', 'Ümit Özdağ'),
      entity('b', 'Пак Чон Хо'),
      entity('c', 'Ελένη Παππά'),
      entity('d', 'Bold 𝐀stral'),
    );
    expect(mentionsFactBase(m, 'said ÜMIT ÖZDAĞ today')).toBe(true);
    expect(mentionsFactBase(m, 'встреча: Пак Чон Хо сказал')).toBe(true);
    expect(mentionsFactBase(m, 'η Ελένη Παππά είπε')).toBe(true);
    expect(mentionsFactBase(m, 'the Bold 𝐀stral!')).toBe(true);
    expect(mentionsFactBase(m, 'Пак Чон said')).toBe(false);
  });

  it('reads a letter its names never use as a boundary: at worst a rare extra yes, never a miss', () => {
    const m = matcherFor(entity('a', 'Ümit Özdağ'));
    expect(mentionsFactBase(m, 'Ümit Özdağğ')).toBe(false);
    expect(mentionsFactBase(m, 'Ümit Özdağж')).toBe(true);
    expect(says('Christopher Wrayé')).toBe(true);
  });

  it('matches a single-word name, and a name of digits and letters', () => {
    const m = matcherFor(
      entity('a', 'Andariel', [], { kind: 'organisation' }),
      entity('b', 'APT38'),
    );
    expect(mentionsFactBase(m, 'Andariel struck.')).toBe(true);
    expect(mentionsFactBase(m, 'apt38 and APT38')).toBe(true);
    expect(mentionsFactBase(m, 'APT380')).toBe(false);
  });

  it('finds a name longer than the words it looks back over by its first words', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Word${i}`).join(' ');
    const m = matcherFor(entity('a', long, [], { kind: 'event' }));
    expect(mentionsFactBase(m, `The ${long} happened.`)).toBe(true);
    expect(mentionsFactBase(m, 'Word0 Word1 Word2')).toBe(false);
  });

  it('says no for an empty fact base', () => {
    expect(mentionsFactBase(matcherFor(), 'Christopher Wray')).toBe(false);
  });
});

describe('the detector agrees with the annotator', () => {
  // With many reader facts the checker splits the text into words instead of searching each last word.
  const large = buildMatcher(withReaderFacts(500));

  it.each([
    ['a few names (searched one by one)', matcher],
    ['many names (the text split into words)', large],
  ])('says yes wherever the annotator finds an anchoring name: %s', (_, m) => {
    const index = buildIndex(bundledPack);
    let anchoring = 0;
    for (const e of bundledPack.entities) {
      for (const surface of [e.name, ...e.aliases]) {
        for (const text of [
          `Reports say ${surface} was involved.`,
          `${surface}`,
          `(“${surface}”)`,
        ]) {
          if (!mentionsAnyAlias(index, text)) continue;
          anchoring++;
          expect([text, mentionsFactBase(m, text)]).toEqual([text, true]);
        }
      }
    }
    expect(anchoring).toBeGreaterThan(40);
  });
});

describe('the matcher for 5,000 reader facts', () => {
  // How long it takes is the bench's to say (section 5), not a timed test's.
  it('finds their names, and no name only part of one', () => {
    const m = buildMatcher(withReaderFacts(5000));
    expect(m.phrases.length).toBeGreaterThanOrEqual(10_000);
    expect(mentionsFactBase(m, 'said Tomasz Quell4321 Ruiz on Monday')).toBe(true);
    expect(mentionsFactBase(m, 'said Tomasz Quell4321 on Monday')).toBe(false);
  });
});
