/**
 * Whether what Readability extracted reads like an article. Readability always extracts something,
 * and its reader-mode heuristic (isProbablyReaderable) is tuned for long reads: it turns down short
 * news briefs. Backstory only asks on pages that name its fact base, so it judges Readability's
 * result instead, on the live page: an article has paragraphs of prose; a front page (a home page,
 * a section front, a topic page) has a headline linking elsewhere before each standfirst; a list has
 * links and no paragraphs.
 */
import { BLOCK_TAGS, isUntouchable } from './text';

/** A text block: the text under one block-level element. */
interface Block {
  /** Text length, weighted so a line of Chinese or Japanese counts like one of English (see weigh). */
  size: number;
  /** Of which inside links. */
  linked: number;
  /** Of which kept by Readability and outside links. */
  kept: number;
}

/** What the judgement reads off the live page around the article. */
export interface Shape {
  /** Paragraphs: blocks with at least PARAGRAPH_TEXT of kept text outside links. */
  paragraphs: number;
  /** Their kept text outside links, weighted. */
  paragraphText: number;
  /** Short paragraphs straight after a link block (a headline link, a list entry), as a teaser's standfirst is. */
  afterLinks: number;
}

/** Why Readability's result is not taken as an article. */
export type NotArticle = 'too-short' | 'front-page';

/** A paragraph has at least this much text outside links (a one-sentence news paragraph has ~60-120). */
const PARAGRAPH_TEXT = 40;
/** A link block is at least this share link, and no paragraph: a headline, a list entry. */
const LINK_BLOCK_SHARE = 0.75;
/** An article has at least this much paragraph text: two sentences of news. */
const MIN_TEXT = 200;
/** ...in two paragraphs, or in one this long (a front page's standfirst is rarely half as long). */
const MIN_SINGLE_PARAGRAPH_TEXT = 400;
/** A standfirst is shorter than this: one or two sentences (a listicle's items, after linked subheads, are longer). */
const STANDFIRST_TEXT = 300;
/** A page where this share of the paragraphs are standfirsts after links is a front page, not an article. */
const MAX_AFTER_LINKS = 0.5;

/**
 * Measures the live `root` around the article: its text blocks in order, which of them are
 * paragraphs Readability kept (`isKept` tells of each text node), and which follow a link. The live
 * page shows what Readability's output may not: the headline links it dropped between standfirsts.
 */
export function measureShape(root: Element, isKept: (text: Text) => boolean): Shape {
  const shape: Shape = { paragraphs: 0, paragraphText: 0, afterLinks: 0 };
  let afterLink = false;
  for (const block of textBlocks(root, isKept)) {
    if (block.kept >= PARAGRAPH_TEXT) {
      shape.paragraphs++;
      shape.paragraphText += block.kept;
      if (afterLink && block.kept < STANDFIRST_TEXT) shape.afterLinks++;
      afterLink = false;
    } else if (block.linked >= LINK_BLOCK_SHARE * block.size) afterLink = true;
    // Anything else (a byline, a date, a caption, a label) neither starts nor ends a teaser.
  }
  return shape;
}

/** Null when `shape` reads like an article, else why not. */
export function judgeShape({ paragraphs, paragraphText, afterLinks }: Shape): NotArticle | null {
  if (paragraphText < MIN_TEXT || (paragraphs < 2 && paragraphText < MIN_SINGLE_PARAGRAPH_TEXT))
    return 'too-short';
  return afterLinks >= MAX_AFTER_LINKS * paragraphs ? 'front-page' : null;
}

/** The text blocks under `root` in document order: text grouped by its nearest block-level element. */
function textBlocks(root: Element, isKept: (text: Text) => boolean): Block[] {
  const blocks = new Map<Element, Block>();
  const visit = (el: Element, block: Element, linked: boolean): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const size = weigh((child as Text).data);
        if (size === 0) continue;
        let entry = blocks.get(block);
        if (!entry) {
          entry = { size: 0, linked: 0, kept: 0 };
          blocks.set(block, entry);
        }
        entry.size += size;
        if (linked) entry.linked += size;
        else if (isKept(child as Text)) entry.kept += size;
      } else if (child.nodeType === 1 && !isUntouchable(child as Element)) {
        const inner = child as Element;
        const tag = inner.tagName.toUpperCase();
        visit(inner, BLOCK_TAGS.has(tag) ? inner : block, linked || tag === 'A');
      }
    }
  };
  visit(root, root, false);
  // A block's entry is made at its first text, so map order is the order blocks start in.
  return [...blocks.values()];
}

const WIDE_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * Length of `text` with runs of spaces as one, and each Chinese, Japanese or Korean character as
 * three: those scripts say in one character about what English says in three.
 */
function weigh(text: string): number {
  const trimmed = text.replace(/\s+/g, ' ');
  if (trimmed === ' ') return 0;
  return trimmed.length + 2 * (trimmed.match(WIDE_SCRIPTS)?.length ?? 0);
}
