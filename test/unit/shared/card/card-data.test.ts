// @vitest-environment node
/** Card data for the demo article, read end to end as the content script reads it. */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readArticle } from '@/lib/annotator/extract/article';
import { collectText } from '@/lib/annotator/extract/text';
import { buildIndex, findAnnotations } from '@/lib/background/match';
import { cardDataFor, lookupSlice } from '@/lib/shared/card/card-data';
import type { FigureCardData } from '@/lib/shared/card/card-types';
import { bundledPack } from '@/lib/shared/facts/bundled';
import type { Annotation } from '@/lib/shared/match/types';
import { lookupOf } from '../../lookup';
import { layered } from './facts';

const index = buildIndex(bundledPack);
const facts = lookupOf(bundledPack);
const doc = new JSDOM(readFileSync('assets/demo/article.html', 'utf8')).window.document;
const demo = readArticle(doc as unknown as Document);
if (!demo) throw new Error('the demo article is not read');
const text = collectText(demo.article.root).text;
const annotations = findAnnotations(index, text, { published: demo.article.published });
const card = (figureText: string) => {
  const annotation = annotations.find((a) => a.text === figureText) as Annotation;
  return cardDataFor(annotation, facts) as FigureCardData;
};

describe('the demo article’s cards', () => {
  it('reads every figure with its period, and no length of time', () => {
    expect(
      annotations.filter((a) => a.figure).map((a) => [a.text, a.figure?.period, a.verdict]),
    ).toEqual([
      ['$2 billion', 'total', 'agrees'],
      ['more than $1 billion', 'past:2y', 'agrees'],
      ['$3 billion', 'total', 'differs'],
      ['half a million dollars', 'total', 'agrees'],
    ]);
  });

  it('explains the conflict in one sentence, each source on its own row with its own quote', () => {
    const conflict = card('$3 billion');
    expect(conflict.verdictLabel).toBe('Conflicts with the sources');
    expect(conflict.sentence).toBe(
      "Cyber Security Intelligence put North Korea's total crypto theft at about $2 billion; this page says $3 billion, half as much again.",
    );
    expect(conflict.page).toEqual({
      text: '$3 billion',
      value: '$3 billion',
      period: 'overall',
      scope: 'in total',
    });
    expect(
      conflict.rows.map(({ relationWords, value, period, who, publisher, date, quote }) => ({
        relationWords,
        value,
        period,
        who,
        publisher,
        date,
        quote,
      })),
    ).toEqual([
      {
        relationWords: 'differs',
        value: 'about $2 billion',
        period: 'overall',
        who: undefined,
        publisher: 'Cyber Security Intelligence',
        date: undefined,
        quote: 'North Korea has successfully funded $2b for its nuclear missile programs',
      },
      {
        relationWords: 'other period',
        value: 'over $1 billion',
        period: 'in the past two years',
        who: 'Alejandro Mayorkas',
        publisher: 'Cyber Security Intelligence',
        date: undefined,
        quote: 'have already stolen over $1 billion for its nuclear weapons program',
      },
    ]);
    expect(conflict.numberLine?.sources.map((s) => [s.who, s.relation])).toEqual([
      ['Cyber Security Intelligence', 'differs'],
      ['Alejandro Mayorkas', 'other-period'],
    ]);
  });

  it('agrees with the quote the page repeats, for its period, and shows the total beside it', () => {
    const repeated = card('more than $1 billion');
    expect(repeated.verdict).toBe('agrees');
    expect(repeated.sentence).toBe(
      "Alejandro Mayorkas put North Korea's total crypto theft at over $1 billion in the past two years; this page says more than $1 billion in the past two years, which agrees.",
    );
    expect(repeated.rows.map((r) => [r.claim.id, r.relation])).toEqual([
      ['mayorkas-over-1b-two-years', 'agrees'],
      ['nk-crypto-funded-2b', 'other-period'],
    ]);
  });

  it('shows restated claims with the sourced claim, who made it and when', () => {
    const mou = annotations.find((a) => a.factId === 'cyber-commands-sign-mou') as Annotation;
    const data = cardDataFor(mou, facts) as FigureCardData;
    expect(data.verdictLabel).toBe('Restates a sourced claim');
    expect(data.restated).toMatchObject({
      statement: bundledPack.claims.find((c) => c.id === 'cyber-commands-sign-mou')?.statement,
      publisher: 'The Readable',
      date: 'August 2022',
      quote: 'its U.S. counterpart signed a memorandum of understanding',
    });
    expect(data.restated?.source).toMatchObject({ publisher: 'The Readable' });
    expect(data.restated?.origin).toEqual({ kind: 'bundled', words: 'Bundled with Backstory' });
  });
});

