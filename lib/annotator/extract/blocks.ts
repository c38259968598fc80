/**
 * The live nodes holding exactly the text Readability kept: not their common ancestor, which also
 * holds the related-link boxes, section labels and other stories' bylines Readability left out.
 *
 * Readability rewrites its copy (it wraps loose text in new paragraphs, drops wrappers, and on short
 * pages re-parses the page from HTML), so neither elements nor text nodes of the copy reliably point
 * back to the page. What survives is each text's words, in order, and each copied element's live
 * index: a kept text is found again as the next live text with the same words inside the live twin
 * of its nearest copied ancestor.
 */
import { liveTwin } from './clone';
import { collectText, isBlockLevel, isUntouchable, readsOn } from './text';

/** A live element holding only kept text, or a piece of an element Readability kept in part. */
export type Block = Element | Text;

/** Live twins of the outermost copied elements in `content` (Readability's own wrappers are looked through). */
function topKept(content: Element, live: readonly Element[]): Element[] {
  const out: Element[] = [];
  const visit = (el: Element) => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const twin = liveTwin(child, live);
      if (twin) out.push(twin);
      else visit(child);
    }
  };
  visit(content);
  return out;
}

/** The live element holding every block Readability kept: their deepest common ancestor. */
export function keptRegion(content: Element, live: readonly Element[]): Element | null {
  const tops = topKept(content, live);
  let region: Element | null = tops[0] ?? null;
  for (const top of tops.slice(1))
    while (region && !region.contains(top)) region = region.parentElement;
  return region;
}

/**
 * The live text nodes under `region` whose text Readability kept in `content` (parsed from a copy
 * whose elements point at `live`, see clone.ts).
 */
export function keptText(content: Element, live: readonly Element[], region: Element): Set<Text> {
  const byWords = new Map<string, { nodes: Text[]; next: number }>();
  for (const node of collectText(region).nodes) {
    const key = wordsOf(node.data);
    if (!key) continue;
    const entry = byWords.get(key);
    if (entry) entry.nodes.push(node);
    else byWords.set(key, { nodes: [node], next: 0 });
  }
  const kept = new Set<Text>();
  for (const copy of collectText(content).nodes) {
    const entry = byWords.get(wordsOf(copy.data));
    if (!entry) continue;
    const twin = nearestTwin(copy, live);
    for (let i = entry.next; i < entry.nodes.length; i++) {
      const node = entry.nodes[i] as Text;
      if (twin && !twin.contains(node)) continue;
      kept.add(node);
      // Readability keeps the page's order, so earlier texts with the same words were left out.
      entry.next = i + 1;
      break;
    }
  }
  return kept;
}

/** The live twin of the nearest copied element holding `node`, if any. */
function nearestTwin(node: Node, live: readonly Element[]): Element | undefined {
  for (let el = node.parentElement; el; el = el.parentElement) {
    const twin = liveTwin(el, live);
    if (twin) return twin;
  }
  return undefined;
}

function wordsOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How much of a live subtree's readable text is kept. */
const EMPTY = 0; // No readable text (images, empty wrappers): neither kept nor lost.
const ALL = 1;
const SOME = 2;
const NONE = 3;
type Kept = typeof EMPTY | typeof ALL | typeof SOME | typeof NONE;

/**
 * The blocks of `root` holding `kept` text, in document order: each element without block-level
 * elements inside (a paragraph, a heading, a list item) whose text is all kept, and the kept pieces
 * of the others. Containers are never blocks themselves, so what a page later puts in them (a
 * "most read" box loaded after the article) is never taken for article text.
 */
export function blocksOf(root: Element, kept: ReadonlySet<Text>): Block[] {
  const blocks: Block[] = [];
  const { state, holdsBlocks } = collect(root, kept, blocks);
  if (state === ALL && !holdsBlocks) blocks.push(root);
  return blocks;
}

/** Less text than this is a label (a section name, a date), not a paragraph (as in shape.ts). */
const LABEL_CHARS = 40;

