import { describe, expect, it } from 'vitest';
import { buildSummary } from '@/lib/annotator/summary';
import type { Annotation } from '@/lib/shared/match/types';
import { layered as facts } from '../shared/card/facts';

const article = {
  title: 'Defending against threats',
  byline: 'A. Writer',
  siteName: 'CSI',
  published: '2023-08-01',
  lang: 'en',
  excerpt: 'x',
  length: 2000,
  readingMinutes: 2,
};

const entity = (factId: string, start: number): Annotation => ({
  start,
  end: start + 3,
  kind: 'entity',
  factId,
  text: factId,
});

const figure = (factId: string, text: string, verdict: Annotation['verdict']): Annotation => ({
  start: 100,
  end: 110,
  kind: 'claim',
  factId,
  text,
  figure: { text, value: 3e9, unit: 'USD', qualifier: 'exact', period: 'total' },
  verdict,
  reason: `reason for ${text}`,
  comparisons: [{ claimId: 'c1b', verdict: 'other-period' }],
});

const retold = (factId: string, text: string, verdict: Annotation['verdict']): Annotation => ({
  start: 200,
  end: 230,
  kind: 'claim',
  factId,
  text,
  verdict,
  reason: `reason for ${text}`,
  ...(verdict === 'differs' ? { pageDate: { text: 'In March', month: 3 } } : {}),
});

/** The annotations as the highlighter holds them: each with its id, numbered from 1. */
const groups = (...annotations: Annotation[]) =>
  annotations.map((annotation, i) => ({ id: i + 1, annotation }));

describe('buildSummary', () => {
  it('lists entities by first mention, figures and retold claims in text order, every mention, and the sources', () => {
    const summary = buildSummary({
      url: 'https://example.org/story',
      enabled: true,
      article,
      groups: groups(
        entity('nk', 0),
        entity('wray', 10),
        figure('c2b', '$2b', 'agrees'),
        entity('nk', 20),
        figure('c2b', '$3 billion', 'differs'),
        figure('c2b', '$3 billion', 'differs'),
        entity('unknown', 30),
        retold('cwray', 'espionage is on the rise', 'agrees'),
        retold('review', 'stole $3 billion in 2022', 'agrees'),
        retold('cwray', 'in March spying grew', 'differs'),
      ),
      facts,
    });
    expect(summary).toEqual({
      url: 'https://example.org/story',
      enabled: true,
      isArticle: true,
      article: {
        title: 'Defending against threats',
        byline: 'A. Writer',
        siteName: 'CSI',
        published: '2023-08-01',
        readingMinutes: 2,
      },
      entities: [
        {
          id: 'nk',
          name: 'North Korea',
          kind: 'country',
          mentions: [
            { id: 1, text: 'nk' },
            { id: 4, text: 'nk' },
          ],
        },
        {
          id: 'wray',
          name: 'Christopher Wray',
          kind: 'person',
          mentions: [{ id: 2, text: 'wray' }],
        },
      ],
      figures: [
        {
          factId: 'c2b',
          text: '$2b',
          verdict: 'agrees',
          label: 'Agrees with the sources',
          reason: 'reason for $2b',
          mentions: [{ id: 3, text: '$2b' }],
        },
        {
          factId: 'c2b',
          text: '$3 billion',
          verdict: 'differs',
          label: 'Conflicts with the sources',
          reason: 'reason for $3 billion',
          mentions: [
            { id: 5, text: '$3 billion' },
            { id: 6, text: '$3 billion' },
          ],
        },
      ],
      restated: [
        {
          factId: 'cwray',
          text: 'espionage is on the rise',
          verdict: 'agrees',
          label: 'Restates a sourced claim',
          reason: 'reason for espionage is on the rise',
          statement: 'Wray said espionage is growing.',
          mentions: [{ id: 8, text: 'espionage is on the rise' }],
        },
        {
          factId: 'review',
          text: 'stole $3 billion in 2022',
          verdict: 'agrees',
          label: 'Rated “Mostly False”',
          reason: 'reason for stole $3 billion in 2022',
          statement: 'North Korea stole $3 billion in 2022 alone.',
          mentions: [{ id: 9, text: 'stole $3 billion in 2022' }],
        },
        {
          factId: 'cwray',
          text: 'in March spying grew',
          verdict: 'differs',
          label: 'Dated otherwise than the source',
          reason: 'reason for in March spying grew',
          statement: 'Wray said espionage is growing.',
          mentions: [{ id: 10, text: 'in March spying grew' }],
        },
      ],
      sources: ['s2', 's1', 'fc'].map((id) => facts.sources.get(id)),
    });
  });

  it('says when the page is not an article', () => {
    expect(
      buildSummary({
        url: 'https://example.org/',
        enabled: false,
        article: null,
        groups: [],
        facts,
      }),
    ).toEqual({
      url: 'https://example.org/',
      enabled: false,
      isArticle: false,
      article: undefined,
      entities: [],
      figures: [],
      restated: [],
      sources: [],
    });
  });
});
