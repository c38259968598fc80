/**
 * Which annotation is under a point of the viewport. The browser's own hit test of highlights where
 * it has one (`CSS.highlights.highlightsFromPoint`), else the caret position at the point and the
 * client rects of the ranges in that text node. Only ranges of ours count: a range the page adds
 * to a highlight names no annotation.
 */
import type { AnnotationGroup, Highlights } from './highlights';

/** `highlightsFromPoint` is newer than TypeScript's DOM types; older versions returned highlights only. */
type HitResult = { highlight: Highlight; ranges?: readonly AbstractRange[] };
type RegistryWithHitTest = HighlightRegistry & {
  highlightsFromPoint?(x: number, y: number): readonly HitResult[];
};

/** `caretRangeFromPoint` is Chromium's and WebKit's older name for the caret lookup. */
type DocumentWithCaret = Document & {
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The annotation drawn at (x, y) in `doc`'s viewport, if any. */
export function groupAtPoint(
  highlights: Highlights,
  x: number,
  y: number,
  doc: Document = document,
): AnnotationGroup | undefined {
  const registry = doc.defaultView?.CSS?.highlights as RegistryWithHitTest | undefined;
  const results = registry?.highlightsFromPoint?.(x, y);
  if (results?.every((result) => Array.isArray(result.ranges))) {
    for (const result of results) {
      for (const range of result.ranges ?? []) {
        const group = highlights.groupOfRange(range);
        if (group) return group;
      }
    }
    return undefined;
  }
  return groupAtCaret(highlights, x, y, doc);
}

/** The fallback: the text node at the caret position, then the rects of our ranges in it. */
function groupAtCaret(
  highlights: Highlights,
  x: number,
  y: number,
  doc: DocumentWithCaret,
): AnnotationGroup | undefined {
  const node = caretNode(doc, x, y);
  if (node?.nodeType !== Node.TEXT_NODE) return undefined;
  for (const group of highlights.groupsIn(node as Text)) {
    for (const range of group.ranges) {
      if (range.startContainer !== node) continue;
      for (const rect of range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return group;
      }
    }
  }
  return undefined;
}

function caretNode(doc: DocumentWithCaret, x: number, y: number): Node | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    return doc.caretPositionFromPoint(x, y)?.offsetNode ?? undefined;
  }
  return doc.caretRangeFromPoint?.(x, y)?.startContainer ?? undefined;
}
