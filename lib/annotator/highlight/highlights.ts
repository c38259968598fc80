/**
 * Draws annotations over the page's own text with the CSS Custom Highlight API (docs/architecture.md,
 * "The page contract"): one `Highlight` per kind in `CSS.highlights`, holding `Range`s of live text nodes. No
 * page node is created, split, moved or changed. Which annotation a range stands for is kept here, in
 * the extension's world; nothing the page can read names a fact.
 */
import { asMatched, type TextMap } from '@/lib/annotator/extract/text';
import {
  ACTIVE_HIGHLIGHT,
  HIGHLIGHT_NAMES,
  type HighlightKind,
} from '@/lib/shared/content/highlight-names';
import type { Annotation } from '@/lib/shared/match/types';
import { forEachInSlices } from '@/lib/shared/yield';
import { type HighlightApi, highlightApi } from './api';

export { ACTIVE_HIGHLIGHT, HIGHLIGHT_NAMES } from '@/lib/shared/content/highlight-names';

/** A conflict iff the figure differs from its sources; other claims and figures are claims. */
function kindOf(annotation: Annotation): HighlightKind {
  if (annotation.kind === 'entity') return 'entity';
  return annotation.verdict === 'differs' ? 'conflict' : 'claim';
}

/** One annotation on the page: one range per text node it covers, in document order. */
export interface AnnotationGroup {
  /** Unique on this page for as long as the annotation stays; the popup reveals by it. */
  readonly id: number;
  annotation: Annotation;
  readonly ranges: readonly Range[];
}

/** What one range must still cover for its annotation to be right. */
interface Piece {
  node: Text;
  text: string;
}

export interface UpdateOptions {
  /** Aborting stops between slices; ranges already drawn stay tracked and removable. */
  signal?: AbortSignal;
  /** How long one slice may run before yielding (default SLICE_MS). */
  sliceMs?: number;
}

/** Identifies an annotation by its place and meaning, to keep groups that are still right. */
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

/** The annotations drawn on a page, kept in step with its article and its text. */
export class Highlights {
  private list: AnnotationGroup[] = [];
  private readonly byId = new Map<number, AnnotationGroup>();
  private readonly byRange = new WeakMap<AbstractRange, AnnotationGroup>();
  private readonly pieces = new WeakMap<AbstractRange, Piece>();
  private readonly byNode = new WeakMap<Text, Set<AnnotationGroup>>();
  /** Our highlights by registry name: one per kind, and the current annotation's. */
  private readonly named = new Map<string, Highlight>();
  private readonly active?: Highlight;
  private nextId = 1;

  private readonly api?: HighlightApi;
  private readonly onDropped?: (groups: readonly AnnotationGroup[]) => void;

