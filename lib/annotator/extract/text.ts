/**
 * The article's text as the matcher sees it, with a map back to the live text nodes the
 * highlighter wraps. Pure DOM traversal (no layout), so it runs in happy-dom, jsdom and Chromium.
 */

/** Elements whose text is never read or touched (DESIGN.md, "Safety"), and the card host. */
const SKIP_TAGS = new Set([
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'SVG',
  'MATH',
  'CODE',
  'PRE',
  'TEMPLATE',
  'IFRAME',
  'BACKSTORY-TOOLTIP',
]);

// Block boundaries become a newline so words in adjacent paragraphs never run together.
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** True if `next` follows `block` inline (adjacent siblings, neither a block): one run of text. */
export function readsOn(block: Element | Text, next: Element | Text): boolean {
  return block.nextSibling === next && !isBlockLevel(block) && !isBlockLevel(next);
}

/** Elements that start a new block of text (BR and HR only break a line inside one). */
const BLOCK_LEVEL = new Set([...BLOCK_TAGS].filter((tag) => tag !== 'BR' && tag !== 'HR'));

/** True if `node` is an element that starts its own block of text. */
export function isBlockLevel(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_LEVEL.has((node as Element).tagName.toUpperCase());
}

/** Text of a subtree plus, for each text node, where its data starts in `text`. */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset in `text` of nodes[i].data[0]. */
  starts: number[];
}

/**
 * A text node's data as the matcher reads it: line breaks and tabs inside a text node are only source
 * formatting, so they read as spaces ("Association for⏎  Countermeasures" stays one name and one
 * sentence). Same length, so offsets map 1:1 to the node.
 */
export function asMatched(data: string): string {
  return data.replace(/[\n\r\t\f]/g, ' ');
}

/** True if the element (or an ancestor up to, not including, `root`) must never be read or touched. */
export function isUntouchable(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Collects the readable text under `root`, skipping untouchable subtrees, in document order. */
export function collectText(root: Element): TextMap {
  const out = new TextBuilder();
  out.addChildren(root);
  return out.finish();
}

/**
 * Collects the readable text of `blocks` (elements, or pieces of inline content), in the order
 * given, with a block boundary between blocks, so no match runs from one block into the next;
 * pieces that follow each other inline (adjacent siblings) read on without one. Linear in the text:
 * pieces are joined once at the end and the last character is tracked, never searched for.
 */
export function collectBlocksText(blocks: readonly (Element | Text)[]): TextMap {
  const out = new TextBuilder();
  let previous: Element | Text | undefined;
  for (const block of blocks) {
    if (!previous || !readsOn(previous, block)) out.breakLine();
    previous = block;
    if (block.nodeType === 3) out.addText(block as Text);
    else if (!isUntouchable(block as Element)) out.addChildren(block as Element);
  }
  return out.finish();
}

/** Appends text nodes and block boundaries in document order. */
class TextBuilder {
  private readonly pieces: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private length = 0;
  private endsWithBreak = false;

  addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.pieces.push(asMatched(data));
    this.length += data.length;
    this.endsWithBreak = false;
  }

  addChildren(parent: Node): void {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) this.addText(child as Text);
      else if (child.nodeType === 1 && !isUntouchable(child as Element)) {
        const block = BLOCK_TAGS.has((child as Element).tagName.toUpperCase());
        if (block) this.breakLine();
        this.addChildren(child);
        if (block) this.breakLine();
      }
    }
  }

  /** A newline, unless the text is empty or already ends with one. */
  breakLine(): void {
    if (this.length === 0 || this.endsWithBreak) return;
    this.pieces.push('\n');
    this.length += 1;
    this.endsWithBreak = true;
  }

  finish(): TextMap {
    return { text: this.pieces.join(''), nodes: this.nodes, starts: this.starts };
  }
}
