/**
 * Finds the article on a page with Readability and maps it back to the live DOM: the blocks
 * Readability kept and the headline, nothing else. Readability rewrites what it parses, so it runs
 * on a copy; the live page is only read, never written.
 */
import { Readability } from '@mozilla/readability';
import { type Block, blocksOf, keptRegion, keptText, storyBlocks } from './blocks';
import { copyDocument, copyPart, type IndexedCopy } from './clone';
import { findElsewhere } from './elsewhere';
import { findHeadline } from './headline';
import { judgeShape, measureShape, type NotArticle } from './shape';
import { collectText } from './text';

export interface Article {
  title: string;
  byline?: string;
  siteName?: string;
  published?: string;
  lang?: string;
  excerpt?: string;
  /** Characters of article text. */
  length: number;
  readingMinutes: number;
  /** The live headline, when the page has a heading that is the title. */
  headline?: Element;
  /**
   * The live nodes holding the article's text, in document order: the headline and the blocks
   * Readability kept (elements, or loose text of an element it kept only in part). Only these are
   * annotated: related-link boxes, section labels and other stories' bylines stay out.
   */
  blocks: Block[];
  /**
   * The live element holding every block Readability kept (their deepest common ancestor): where
   * the page's changes matter (a live blog adds paragraphs there). Holds more than the article, so
   * it is never annotated whole: `blocks` are.
   */
  root: Element;
}

/** Why a page gave no article, for the popup to put in words. */
type NoArticle =
  /** Readability found nothing, or what it found is too short or mostly links (a front page, a list). */
  | { reason: 'not-an-article'; detail: NotArticle | 'nothing-found' }
  /** The page has more elements than we parse, and no part of it small enough holds an article. */
  | { reason: 'too-large'; elements: number; limit: number }
  /** The article is in a same-origin frame (its own document; the annotator would have to run there). */
  | { reason: 'in-frame' }
  /** The article is in an open shadow root, which Readability cannot see. */
  | { reason: 'in-shadow-root' };

/** The article and its text as Readability extracted it, or why there is none. */
export type Reading =
  | { article: Article; text: string; why?: undefined }
  | { article: null; why: NoArticle };

export interface ExtractOptions {
  /** Pages with more elements are read from their largest article-like part, so a giant page cannot hang the tab. */
  maxElemsToParse?: number;
}

const DEFAULT_MAX_ELEMS = 20_000;
const WORDS_PER_MINUTE = 230;
/** Containers a page too large to read whole may hold its article in. */
/** Node.DOCUMENT_POSITION_PRECEDING (jsdom in Node has no global `Node`). */
const PRECEDING = 2;
const ARTICLE_PARTS = 'article, main, [role="main"], [itemprop~="articleBody"]';

/** The article on the page, or null. Never throws. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Article | null {
  return readPage(doc, options).article;
}

/** Like extractArticle, plus the article text as Readability extracted it (for tests and tools). */
export function readArticle(
  doc: Document,
  options: ExtractOptions = {},
): { article: Article; text: string } | null {
  const reading = readPage(doc, options);
  return reading.article ? reading : null;
}

/**
 * Reads the article on the page, or says why there is none. Never throws. Meant for pages the
 * detector passed (they name the fact base), so it runs Readability even where reader mode would
 * not, and judges the result by its shape instead (see shape.ts).
 */
export function readPage(doc: Document, options: ExtractOptions = {}): Reading {
  if (!doc.body) return noArticle('nothing-found');
  const limit = options.maxElemsToParse ?? DEFAULT_MAX_ELEMS;
  const elements = doc.getElementsByTagName('*').length;
  let copy: IndexedCopy;
  if (elements <= limit) copy = copyDocument(doc);
  else {
    const part = largestArticlePart(doc, limit);
    if (!part) return { article: null, why: { reason: 'too-large', elements, limit } };
    copy = copyPart(doc, part);
  }
  const reading = parse(doc, copy, limit);
  if (reading.article || reading.why.reason !== 'not-an-article') return reading;
  const elsewhere = findElsewhere(doc);
  return elsewhere ? { article: null, why: { reason: elsewhere } } : reading;
}

function parse(doc: Document, { copy, live }: IndexedCopy, limit: number): Reading {
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability(copy, {
      maxElemsToParse: limit,
      serializer: (node: Node) => node as Element,
    }).parse();
  } catch {
    // Readability can fail on exotic markup; a page we cannot read is simply not annotated.
    return noArticle('nothing-found');
  }
  const content = parsed?.content;
  if (!parsed || !content) return noArticle('nothing-found');
  const root = keptRegion(content, live) ?? doc.body;
  const kept = keptText(content, live, root);
  const notArticle = judgeShape(measureShape(root, (text) => kept.has(text)));
  if (notArticle) return noArticle(notArticle);
  const title = parsed.title ?? '';
  const headline = findHeadline(doc, title, root);
  const blocks = storyBlocks(headlineAndBlocks(root, kept, headline), headline);
  if (blocks.length === 0) return noArticle('nothing-found');
  const text = parsed.textContent ?? '';
  const article: Article = {
    title,
    byline: parsed.byline || undefined,
    siteName: parsed.siteName || undefined,
    published: parsed.publishedTime || undefined,
    lang: parsed.lang || undefined,
    excerpt: parsed.excerpt || undefined,
    length: text.length,
    readingMinutes: readingMinutes(text),
    headline,
    blocks,
    root: root === doc.documentElement ? doc.body : root,
  };
  return { article, text };
}

function noArticle(detail: NotArticle | 'nothing-found'): Reading {
  return { article: null, why: { reason: 'not-an-article', detail } };
}

/** Minutes to read `text` at an average adult pace, at least one. */
export function readingMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * On a page over the element limit, the article-like container with the most paragraph text that
 * is itself under the limit: reading it costs what reading a normal page does.
 */
function largestArticlePart(doc: Document, limit: number): Element | undefined {
  let best: Element | undefined;
  let bestChars = 0;
  for (const part of doc.querySelectorAll(ARTICLE_PARTS)) {
    if (part.getElementsByTagName('*').length > limit) continue;
    let chars = 0;
    for (const p of part.getElementsByTagName('p')) chars += p.textContent?.length ?? 0;
    if (chars > bestChars) {
      best = part;
      bestChars = chars;
    }
  }
  return best;
}

/** The blocks of `root` holding `kept` text, and the headline's, in document order. */
function headlineAndBlocks(root: Element, kept: Set<Text>, headline?: Element): Block[] {
  if (!headline) return blocksOf(root, kept);
  for (const node of collectText(headline).nodes) kept.add(node);
  if (root.contains(headline)) return blocksOf(root, kept);
  const before = root.compareDocumentPosition(headline) & PRECEDING;
  const [first, second] = before ? [headline, root] : [root, headline];
  return [...blocksOf(first, kept), ...blocksOf(second, kept)];
}
