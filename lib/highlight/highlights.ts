/**
 * Wraps annotation ranges of live text in `<backstory-mark>` elements and takes them out again,
 * leaving the page's DOM exactly as it was (DESIGN.md, "The DOM contract").
 */
import { asMatched, collectText, type TextMap } from '@/lib/extract/text';
import type { Annotation } from '@/lib/match/types';
import { forEachInSlices } from '@/lib/yield';

export const MARK_TAG = 'backstory-mark';

/** The marks of one annotation: one per text-node piece, in document order. */
export interface MarkGroup {
  /** Unique per group, also written to each mark as `data-annotation`. */
  id: number;
  annotation: Annotation;
  marks: HTMLElement[];
}

export interface UpdateOptions {
  /** Aborting stops between slices; marks already made stay tracked and removable. */
  signal?: AbortSignal;
  /** Runs each DOM-writing slice, so a caller can tell its own mutations from the page's. */
  runSlice?: (slice: () => void) => void;
  /** How long one slice may run before yielding (default SLICE_MS). */
  sliceMs?: number;
}

/** A text node the highlighter split off, and the node it came from. */
interface Split {
  piece: Text;
  from: Text;
}

/** Where the unwrapped rest of an original text node now begins. */
interface Tail {
  node: Text;
  start: number;
}

/** Identifies an annotation by its place and meaning, to keep marks that are still right. */
function keyOf(a: Annotation, start = a.start, end = a.end): string {
  return `${start}:${end}:${a.kind}:${a.factId}:${a.verdict ?? ''}`;
}

