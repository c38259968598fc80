/**
 * The article's text as the matcher sees it, with a map back to the live text nodes the
 * highlighter wraps. Pure DOM traversal (no layout), so it runs in happy-dom, jsdom and Chromium.
 */

/** Elements whose text is never read or touched (DESIGN.md, "Safety"). */
export const UNTOUCHABLE =
  'input, textarea, select, button, [contenteditable]:not([contenteditable="false"]), script, style, noscript, svg, math, code, pre, template, iframe, backstory-tooltip';

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
const BLOCK_TAGS = new Set([
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
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        nodes.push(child as Text);
        starts.push(text.length);
        text += asMatched(data);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (isUntouchable(el)) continue;
        const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
        if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
        visit(el);
        if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
      }
    }
  };
  visit(root);
  return { text, nodes, starts };
}
