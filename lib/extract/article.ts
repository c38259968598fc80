/**
 * Finds the article on a page with Readability and maps it back to the live DOM.
 * Readability mutates what it parses, so it runs on a clone; the live page is only read, never written.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';

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
  /** The LIVE element holding the article body, in the real document. */
  root: Element;
}

export interface ExtractOptions {
  /** Pages with more elements than this are not parsed (Readability aborts), so a giant page cannot hang the tab. */
  maxElemsToParse?: number;
}

const DEFAULT_MAX_ELEMS = 20_000;
const WORDS_PER_MINUTE = 230;
/** Set on clone elements only: the index of the matching live element. Survives Readability's re-tagging and re-parsing. */
const LIVE_INDEX_ATTR = 'data-backstory-live';

/** The article on the page, or null when the page is not an article (cheap: isProbablyReaderable gate). Never throws. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Article | null {
  return readArticle(doc, options)?.article ?? null;
}

/** Like extractArticle, plus the article text as Readability extracted it (for tests and tools). */
export function readArticle(
  doc: Document,
  options: ExtractOptions = {},
): { article: Article; text: string } | null {
  if (!doc.body || !isProbablyReaderable(doc)) return null;
  const maxElems = options.maxElemsToParse ?? DEFAULT_MAX_ELEMS;
  if (doc.getElementsByTagName('*').length > maxElems) return null;
  try {
    return parseArticle(doc, maxElems);
  } catch {
    // Readability can fail on exotic markup; a page we cannot read is simply not annotated.
    return null;
  }
}

function parseArticle(doc: Document, maxElems: number): { article: Article; text: string } | null {
  const { clone, live } = cloneWithLiveIndex(doc);
  const parsed = new Readability(clone, {
    maxElemsToParse: maxElems,
    serializer: (node: Node) => node as Element,
  }).parse();
  if (!parsed?.content) return null;
  const root = findLiveRoot(parsed.content, live, doc);
  if (!root) return null;
  const text = parsed.textContent ?? '';
  const article: Article = {
    title: parsed.title ?? '',
    byline: parsed.byline || undefined,
    siteName: parsed.siteName || undefined,
    published: parsed.publishedTime || undefined,
    lang: parsed.lang || undefined,
    excerpt: parsed.excerpt || undefined,
    length: text.length,
    readingMinutes: readingMinutes(text),
    root,
  };
  return { article, text };
}

/** Minutes to read `text` at an average adult pace, at least one. */
export function readingMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Deep clone of the document whose elements carry the index of their live twin (same document order). */
function cloneWithLiveIndex(doc: Document): { clone: Document; live: Element[] } {
  const clone = doc.cloneNode(true) as Document;
  return { clone, live: indexClone(doc, clone) };
}

/**
 * Marks each element of `clone` (a fresh deep clone of `doc`) with the index of its live twin and
 * returns the live elements by index. Only the clone is written to.
 */
export function indexClone(doc: Document, clone: Document): Element[] {
  const live = elementsInOrder(doc);
  for (const [i, copy] of elementsInOrder(clone).entries())
    copy.setAttribute(LIVE_INDEX_ATTR, String(i));
  return live;
}

/** Every element in document order, by a plain walk (live collections are slow to index in jsdom). */
function elementsInOrder(doc: Document): Element[] {
  const out: Element[] = [];
  let el: Element | null = doc.documentElement;
  while (el) {
    out.push(el);
    if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && !el.nextElementSibling) el = el.parentElement;
    el = el?.nextElementSibling ?? null;
  }
  return out;
}

/**
 * The live element holding every top-level block Readability kept in `content` (parsed from a clone
 * marked by indexClone): the deepest common ancestor of their live twins. Elements Readability
 * created itself carry no index, so we look through them.
 */
export function findLiveRoot(content: Element, live: Element[], doc: Document): Element | null {
  const blocks: Element[] = [];
  collectTopIndexed(content, live, blocks);
  let root: Element | null = blocks[0] ?? null;
  for (let i = 1; i < blocks.length && root; i++) {
    root = commonAncestor(root, blocks[i] as Element);
  }
  if (!root || root === doc.documentElement) return doc.body;
  return root;
}

function collectTopIndexed(el: Element, live: Element[], out: Element[]): void {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    const index = child.getAttribute(LIVE_INDEX_ATTR);
    const twin = index === null ? undefined : live[Number(index)];
    if (twin) out.push(twin);
    else collectTopIndexed(child, live, out);
  }
}

function commonAncestor(a: Element, b: Element): Element | null {
  let node: Element | null = a;
  while (node && !node.contains(b)) node = node.parentElement;
  return node;
}