describe('cards of claims without a quote', () => {
  it('show no quote rather than make one up', () => {
    // A reader's claim may have no evidence: strip it from every claim and read the demo again.
    const unquotedPack = {
      ...bundledPack,
      claims: bundledPack.claims.map(({ evidence: _evidence, ...claim }) => claim),
    };
    const unquoted = buildIndex(unquotedPack);
    const cards = findAnnotations(unquoted, text, { published: demo.article.published })
      .filter((a) => a.kind === 'claim')
      .map((a) => cardDataFor(a, lookupOf(unquotedPack)) as FigureCardData);
    expect(cards.some((c) => c.rows.length > 0)).toBe(true);
    expect(cards.some((c) => c.restated)).toBe(true);
    for (const c of cards) {
      for (const row of c.rows) expect(row).not.toHaveProperty('quote');
      if (c.restated) expect(c.restated).not.toHaveProperty('quote');
    }
  });
});

describe('where each fact comes from', () => {
  const nk = { start: 0, end: 11, kind: 'entity', factId: 'nk', text: 'North Korea' } as const;

  it('tells bundled, imported and the reader’s own facts apart, row by row', () => {
    const figure: Annotation = {
      start: 0,
      end: 10,
      kind: 'claim',
      factId: 'c2b',
      text: '$3 billion',
      figure: { text: '$3 billion', value: 3e9, unit: 'USD', qualifier: 'exact', period: 'total' },
      verdict: 'differs',
      comparisons: [
        { claimId: 'c2b', verdict: 'differs' },
        { claimId: 'j5b', verdict: 'differs' },
      ],
    };
    const data = cardDataFor(figure, layered) as FigureCardData;
    expect(data.rows.map((r) => [r.claim.id, r.origin?.kind, r.origin?.words])).toEqual([
      ['c2b', 'bundled', 'Bundled with Backstory'],
      ['j5b', 'imported', 'From “Lazarus notes” by Jane Doe, imported 3 May 2026'],
    ]);
    expect(data.notes.map((n) => [n.origin.kind, n.text, n.quote])).toEqual([
      ['yours', '', 'about $2 billion, give or take'],
    ]);
  });

  it('gives notes from every layer, the reader’s first, with their sources cited', () => {
    const wray = cardDataFor({ ...nk, factId: 'wray', text: 'Wray' }, layered);
    expect(wray?.notes).toEqual([
      {
        id: 'n1',
        text: 'Left the FBI in 2025.',
        sources: [{ title: 'fbi.gov', url: 'https://www.fbi.gov/news/x' }],
        origin: { kind: 'yours', words: 'Yours' },
      },
    ]);
    expect(cardDataFor(nk, layered)?.notes.map((n) => n.origin.kind)).toEqual(['imported']);
  });

  it('slices the fact base to what the cards of a page read, and the cards come out the same', () => {
    const annotations: Annotation[] = [
      nk,
      { ...nk, factId: 'wray', text: 'Wray' },
      { start: 0, end: 3, kind: 'claim', factId: 'review', text: 'stole', verdict: 'agrees' },
    ];
    const slice = lookupSlice(layered, annotations);
    for (const annotation of annotations) {
      expect(cardDataFor(annotation, slice)).toEqual(cardDataFor(annotation, layered));
    }
    expect([...slice.claims.keys()]).toEqual(['review']);
    expect([...slice.claimsBySubject.keys()].sort()).toEqual(['nk', 'wray']);
    expect([...slice.notes.keys()].sort()).toEqual(['entity:nk', 'entity:wray']);
    // The sources the cards cite, and no other (a note carries its own).
    expect([...slice.sources.keys()].sort()).toEqual(['fc', 's1', 's2']);
    expect([...layered.sources.keys()]).toContain('y1');
  });
});
