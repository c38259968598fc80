import { describe, expect, it } from 'vitest';
import { buildIndex, findAnnotations } from '@/lib/background/match';
import { cardDataFor } from '@/lib/shared/card/card-data';
import type { FigureCardData } from '@/lib/shared/card/card-types';
import type { FactPack } from '@/lib/shared/facts/schema';
import { lookupOf } from '../../lookup';

/** A fact base with a running total and one named incident of the same measure. */
const pack: FactPack = {
  format: 1,
  sources: [{ id: 's', title: 'Chain report', publisher: 'Chain Watch', published: '2022-04' }],
  entities: [
    {
      id: 'north-korea',
      name: 'North Korea',
      kind: 'country',
      aliases: ['Pyongyang'],
      summary: 'A country.',
      sourceIds: ['s'],
      generic: true,
    },
    {
      id: 'lazarus',
      name: 'Lazarus Group',
      kind: 'organisation',
      aliases: ['Lazarus'],
      summary: 'A hacking group.',
      sourceIds: ['s'],
    },
    {
      id: 'ronin-hack',
      name: 'Ronin bridge hack',
      kind: 'event',
      aliases: ['Ronin hack', 'Ronin bridge'],
      summary: 'A 2022 theft from a game network’s bridge.',
      sourceIds: ['s'],
    },
  ],
  claims: [
    {
      id: 'total',
      statement: 'North Korea has stolen about $3 billion in crypto.',
      subjects: ['north-korea', 'lazarus'],
      sourceId: 's',
      evidence: 'stole about $3 billion in crypto',
      figure: { value: 3e9, unit: 'USD', qualifier: 'about', period: 'total', scope: 'total' },
      measure: 'nk.theft',
    },
    {
      id: 'ronin',
      statement: 'The Lazarus Group stole $620 million in the Ronin bridge hack.',
      subjects: ['lazarus', 'ronin-hack'],
      sourceId: 's',
      evidence: 'stole $620 million from the bridge',
      attributedTo: 'Chain Watch analysts',
      when: '2022-03',
      figure: {
        value: 6.2e8,
        unit: 'USD',
        qualifier: 'exact',
        period: 'total',
        scope: 'incident',
        incident: 'ronin-hack',
      },
      measure: 'nk.theft',
    },
    {
      id: 'laundering',
      statement: 'The Lazarus Group laundered the stolen funds through a crypto mixer.',
      subjects: ['lazarus'],
      sourceId: 's',
      evidence: 'laundered the funds through a mixer',
      when: '2022-04',
    },
  ],
  measures: [{ id: 'nk.theft', label: 'North Korea’s crypto theft' }],
};
const index = buildIndex(pack);
const facts = lookupOf(pack);

function figure(text: string) {
  const found = findAnnotations(index, text).filter((a) => a.figure);
  expect(found, text).toHaveLength(1);
  const annotation = found[0];
  if (!annotation) throw new Error('no figure');
  const card = cardDataFor(annotation, facts) as FigureCardData;
  return { annotation, card, rows: card.rows.map((r) => [r.claim.id, r.relation]) };
}

describe('incidents: compared only with figures of the same incident', () => {
  it('compares a figure for a named incident with that incident’s figure, and may call it a conflict', () => {
    const { annotation, card, rows } = figure(
      'The Lazarus Group stole $540 million in the Ronin hack.',
    );
    expect(annotation.figure).toMatchObject({ scope: 'incident', incident: 'ronin-hack' });
    expect(annotation.verdict).toBe('differs');
    expect(rows).toEqual([
      ['ronin', 'differs'],
      ['total', 'other-scope'],
    ]);
    expect(card.sentence).toBe(
      'Chain Watch analysts put the Ronin bridge hack at $620 million; this page says $540 million, about 15 % less.',
    );
    expect(card.page?.scope).toBe('one incident: the Ronin bridge hack');
    expect(card.rows[0]?.scope).toBe('one incident: the Ronin bridge hack');
  });

  it('agrees within the qualifier’s bounds for the same incident', () => {
    expect(
      figure('Lazarus stole about $600 million from the Ronin bridge.').annotation.verdict,
    ).toBe('agrees');
  });

  it('shows an unnamed incident beside the total only, never as a conflict', () => {
    const { annotation, card, rows } = figure(
      'The Lazarus Group stole $100 million from one game network.',
    );
    expect(annotation.verdict).toBe('other-scope');
    expect(rows).toEqual([['total', 'other-scope']]);
    expect(card.sentence).toBe(
      'This page says $100 million for a single incident (“one game network”); sources give only North Korea’s crypto theft, so the figures are not compared.',
    );
  });

  it('reads a country after "from" as no incident', () => {
    const { annotation } = figure('Lazarus hackers stole $3 billion in crypto from Pyongyang.');
    expect(annotation.figure?.scope).toBe('total');
    expect(annotation.verdict).toBe('agrees');
  });
});

describe('restated claims: dates checked against the source', () => {
  const restated = (text: string) =>
    findAnnotations(index, text, { published: '2023-09-14' }).filter(
      (a) => a.kind === 'claim' && !a.figure,
    );

  it('finds a claim retold in other words, and agrees when the date can be the source’s', () => {
    const [found] = restated('In April the Lazarus Group laundered the money through a mixer.');
    expect(found).toMatchObject({ factId: 'laundering', verdict: 'agrees' });
    const card = cardDataFor(found as NonNullable<typeof found>, facts) as FigureCardData;
    expect(card.restated).toMatchObject({
      statement: 'The Lazarus Group laundered the stolen funds through a crypto mixer.',
      publisher: 'Chain Watch',
      date: 'April 2022',
      quote: 'laundered the funds through a mixer',
    });
    expect(card.sentence).toBe(
      'This restates a claim reported by Chain Watch, which dates it to April 2022.',
    );
  });

  it('calls another date a conflict, and marks the date', () => {
    const text = 'In June the Lazarus Group laundered the money through a mixer.';
    const [found] = restated(text);
    expect(found).toMatchObject({ factId: 'laundering', verdict: 'differs' });
    expect(text.slice(found?.start, found?.end)).toContain('In June');
    expect(found?.reason).toBe('Chain Watch dates this to April 2022; this page puts it in June.');
  });

  it('needs the claim’s subjects and its own words', () => {
    expect(restated('In June a gang laundered the money through a mixer.')).toEqual([]);
    expect(restated('The Lazarus Group met in June.')).toEqual([]);
  });
});
