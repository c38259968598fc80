/**
 * The page's annotation pipeline: read the article (its kept blocks and headline), have the
 * background match their text against the fact base, and keep the drawn annotations in step, one
 * run at a time. The fact base stays in the background: the page gets its annotations and the
 * slice of facts their cards read.
 */

import { type Article, readPage } from '@/lib/annotator/extract/article';
import { collectBlocksText } from '@/lib/annotator/extract/text';
import { type AnnotationGroup, Highlights } from '@/lib/annotator/highlight/highlights';
import { buildSummary } from '@/lib/annotator/summary';
import type { FactLookup } from '@/lib/shared/card/card-data';
import { unpackLookup } from '@/lib/shared/facts/page-slice';
import { type NoArticleReason, type PageSummary, sendToExtension } from '@/lib/shared/messages';
import { yieldToBrowser } from '@/lib/shared/yield';

const NO_FACTS: FactLookup = {
  entities: new Map(),
  claims: new Map(),
  sources: new Map(),
  claimsBySubject: new Map(),
  measureLabels: new Map(),
  origins: new Map(),
  notes: new Map(),
};

/** Keeps the page's annotations in line with its article, the fact base and the settings. */
export class PageAnnotator {
  readonly highlights: Highlights;
  /** What cards and the summary read: the facts the page's annotations use. */
  facts: FactLookup = NO_FACTS;
  /** Dwell before a hovered annotation's card opens (the reader's setting, from the background). */
  cardDelayMs = 500;
  /** False when the background says Backstory is paused or off for this site. */
  enabled = true;
  private article: Article | null = null;
  private noArticle?: NoArticleReason;
  private running?: Promise<void>;
  private rerun?: { reextract: boolean };
  private runController = new AbortController();

  constructor(
    private readonly signal: AbortSignal,
    private readonly hooks: {
      /** Told the number of annotations after every run, and when cleared. */
      onAnnotated(count: number): void;
      /** Told of annotations taken away (the page changed their text, or a run or clear removed them). */
      onDropped(groups: readonly AnnotationGroup[]): void;
    },
  ) {
    this.highlights = new Highlights({ onDropped: (groups) => hooks.onDropped(groups) });
  }

  /** The live element holding the article's blocks, while there is one: its changes matter. */
  get root(): Element | undefined {
    return this.article?.root;
  }

  /** Annotates the page (again); runs one at a time, and a request during a run queues one more. */
  annotate(reextract: boolean): Promise<void> {
    if (this.running) {
      this.rerun = { reextract: reextract || (this.rerun?.reextract ?? false) };
      return this.running;
    }
    this.running = this.run(reextract).finally(() => {
      this.running = undefined;
      const next = this.rerun;
      this.rerun = undefined;
      if (next && !this.signal.aborted) void this.annotate(next.reextract);
    });
    return this.running;
  }

  /** Removes every annotation at once and stops any run in progress: nothing of ours is drawn. */
  clear(): void {
    this.runController.abort();
    this.runController = new AbortController();
    this.highlights.clear();
    this.hooks.onAnnotated(0);
  }

  /** What the popup shows for this page. */
  summary(): PageSummary {
    return buildSummary({
      url: location.href,
      enabled: this.enabled,
      article: this.enabled ? this.article : null,
      noArticle: this.noArticle,
      groups: this.highlights.groups,
      facts: this.facts,
    });
  }

  private async run(reextract: boolean): Promise<void> {
    if (reextract || !this.article?.root.isConnected) this.extract();
    const { signal } = this.runController;
    const both = AbortSignal.any([signal, this.signal]);
    await yieldToBrowser();
    // Asked even while switched off: the answer says whether Backstory is on again.
    const map = this.article ? collectBlocksText(this.article.blocks) : undefined;
    await yieldToBrowser();
    if (both.aborted) return;
    const reply = await sendToExtension('annotator:background:match', { text: map?.text ?? '' });
    // No answer (the extension is going away, or matching failed): keep what is drawn, quietly.
    if (both.aborted || !reply.ok) return;
    const match = reply.value;
    this.enabled = match.enabled;
    this.cardDelayMs = match.cardDelayMs;
    if (!this.enabled || !map) {
      this.clear();
      return;
    }
    this.facts = unpackLookup(match.facts);
    await this.highlights.update(map, match.annotations, { signal: both });
    if (!signal.aborted) this.hooks.onAnnotated(this.highlights.groups.length);
  }

  /** Reads the article, or why there is none. */
  private extract(): void {
    const reading = readPage(document);
    this.article = reading.article;
    this.noArticle = reading.why?.reason;
  }
}
