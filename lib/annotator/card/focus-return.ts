/**
 * Focus and selection as the reader left them, kept while a card has focus and put back when it
 * closes: the page's own focus and selection are never lost (docs/architecture.md, "The page contract").
 */

/** Where focus and the selection were before the card took focus. */
export interface FocusReturn {
  element: Element | null;
  selection: Range[];
}

/** Where focus and the selection are now (focus inside the page's own open shadow roots too). */
export function rememberFocus(): FocusReturn {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  const selection = document.getSelection();
  const ranges: Range[] = [];
  for (let i = 0; i < (selection?.rangeCount ?? 0); i++) {
    const range = selection?.getRangeAt(i);
    if (range) ranges.push(range.cloneRange());
  }
  return { element, selection: ranges };
}

/** Puts focus back on the element that had it (or on nothing) and the selection back as it was. */
export function putBack(back: FocusReturn): void {
  const element = back.element as HTMLElement | null;
  if (element?.isConnected && element !== document.body && typeof element.focus === 'function') {
    element.focus({ preventScroll: true });
  } else (document.activeElement as HTMLElement | null)?.blur();
  const selection = document.getSelection();
  if (!selection || sameSelection(selection, back.selection)) return;
  selection.removeAllRanges();
  for (const range of back.selection) selection.addRange(range);
}

function sameSelection(selection: Selection, ranges: readonly Range[]): boolean {
  if (selection.rangeCount !== ranges.length) return false;
  return ranges.every((range, i) => {
    const now = selection.getRangeAt(i);
    return (
      now.startContainer === range.startContainer &&
      now.startOffset === range.startOffset &&
      now.endContainer === range.endContainer &&
      now.endOffset === range.endOffset
    );
  });
}