/** Index of the last node that starts at or before `offset`. */
function nodeAt(map: TextMap, offset: number): number {
  let low = 0;
  let high = map.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((map.starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The set of marks on a page, kept in step with the annotations of its article. */
export class Highlights {
  private list: MarkGroup[] = [];
  private readonly byMark = new WeakMap<Element, MarkGroup>();
  private splits: Split[] = [];
  private nextId = 1;

  /** Current groups, in text order. */
  get groups(): readonly MarkGroup[] {
    return this.list;
  }

  /** The group a mark (or any element inside one) belongs to, if it is one of ours. */
  groupOf(el: Element): MarkGroup | undefined {
    const mark = el.closest(MARK_TAG);
    return mark ? this.byMark.get(mark) : undefined;
  }

  /**
   * Makes the marks under `root` match `annotations` (computed on `map`, the current text of
   * `root`): keeps marks that are still right, removes the rest, wraps what is new. Idempotent.
   */
  async update(
    root: Element,
    map: TextMap,
    annotations: readonly Annotation[],
    options: UpdateOptions = {},
  ): Promise<void> {
    const runSlice = options.runSlice ?? ((slice) => slice());
    const wanted = new Map(annotations.map((a) => [keyOf(a), a]));
    const kept: MarkGroup[] = [];
    const stale: MarkGroup[] = [];
    const nodeIndex = new Map(map.nodes.map((node, i) => [node, i]));
    for (const group of this.list) {
      const key = this.currentKey(group, map, nodeIndex);
      const annotation = key === undefined ? undefined : wanted.get(key);
      if (annotation) {
        group.annotation = annotation;
        wanted.delete(key as string);
        kept.push(group);
      } else stale.push(group);
    }
    this.list = kept;
    let current = map;
    if (stale.length > 0) {
      runSlice(() => this.unwrap(stale));
      // Unwrapping keeps the text but merges nodes, so offsets hold and the node list is renewed.
      current = collectText(root);
    }
    const lengths = current.nodes.map((node) => node.data.length);
    const tails = new Map<number, Tail>();
    await forEachInSlices(
      [...wanted.values()],
      (annotation) => {
        const group = this.wrap(current, lengths, tails, annotation);
        if (group) this.list.push(group);
      },
      { signal: options.signal, runSlice, sliceMs: options.sliceMs },
    );
    this.list.sort((a, b) => a.annotation.start - b.annotation.start);
  }

  /** Removes every mark and merges the text nodes it split: the DOM is as it was before. */
  clear(): void {
    this.unwrap(this.list);
    this.list = [];
  }

  /** The group's key at its current place in `map`, or undefined if the page changed its marks. */
  private currentKey(
    group: MarkGroup,
    map: TextMap,
    nodeIndex: Map<Text, number>,
  ): string | undefined {
    const texts: Text[] = [];
    for (const mark of group.marks) {
      const text = mark.firstChild;
      if (!mark.isConnected || mark.childNodes.length !== 1 || text?.nodeType !== 3)
        return undefined;
      texts.push(text as Text);
    }
    const first = nodeIndex.get(texts[0] as Text);
    const last = texts.at(-1) as Text;
    const lastIndex = nodeIndex.get(last);
    if (first === undefined || lastIndex === undefined) return undefined;
    const end = (map.starts[lastIndex] ?? 0) + last.data.length;
    return keyOf(group.annotation, map.starts[first], end);
  }

  /** Wraps the text of one annotation, piece by piece; skips it if the page changed that text. */
  private wrap(
    map: TextMap,
    lengths: number[],
    tails: Map<number, Tail>,
    annotation: Annotation,
  ): MarkGroup | undefined {
    const pieces: { index: number; tail: Tail; from: number; to: number }[] = [];
    for (let i = nodeAt(map, annotation.start); i < map.nodes.length; i++) {
      const nodeStart = map.starts[i] ?? 0;
      if (nodeStart >= annotation.end) break;
      const from = Math.max(annotation.start, nodeStart);
      const to = Math.min(annotation.end, nodeStart + (lengths[i] ?? 0));
      if (from >= to) continue;
      const tail = tails.get(i) ?? { node: map.nodes[i] as Text, start: nodeStart };
      if (!this.canWrap(tail, from, to, map.text.slice(from, to))) return undefined;
      pieces.push({ index: i, tail, from, to });
    }
    if (pieces.length === 0) return undefined;
    const group: MarkGroup = { id: this.nextId++, annotation, marks: [] };
    for (const { index, tail, from, to } of pieces) {
      const { mark, rest } = this.wrapPiece(tail, from, to, group);
      group.marks.push(mark);
      if (rest) tails.set(index, rest);
    }
    return group;
  }

  /** True if `tail` still holds `expected` at [from, to) and is not inside a mark already. */
  private canWrap(tail: Tail, from: number, to: number, expected: string): boolean {
    if (from < tail.start || !tail.node.parentNode) return false;
    if (tail.node.parentElement?.closest(MARK_TAG)) return false;
    return asMatched(tail.node.data.slice(from - tail.start, to - tail.start)) === expected;
  }

  /** Splits [from, to) out of `tail`, wraps it in a mark, and returns the rest of the node. */
  private wrapPiece(
    tail: Tail,
    from: number,
    to: number,
    group: MarkGroup,
  ): { mark: HTMLElement; rest?: Tail } {
    let node = tail.node;
    if (from > tail.start) node = this.split(node, from - tail.start);
    const rest =
      to - from < node.data.length ? { node: this.split(node, to - from), start: to } : undefined;
    const mark = node.ownerDocument.createElement(MARK_TAG);
    const { annotation } = group;
    mark.dataset.kind = annotation.kind;
    mark.dataset.fact = annotation.factId;
    mark.dataset.annotation = String(group.id);
    if (annotation.verdict === 'differs') mark.dataset.conflict = '';
    // Focusable by script and pointer, but not a tab stop: the keyboard commands move between marks.
    mark.tabIndex = -1;
    node.parentNode?.insertBefore(mark, node);
    mark.appendChild(node);
    this.byMark.set(mark, group);
    return { mark, rest };
  }

  /** Splits `node` at `offset`, remembering the new right-hand node so removal can merge it back. */
  private split(node: Text, offset: number): Text {
    const piece = node.splitText(offset);
    this.splits.push({ piece, from: node });
    return piece;
  }

  /** Takes the groups' marks out and merges back every split whose pieces are side by side again. */
  private unwrap(groups: readonly MarkGroup[]): void {
    for (const group of groups) {
      for (const mark of group.marks) {
        mark.replaceWith(...mark.childNodes);
      }
    }
    const remaining: Split[] = [];
    // Newest first, so a piece split from a piece merges before that piece merges into its origin.
    for (let k = this.splits.length - 1; k >= 0; k--) {
      const split = this.splits[k] as Split;
      if (split.piece.previousSibling === split.from) {
        split.from.appendData(split.piece.data);
        split.piece.remove();
      } else if (split.piece.parentNode) remaining.unshift(split);
    }
    this.splits = remaining;
  }
}
