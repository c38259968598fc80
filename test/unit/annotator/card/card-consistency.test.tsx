/**
 * No card contradicts itself, as a reader sees it: every card of the demo article and of our
 * articles in real news markup is rendered, and what it shows is checked against its verdict —
 * one verdict in words, each row's relation consistent with it, the number line on every figure
 * card, no internal words, and a quote only where the source gave one.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Card } from '@/lib/annotator/card/Card';
import { readArticle } from '@/lib/annotator/extract/article';
import { collectText } from '@/lib/annotator/extract/text';
import { buildIndex, findAnnotations } from '@/lib/background/match';
import { cardDataFor } from '@/lib/shared/card/card-data';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { VERDICT_LABELS } from '@/lib/shared/facts/describe';
import type { Annotation } from '@/lib/shared/match/types';
import { inCorpusMarkup } from '../../../fixtures/corpus-page';
import { FIGURE_ARTICLES } from '../../../fixtures/figure-articles';
import { REPORT } from '../../../fixtures/on-topic';
import { lookupOf } from '../../lookup';
import { renderRoot } from '../../render-root';

const index = buildIndex(bundledPack);
const facts = lookupOf(bundledPack);

/** Words that belong to the code, never on a card. */
const INTERNAL =
  /this page:|sources:|\b(?:past|year|since|range|month):|\bUSD\b|undefined|NaN|\[object/;

const PAGES: [string, string][] = [
  ['the demo article', readFileSync('assets/demo/article.html', 'utf8')],
  ['the report (cnn markup)', inCorpusMarkup('cnn', REPORT)],
  ...FIGURE_ARTICLES.map((a): [string, string] => [
    `${a.title} (${a.host})`,
    inCorpusMarkup(a.host, a),
  ]),
];

function claimsOn(html: string): Annotation[] {
  const doc = new JSDOM(html).window.document;
  const read = readArticle(doc as unknown as Document);
  if (!read) throw new Error('no article');
  const text = collectText(read.article.root).text;
  return findAnnotations(index, text, { published: read.article.published }).filter(
    (a) => a.kind === 'claim',
  );
}

const root = renderRoot();

describe.each(PAGES)('every card on %s', (_name, html) => {
  const claims = claimsOn(html);

  it('says one verdict, and nothing on it says otherwise', () => {
    expect(claims.length).toBeGreaterThan(0);
    for (const annotation of claims) {
      const where = `${annotation.text} (${annotation.factId})`;
      const data = cardDataFor(annotation, facts);
      if (data?.kind !== 'claim') throw new Error(`no card for ${where}`);
      render(
        <Card
          data={data}
          theme="light"
          onPrevious={() => {}}
          onNext={() => {}}
          onClose={() => {}}
        />,
        root,
      );
      const text = root.textContent ?? '';
      expect(text, where).not.toMatch(INTERNAL);
      expect(root.querySelector('.sentence')?.textContent, where).toBe(annotation.reason);
      expect(root.querySelectorAll('.verdict'), where).toHaveLength(1);
      const relations = [...root.querySelectorAll<HTMLElement>('[data-relation]')].map(
        (li) => li.dataset.relation,
      );
      const quotes = [...root.querySelectorAll('.quote')].map((q) => q.textContent);
      if (annotation.figure) {
        expect(root.querySelector('.verdict-label')?.textContent, where).toContain(
          VERDICT_LABELS[annotation.verdict ?? 'other-scope'],
        );
        // Every figure card has the picture, with its text alternative.
        const svg = root.querySelector('.picture svg[role="img"]');
        expect(svg, where).not.toBeNull();
        expect(root.querySelector(`#${svg?.getAttribute('aria-labelledby')}`)?.textContent).toMatch(
          /^This page: /,
        );
        if (annotation.verdict === 'differs') {
          expect(relations, where).toContain('differs');
          expect(relations, where).not.toContain('agrees');
        }
        if (annotation.verdict === 'agrees') expect(relations, where).toContain('agrees');
        if (annotation.verdict !== 'agrees' && annotation.verdict !== 'differs')
          expect(
            relations.filter((r) => r === 'agrees' || r === 'differs'),
            where,
          ).toEqual([]);
        expect(quotes, where).toEqual(data.rows.flatMap((r) => r.claim.evidence ?? []));
      } else {
        expect(relations, where).toEqual([]);
        expect(root.querySelector('.claim .statement')?.textContent, where).toBe(
          data.claim?.statement,
        );
        expect(quotes, where).toEqual(data.claim?.evidence ? [data.claim.evidence] : []);
        if (annotation.verdict === 'differs')
          expect(root.querySelector('.sentence')?.textContent, where).toMatch(
            /this page puts it in/,
          );
      }
    }
  });
});