  /**
   * Without an API (a browser without custom highlights) annotations are kept but not drawn.
   * `onDropped` hears of every group taken away, by an update, a page change or `clear`.
   */
  constructor(
    options: {
      api?: HighlightApi;
      onDropped?: (groups: readonly AnnotationGroup[]) => void;
    } = {},
  ) {
    // An explicit `api: undefined` means "draw nothing"; no `api` at all means this document's.
    const api = 'api' in options ? options.api : highlightApi();
    this.api = api;
    this.onDropped = options.onDropped;
    if (!api) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) this.named.set(name, api.create());
    this.active = api.create();
    // Above the kinds, so the current annotation shows whatever kind it is.
    this.active.priority = 1;
    this.named.set(ACTIVE_HIGHLIGHT, this.active);
  }

  /** Current groups, in text order. */
  get groups(): readonly AnnotationGroup[] {
    return this.list;
  }

  /** The group with this id, if it is still on the page. */
  groupById(id: number): AnnotationGroup | undefined {
    return this.byId.get(id);
  }

  /** The group a range of ours stands for; undefined for any other range. */
  groupOfRange(range: AbstractRange): AnnotationGroup | undefined {
    return this.byRange.get(range);
  }

  /** The groups with a range in `node`. */
  groupsIn(node: Text): readonly AnnotationGroup[] {
    return [...(this.byNode.get(node) ?? [])];
  }

  /**
   * Makes the drawn groups match `annotations` (computed on `map`, the current text under the
   * article root): keeps groups that are still right, drops the rest, draws what is new. Idempotent.
   */
  async update(
    map: TextMap,
    annotations: readonly Annotation[],
    options: UpdateOptions = {},
  ): Promise<void> {
    const wanted = new Map(annotations.map((a) => [keyOf(a), a]));
    const nodeIndex = new Map(map.nodes.map((node, i) => [node, i]));
    const stale: AnnotationGroup[] = [];
    for (const group of this.list) {
      const key = this.isIntact(group) ? this.currentKey(group, map, nodeIndex) : undefined;
      const annotation = key === undefined ? undefined : wanted.get(key);
      if (annotation && key !== undefined) {
        group.annotation = annotation;
        wanted.delete(key);
      } else stale.push(group);
    }
    this.drop(stale);
    // In text order, so ids follow the text (the popup lists mentions by them).
    await forEachInSlices(
      [...wanted.values()].sort((a, b) => a.start - b.start),
      (annotation) => {
        const group = this.draw(map, annotation);
        if (group) this.list.push(group);
      },
      { signal: options.signal, sliceMs: options.sliceMs },
    );
    this.list.sort((a, b) => a.annotation.start - b.annotation.start);
    this.register();
  }

  /** Removes every range and our names from the registry: nothing of ours is drawn. */
  clear(): void {
    this.drop(this.list);
    this.register();
  }

  /**
   * Drops at once every group whose text the page just changed or took out of the document (the
   * observer's records), so nothing stale is ever drawn; returns the groups dropped.
   */
  dropStale(records: readonly MutationRecord[]): AnnotationGroup[] {
    const suspects = new Set<AnnotationGroup>();
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        for (const group of this.byNode.get(record.target as Text) ?? []) suspects.add(group);
      } else if (record.type === 'childList' && record.removedNodes.length > 0) removed = true;
    }
    // A removed element may hold any of our text nodes: checking every group is cheap.
    const stale = [...(removed ? this.list : suspects)].filter((g) => !this.isIntact(g));
    if (stale.length === 0) return stale;
    this.drop(stale);
    this.register();
    return stale;
  }

  /** Shows `group` as the current annotation (or none). */
  setCurrent(group: AnnotationGroup | undefined): void {
    if (!this.active) return;
    this.active.clear();
    // Only a group still on the page: a dropped one has nothing left to show.
    if (group && this.byId.get(group.id) === group)
      for (const range of group.ranges) this.active.add(range);
    this.register();
  }

  /**
   * Puts our highlights in the registry while they hold ranges, and takes them out when empty; also
   * restores them should the page have replaced or deleted them.
   */
  register(): void {
    const registry = this.api?.registry;
    if (!registry) return;
    for (const [name, highlight] of this.named) {
      if (highlight.size > 0) {
        if (registry.get(name) !== highlight) registry.set(name, highlight);
      } else if (registry.get(name) === highlight) registry.delete(name);
    }
  }

  /** True while every range still covers, in its own text node, the text it was drawn on. */
  private isIntact(group: AnnotationGroup): boolean {
    return group.ranges.every((range) => {
      const piece = this.pieces.get(range);
      return (
        !!piece &&
        piece.node.isConnected &&
        range.startContainer === piece.node &&
        range.endContainer === piece.node &&
        asMatched(piece.node.data.slice(range.startOffset, range.endOffset)) === piece.text
      );
    });
  }

  /** The group's key at its place in `map`, or undefined if its nodes are no longer there. */
  private currentKey(
    group: AnnotationGroup,
    map: TextMap,
    nodeIndex: Map<Text, number>,
  ): string | undefined {
    const first = group.ranges[0];
    const last = group.ranges.at(-1);
    if (!first || !last) return undefined;
    const firstIndex = nodeIndex.get(first.startContainer as Text);
    const lastIndex = nodeIndex.get(last.endContainer as Text);
    if (firstIndex === undefined || lastIndex === undefined) return undefined;
    const start = (map.starts[firstIndex] ?? 0) + first.startOffset;
    const end = (map.starts[lastIndex] ?? 0) + last.endOffset;
    return keyOf(group.annotation, start, end);
  }

  /** Draws one annotation, one range per text node; skips it if the page changed that text. */
  private draw(map: TextMap, annotation: Annotation): AnnotationGroup | undefined {
    const ranges: Range[] = [];
    const pieces: Piece[] = [];
    for (let i = nodeAt(map, annotation.start); i < map.nodes.length; i++) {
      const node = map.nodes[i] as Text;
      const nodeStart = map.starts[i] ?? 0;
      if (nodeStart >= annotation.end) break;
      const from = Math.max(annotation.start, nodeStart) - nodeStart;
      const to = Math.min(annotation.end, nodeStart + node.data.length) - nodeStart;
      if (from >= to) continue;
      const text = map.text.slice(nodeStart + from, nodeStart + to);
      if (!node.isConnected || asMatched(node.data.slice(from, to)) !== text) return undefined;
      const range = node.ownerDocument.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      ranges.push(range);
      pieces.push({ node, text });
    }
    if (ranges.length === 0) return undefined;
    const group: AnnotationGroup = { id: this.nextId++, annotation, ranges };
    const highlight = this.named.get(HIGHLIGHT_NAMES[kindOf(annotation)]);
    for (const [i, range] of ranges.entries()) {
      const piece = pieces[i] as Piece;
      this.pieces.set(range, piece);
      this.byRange.set(range, group);
      const groups = this.byNode.get(piece.node) ?? new Set();
      groups.add(group);
      this.byNode.set(piece.node, groups);
      highlight?.add(range);
    }
    this.byId.set(group.id, group);
    return group;
  }

  /** Takes the groups' ranges out of every highlight and forgets them. */
  private drop(groups: readonly AnnotationGroup[]): void {
    if (groups.length === 0) return;
    const dropped = new Set(groups);
    for (const group of dropped) {
      const highlight = this.named.get(HIGHLIGHT_NAMES[kindOf(group.annotation)]);
      for (const range of group.ranges) {
        highlight?.delete(range);
        this.active?.delete(range);
        const piece = this.pieces.get(range);
        if (piece) this.byNode.get(piece.node)?.delete(group);
      }
      this.byId.delete(group.id);
    }
    this.list = this.list.filter((group) => !dropped.has(group));
    this.onDropped?.(groups);
  }
}
