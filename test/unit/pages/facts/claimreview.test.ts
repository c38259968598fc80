import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimReviewsToPack, isClaimReviewDocument } from '@/lib/pages/facts/claimreview';
import { planImport } from '@/lib/pages/facts/import';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { stackLayers } from '@/lib/shared/facts/layers';
import { checkEntries } from '@/lib/shared/facts/validate';

const EMPTY = { format: 1 as const, name: 'My facts', sources: [], entities: [], claims: [] };

/** A fixture shaped like a fact-checker's markup (test/unit/pages/facts/fixtures/claimreview). */
function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures/claimreview', `${name}.json`), 'utf8');
}

const convert = (name: string) =>
  claimReviewsToPack(JSON.parse(fixture(name)), bundledPack.entities);

describe('claimReviewsToPack', () => {
  it('reads one review: the claim, who made it and when, the rating, and the review as its source', () => {
    const { pack, refused } = convert('single');
    expect(refused).toEqual([]);
    expect(pack).toEqual({
      format: 1,
      name: 'Fact checks by Example Fact Check',
      author: 'Example Fact Check',
      url: 'https://factcheck.example/',
      sources: [
        {
          id: 'claimreview.source.https://factcheck.example/2023/may/03/north-korea-crypto-3-billion/',
          title: 'No, North Korea did not steal $3 billion in crypto in 2022 alone',
          publisher: 'Example Fact Check',
          url: 'https://factcheck.example/2023/may/03/north-korea-crypto-3-billion/',
          published: '2023-05-03',
        },
      ],
      entities: [],
      claims: [
        {
          id: expect.stringMatching(/^claimreview\./),
          statement: 'North Korea stole $3 billion in cryptocurrency in 2022 alone.',
          subjects: ['north-korea'],
          sourceId:
            'claimreview.source.https://factcheck.example/2023/may/03/north-korea-crypto-3-billion/',
          attributedTo: 'A viral post',
          when: '2023-04-28',
          rating: { label: 'Mostly False', value: 2, best: 6, worst: 1 },
        },
      ],
    });
    expect(checkEntries(pack, bundledPack).errors).toEqual([]);
  });

  it('finds reviews in an @graph beside other nodes, with a rating in words only', () => {
    const { pack } = convert('graph');
    expect(pack.claims).toEqual([
      expect.objectContaining({
        statement: 'The FBI says the Lazarus Group was behind the Ronin Network heist.',
        subjects: ['fbi'],
        attributedTo: 'Several news reports',
        when: '2022-04-14',
        rating: { label: 'Correct' },
      }),
    ]);
    expect(pack.sources[0]).toMatchObject({
      title: 'Fact check by Verify Desk',
      publisher: 'Verify Desk',
      published: '2022-04-15',
    });
  });

  it('reads a list of reviews, with ratings written as text and authors given as lists', () => {
    const { pack, refused } = convert('array');
    expect(refused).toEqual([]);
    expect(pack.author).toBe('Checkers Agency');
    expect(pack.claims.map((c) => [c.subjects, c.rating])).toEqual([
      [['north-korea', 'dprk-state-hackers'], { label: 'False', value: 1, best: 5, worst: 1 }],
      [['north-korea'], { label: 'True', value: 5, best: 5, worst: 1 }],
    ]);
    expect(pack.sources.map((s) => s.title)).toEqual([
      'North Korean hackers do not only target banks',
      'Yes, the UN panel links crypto theft to missile funding',
    ]);
  });

  it('reads a DataFeed and refuses, with reasons, reviews without a rating or a claim', () => {
    const { pack, refused } = convert('datafeed');
    expect(pack.claims.map((c) => c.statement)).toEqual([
      'Kimsuky sent phishing emails posing as journalists.',
    ]);
    // Kimsuky is no entity Backstory knows: the claim keeps its words and rating, and no subjects.
    expect(pack.claims[0]?.subjects).toEqual([]);
    expect(refused).toEqual([
      {
        label: 'Fact check 2 (“North Korea has a cyber army of 100,000…”)',
        reason: 'it gives no rating (reviewRating)',
      },
      { label: 'Fact check 3', reason: 'it names no claim (claimReviewed)' },
    ]);
  });

  it('gives the same ids on every import of the same file, so a new import is seen as the same claims', () => {
    expect(convert('array').pack).toEqual(convert('array').pack);
  });

  it('tells ClaimReview files from fact packs and other JSON', () => {
    for (const name of ['single', 'graph', 'array', 'datafeed']) {
      expect(isClaimReviewDocument(JSON.parse(fixture(name))), name).toBe(true);
    }
    for (const other of [EMPTY, { '@type': 'NewsArticle' }, null, 'ClaimReview', [{}]]) {
      expect(isClaimReviewDocument(other)).toBe(false);
    }
  });

  it('never throws on odd shapes, and stops at a sensible depth', () => {
    let deep: unknown = { '@type': 'ClaimReview', claimReviewed: 'x', reviewRating: { name: 'y' } };
    for (let i = 0; i < 20; i++) deep = { '@graph': [deep] };
    expect(isClaimReviewDocument(deep)).toBe(false);
    const odd = [
      { '@type': 'ClaimReview', claimReviewed: 42, reviewRating: 'False' },
      { '@type': 'ClaimReview', claimReviewed: 'x', reviewRating: { ratingValue: 'n/a' } },
      {
        '@type': 'ClaimReview',
        claimReviewed: 'x',
        reviewRating: { ratingValue: '3' },
        url: 'javascript:x',
      },
    ];
    const { pack, refused } = claimReviewsToPack(odd, []);
    expect(refused.map((r) => r.reason)).toEqual([
      'it names no claim (claimReviewed)',
      'it gives no rating (reviewRating)',
    ]);
    expect(pack.claims[0]?.rating).toEqual({ label: '3', value: 3 });
    expect(pack.sources[0]).toEqual({ id: 'claimreview.source.0', title: 'Fact check' });
  });
});

describe('importing a ClaimReview file', () => {
  const layers = stackLayers({ bundled: bundledPack, imported: [], yours: EMPTY });
  const setting = { layers, fileName: 'feed.json', now: new Date('2026-11-25T10:00:00Z') };

  it('previews it as a pack by its checker, refusing what cannot be used', () => {
    const plan = planImport(fixture('datafeed'), setting);
    if (!plan.ok) throw new Error(plan.errors[0]?.message);
    expect(plan.preview.kind).toBe('claimreview');
    expect(plan.preview.origin).toMatchObject({
      kind: 'imported',
      name: 'Fact checks by Example Fact Check',
      author: 'Example Fact Check',
      url: 'https://factcheck.example/',
    });
    expect(plan.preview.added.map((a) => a.label)).toEqual([
      'Source “Fact check by Example Fact Check”',
      'Claim “Kimsuky sent phishing emails posing as journalists.”',
    ]);
    expect(plan.preview.refused).toHaveLength(2);
  });

  it('says so when nothing in the file can be used, and imports nothing', () => {
    const unusable = JSON.stringify({ '@type': 'ClaimReview', url: 'https://x.example/' });
    const plan = planImport(unusable, setting);
    expect(plan.ok ? [] : plan.errors.map((e) => e.message)).toEqual([
      'Nothing was imported: the file has no entries that can be used.',
      'Fact check 1: it names no claim (claimReviewed)',
    ]);
  });
});