/**
 * The story among the blocks Readability kept: from the headline on (the section labels and
 * kickers above it stay out, unless one is as long as a paragraph), without blocks (or runs of
 * inline pieces) whose every word is a link, nor the headings that introduce nothing else ("More
 * stories", "Most popular"): inside an article, those are navigation, never the story.
 */
export function storyBlocks(blocks: Block[], headline?: Element): Block[] {
  const top = headline ? blocks.indexOf(headline) : -1;
  const runs = runsOf(blocks).filter((run, i) => i >= top || textLength(run) >= LABEL_CHARS);
  // From the end: a heading goes when what follows it goes (links, or headings of links, or nothing).
  const dropped: boolean[] = [];
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i] as Block[];
    if (run[0] === headline) dropped[i] = false;
    else if (isHeading(run)) dropped[i] = dropped[i + 1] ?? true;
    else dropped[i] = run.every(isAllLink);
  }
  return runs.filter((_, i) => !dropped[i]).flat();
}

/** Blocks grouped into runs that read on inline (see readsOn); each block alone otherwise. */
function runsOf(blocks: Block[]): Block[][] {
  const runs: Block[][] = [];
  for (const [i, block] of blocks.entries()) {
    const previous = blocks[i - 1];
    const run = runs.at(-1);
    if (run && previous && readsOn(previous, block)) run.push(block);
    else runs.push([block]);
  }
  return runs;
}

function isHeading(run: Block[]): boolean {
  return run.length === 1 && /^H[1-6]$/i.test((run[0] as Element).tagName ?? '');
}

function textLength(run: Block[]): number {
  return run.reduce((sum, block) => sum + (block.textContent ?? '').trim().length, 0);
}

/** True if every word of `block` is inside a link (a block without words counts as one). */
function isAllLink(block: Block): boolean {
  const inLink = (node: Node) => node.parentElement?.closest('a[href]') != null;
  const nodes = block.nodeType === 3 ? [block as Text] : collectText(block as Element).nodes;
  return nodes.every((node) => !/\S/.test(node.data) || inLink(node));
}

/**
 * Classifies `el` and pushes the blocks of its kept parts onto `out`; when `el` turns out to be one
 * block (all kept, no block-level elements inside), takes them back for the caller to push `el`.
 */
function collect(
  el: Element,
  kept: ReadonlySet<Text>,
  out: Block[],
): { state: Kept; holdsBlocks: boolean } {
  const mark = out.length;
  let any = false;
  let lost = false;
  let holdsBlocks = false;
  // The last inline piece pushed, while the run of inline content it belongs to goes on.
  let last: Node | null = null;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      if (!/\S/.test((child as Text).data)) continue;
      if (kept.has(child as Text)) {
        any = true;
        pushInline(out, child, last);
        last = child;
      } else {
        lost = true;
        last = null;
      }
    } else if (child.nodeType === 1 && !isUntouchable(child as Element)) {
      const inner = collect(child as Element, kept, out);
      const blockLevel = isBlockLevel(child);
      holdsBlocks ||= blockLevel || inner.holdsBlocks;
      if (inner.state === ALL || inner.state === SOME) any = true;
      if (inner.state === SOME || inner.state === NONE) lost = true;
      if (inner.state === ALL && !inner.holdsBlocks) {
        if (blockLevel) out.push(child as Element);
        else pushInline(out, child, last);
        last = blockLevel ? null : child;
      } else if (inner.state !== EMPTY || blockLevel) last = null;
    }
  }
  const state = !any ? (lost ? NONE : EMPTY) : lost ? SOME : ALL;
  if (state === ALL && !holdsBlocks) out.length = mark;
  return { state, holdsBlocks };
}

/** Pushes an inline piece, with the spaces between it and the previous piece of the same run. */
function pushInline(out: Block[], node: Node, last: Node | null): void {
  const before = node.previousSibling;
  if (last && before?.nodeType === 3 && before.previousSibling === last) out.push(before as Text);
  out.push(node as Block);
}
