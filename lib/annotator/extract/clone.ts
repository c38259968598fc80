/**
 * Copies of the page for Readability, which rewrites what it parses. Every copied element carries
 * the index of its live twin, so whatever Readability keeps can be found again on the live page.
 * Only the copy is ever written to.
 */

/** Set on copied elements only: the index of the live twin. Survives Readability's re-tagging and re-parsing. */
const LIVE_INDEX_ATTR = 'data-backstory-live';

/** A copy of (part of) the page for Readability, and the live elements its indices point to. */
export interface IndexedCopy {
  copy: Document;
  live: Element[];
}

/** A deep copy of the whole document. */
export function copyDocument(doc: Document): IndexedCopy {
  const copy = doc.cloneNode(true) as Document;
  return { copy, live: indexClone(doc.documentElement, copy.documentElement) };
}

/**
 * A document holding copies of the page's `<head>` (its metadata) and of `part` only: a cheaper
 * read of a page too large to copy whole.
 */
export function copyPart(doc: Document, part: Element): IndexedCopy {
  const copy = doc.implementation.createHTMLDocument('');
  for (const { name, value } of doc.documentElement.attributes)
    copy.documentElement.setAttribute(name, value);
  const live: Element[] = [];
  if (doc.head) {
    const head = copy.importNode(doc.head, true);
    copy.documentElement.replaceChild(head, copy.head);
    live.push(...indexClone(doc.head, head, live.length));
  }
  const body = copy.importNode(part, true);
  copy.body.append(body);
  live.push(...indexClone(part, body, live.length));
  return { copy, live };
}

/**
 * Marks each element of `clone` (a fresh deep clone of `root`) with the index of its live twin,
 * counting from `offset`, and returns the live elements in that order.
 */
function indexClone(root: Element, clone: Element, offset = 0): Element[] {
  const live = elementsInOrder(root);
  for (const [i, copy] of elementsInOrder(clone).entries())
    copy.setAttribute(LIVE_INDEX_ATTR, String(offset + i));
  return live;
}

/** `root` and its descendant elements, in document order. */
function elementsInOrder(root: Element): Element[] {
  return [root, ...root.querySelectorAll('*')];
}

/** The live twin of a copied element, if it has one (Readability's own elements have none). */
export function liveTwin(copy: Element, live: readonly Element[]): Element | undefined {
  const index = copy.getAttribute(LIVE_INDEX_ATTR);
  return index === null ? undefined : live[Number(index)];
}
