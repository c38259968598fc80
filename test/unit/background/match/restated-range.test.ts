/**
 * What a restated claim's mark covers: the phrase that retells the claim, never a lone word picked
 * out of it, and never over another mark (each annotated range is in exactly one highlight).
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readArticle } from '@/lib/annotator/extract/article';
import { collectText } from '@/lib/annotator/extract/text';
import { buildIndex, findAnnotations } from '@/lib/background/match';
import { claimReviewsToPack } from '@/lib/pages/facts/claimreview';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { Annotation } from '@/lib/shared/match/types';

const index = buildIndex(bundledPack);

/** A paragraph naming someone the fact base knows puts the page on the topic. */
const ON_TOPIC = 'FBI Director Christopher Wray spoke again.\n';

/** Restated claims found in `sentence`, with what each mark covers. */
function restated(sentence: string): (Annotation & { marked: string })[] {
  const text = ON_TOPIC + sentence;
  return findAnnotations(index, text, { published: '2023-09-14' })
    .filter((a) => a.kind === 'claim' && !a.figure)
    .map((a) => ({ ...a, marked: text.slice(a.start, a.end) }));
}

const marks = (sentence: string) =>
  Object.fromEntries(restated(sentence).map((a) => [a.factId, a.marked]));

/** The demo article's text, as the content script reads it. */
function demoText(): string {
  const doc = new JSDOM(readFileSync('assets/demo/article.html', 'utf8')).window.document;
  const read = readArticle(doc as unknown as Document);
  if (!read) throw new Error('the demo article is not read');
  return collectText(read.article.root).text;
}

describe('the range of a restated claim', () => {
  it('is the phrase that retells the claim, up to the names marked around it', () => {
    const text =
      'Kim Kuk-myong, of the Association for Countermeasures against International Cybercrimes, wrote on the Foreign Ministry\'s website that Washington has spent the past 10 years trying to pin "cybercrime" on his country.';
    expect(marks(text)).toEqual({
      'kim-article-on-foreign-ministry-site': "wrote on the Foreign Ministry's website",
      'kim-ten-years-of-charges':
        'has spent the past 10 years trying to pin "cybercrime" on his country',
    });
  });

  it('joins the clauses that carry the claim’s words, and stops at one that carries none', () => {
    const sentence =
      'The two countries’ cyber commands signed their memorandum of understanding in January 2021, officials recalled, pledging closer work.';
    const [found] = restated(sentence);
    expect(found?.marked).toBe(
      'The two countries’ cyber commands signed their memorandum of understanding in January 2021',
    );
    expect(found?.verdict).toBe('differs');
    const agreed =
      'The two allies’ military cyber commands signed an agreement in August, promising closer work on defence.';
    expect(Object.values(marks(agreed))).toEqual([
      'The two allies’ military cyber commands signed an agreement in August, promising closer work on defence',
    ]);
  });

  it('marks the date the page gets wrong, in its own clause', () => {
    const text =
      'In March, the Justice Department and the FBI disrupted ransomware operations run by North Korean state hackers.';
    expect(marks(text)).toEqual({ 'doj-fbi-disrupted-ransomware': 'In March' });
  });

  it('ends on no dangling little word and starts on no possessive left by a name', () => {
    expect(
      marks(
        'Pyongyang’s cybercrime association accused Washington of treating cyberspace as a weapon.',
      ),
    ).toEqual({ 'kim-us-misuses-cyberspace': 'cybercrime association accused' });
    expect(
      marks(
        'North Korea on Wednesday lashed out at the United States, accusing it of spreading false information about North Korea being a cyber threat.',
      ),
    ).toMatchObject({ 'kim-us-misuses-cyberspace': 'accusing it of spreading false information' });
  });

  it('on the demo article: a phrase of two words or more, over no other mark', () => {
    const text = demoText();
    const all = findAnnotations(index, text, { published: '2023-09-14' });
    const claims = all.filter((a) => a.kind === 'claim' && !a.figure);
    expect(claims.length).toBeGreaterThanOrEqual(5);
    for (const claim of claims) {
      expect(text.slice(claim.start, claim.end).split(/\s+/).length, claim.factId).toBeGreaterThan(
        1,
      );
      const others = all.filter((a) => a !== claim);
      expect(others.filter((a: Annotation) => a.start < claim.end && claim.start < a.end)).toEqual(
        [],
      );
    }
  });
});

describe('a fact-checked claim retold on a page', () => {
  it('is found with its rating, and its date (when it was said) is never a date conflict', () => {
    const claimReview = JSON.parse(
      readFileSync('test/unit/pages/facts/fixtures/claimreview/single.json', 'utf8'),
    );
    const { pack } = claimReviewsToPack(claimReview, bundledPack.entities);
    const withReviews = buildIndex(mergePacks(bundledPack, pack));
    const text = `${ON_TOPIC}North Korea stole billions in cryptocurrency in 2022 alone, a viral post said.`;
    const [found] = findAnnotations(withReviews, text).filter((a) => a.kind === 'claim');
    expect(found?.factId).toBe(pack.claims[0]?.id);
    expect(found?.verdict).toBe('agrees');
    expect(found?.reason).toBe('Example Fact Check rated this claim “Mostly False” (3 May 2023).');
    expect(text.slice(found?.start, found?.end)).toBe(
      'stole billions in cryptocurrency in 2022 alone',
    );
  });
});
