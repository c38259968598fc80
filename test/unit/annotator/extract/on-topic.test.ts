// @vitest-environment node
/**
 * Extraction on on-topic articles in real news markup (test/fixtures/corpus-page.ts): only the
 * article's own blocks and headline are read, so nothing outside them can be marked; short briefs
 * are read although reader mode turns them down; fronts and lists are not read as articles.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/annotator/extract/article';
import { collectBlocksText, collectText, type TextMap } from '@/lib/annotator/extract/text';
import { buildIndex, findAnnotations } from '@/lib/background/match';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { inCorpusMarkup, NEWS_HOSTS, type OnTopicArticle } from '../../../fixtures/corpus-page';
import { homePage, sectionFront, topicList } from '../../../fixtures/front-page';
import { BRIEF, RELATED_HEADLINES, REPORT } from '../../../fixtures/on-topic';

const index = buildIndex(bundledPack);
const URL = 'https://news.example/2023/09/14/story.html';
/** jsdom parses and Readability reads each page in well under a second, but the machine is shared. */
const SLOW = 60_000;

function read(html: string) {
  const doc = new JSDOM(html, { url: URL }).window.document;
  const reading = readPage(doc);
  const map = reading.article ? collectBlocksText(reading.article.blocks) : undefined;
  return { doc, reading, map, annotations: map ? findAnnotations(index, map.text) : [] };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text node an offset of the map falls in. */
function nodeAt(map: TextMap, offset: number): Text | undefined {
  let i = map.starts.length - 1;
  while (i > 0 && (map.starts[i] as number) > offset) i--;
  return map.nodes[i];
}

/**
 * Annotations on text that is neither the headline nor article text by Readability's own account
 * (a fresh Readability run on the same page): the marks a reader would find outside the article.
 */
function outsideTheArticle(doc: Document, headline: string, map: TextMap): string[] {
  const own = new Readability(doc.cloneNode(true) as Document).parse();
  const article = squash(own?.textContent ?? '');
  return findAnnotations(index, map.text)
    .filter((a) => {
      const node = squash(nodeAt(map, a.start)?.data ?? '');
      return node !== '' && !article.includes(node) && !headline.includes(node);
    })
    .map((a) => a.text);
}

const ARTICLES: [string, OnTopicArticle][] = [
  ['report', REPORT],
  ['brief', BRIEF],
];

describe.each(NEWS_HOSTS)('an on-topic article in %s markup', (host) => {
  it.each(ARTICLES)(
    '%s: reads the headline and every paragraph, and marks nothing outside the article',
    (_, article) => {
      const { doc, reading, map, annotations } = read(inCorpusMarkup(host, article));
      expect(reading.article?.title).toBe(article.title);
      const text = map?.text ?? '';
      expect(text.startsWith(`${article.title}\n`)).toBe(true);
      for (const paragraph of article.paragraphs) expect(text).toContain(paragraph);
      for (const headline of RELATED_HEADLINES) expect(text).not.toContain(headline);
      expect(annotations.length).toBeGreaterThan(2);
      expect(map && outsideTheArticle(doc, article.title, map)).toEqual([]);
    },
    SLOW,
  );
});

describe('the live root this replaces', () => {
  it(
    'held marks outside the article in real news markup',
    () => {
      const outside = NEWS_HOSTS.flatMap((host) => {
        const { doc, reading } = read(inCorpusMarkup(host, REPORT));
        const root = reading.article?.root;
        return root ? outsideTheArticle(doc, REPORT.title, collectText(root)) : [];
      });
      expect(outside.length).toBeGreaterThan(0);
    },
    SLOW,
  );
});

describe('a short brief', () => {
  it('is annotated in BBC markup, where reader mode turns it down', () => {
    const html = inCorpusMarkup('bbc-1', BRIEF);
    expect(isProbablyReaderable(new JSDOM(html).window.document)).toBe(false);
    const { annotations } = read(html);
    expect(annotations.map((a) => a.text)).toEqual(
      expect.arrayContaining(['Alejandro Mayorkas', 'Pyongyang', 'Mayorkas']),
    );
  });
});

const NOT_ARTICLES: [string, (host: string) => string][] = [
  ['a section front', sectionFront],
  ['a home page', homePage],
  ['a topic list', topicList],
];

describe.each(NEWS_HOSTS)(
  'pages naming the fact base that are not articles, in %s markup',
  (host) => {
    it.each(NOT_ARTICLES)(
      '%s gets no annotation',
      (_, page) => {
        const { doc, reading, annotations } = read(page(host));
        // The detector would pass these pages: they name people the fact base knows.
        expect(findAnnotations(index, doc.body.textContent ?? '').length).toBeGreaterThan(0);
        expect(annotations.map((a) => a.text)).toEqual([]);
        if (!reading.article) expect(reading.why.reason).toBe('not-an-article');
      },
      SLOW,
    );
  },
);
