/**
 * The page's annotation pipeline: extract the article, match it against the fact index, and keep
 * the drawn annotations in step, one run at a time. Cheap on pages that are not articles.
 */

import { DEFAULT_SETTINGS, EMPTY_READER_PACK, type Settings } from '@/lib/defaults';
import { type Article, extractArticle } from '@/lib/extract/article';
import { collectText } from '@/lib/extract/text';
import type { PackOrigin } from '@/lib/facts/layers';
import { mergePacks } from '@/lib/facts/merge';
import type { FactPack } from '@/lib/facts/schema';
import { type AnnotationGroup, Highlights } from '@/lib/highlight/highlights';
import {
  buildIndex,
  type FactIndex,
  findAnnotationsChunked,
  mentionsAnyAlias,
} from '@/lib/match/index';
import type { PageSummary } from '@/lib/messages';
import { shouldAnnotate } from '@/lib/sites';
import { buildSummary } from '@/lib/summary';
import { buildFactLookup, type FactLookup } from '@/lib/ui/card-data';
import { yieldToBrowser } from '@/lib/yield';

/** Keeps the page's annotations in line with its article, the fact base and the settings. */
export class PageAnnotator {
  readonly highlights: Highlights;
  index: FactIndex = buildIndex(EMPTY_READER_PACK);
  /** What cards and the summary read: the index, and where each fact comes from. */
  facts: FactLookup = buildFactLookup(this.index, []);
  private settings: Settings = DEFAULT_SETTINGS;
  private article: Article | null = null;
  private running?: Promise<void>;
  private rerun?: { reextract: boolean };
  private runController = new AbortController();

  constructor(
    private readonly signal: AbortSignal,
    private readonly hooks: {
      /** Told the number of annotations after every run. */
      onCount(count: number): void;
      /** Told of annotations taken away (the page changed their text, or a run or clear removed them). */
      onDropped(groups: readonly AnnotationGroup[]): void;
    },
  ) {
    this.highlights = new Highlights({ onDropped: (groups) => hooks.onDropped(groups) });
  }

  /** The live element holding the article, while there is one. */
  get root(): Element | undefined {
    return this.article?.root;
  }

  get enabled(): boolean {
    return shouldAnnotate(this.settings, location.hostname);
  }

  /**
   * Uses new settings and fact packs (later packs win on id clashes), each from `origins` (same
   * order); the next run applies them.
   */
  configure(settings: Settings, packs: FactPack[], origins: PackOrigin[]): void {
    this.settings = settings;
    this.index = buildIndex(mergePacks(...packs));
    const layers = packs.flatMap((pack, i) => {
      const origin = origins[i];
      return origin ? [{ pack, origin }] : [];
    });
    this.facts = buildFactLookup(this.index, layers);
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
    this.hooks.onCount(0);
  }

  /** What the popup shows for this page. */
  summary(): PageSummary {
    return buildSummary({
      url: location.href,
      enabled: this.enabled,
      article: this.enabled ? this.article : null,
      groups: this.highlights.groups,
      facts: this.facts,
    });
  }

  private async run(reextract: boolean): Promise<void> {
    if (!this.enabled) {
      this.article = null;
      this.clear();
      return;
    }
    if (reextract || !this.article?.root.isConnected) this.article = this.extract();
    const root = this.article?.root;
    if (!root) {
      this.clear();
      return;
    }
    await yieldToBrowser();
    const { signal } = this.runController;
    const map = collectText(root);
    await yieldToBrowser();
    const both = AbortSignal.any([signal, this.signal]);
    // Chunked: matching a very long article must not block the page (no task over 50 ms).
    const annotations = mentionsAnyAlias(this.index, map.text)
      ? await findAnnotationsChunked(this.index, map.text, {
          markGeneric: this.settings.markGeneric ? undefined : false,
          signal: both,
        }).catch((error: unknown) => {
          if (both.aborted) return null;
          throw error;
        })
      : [];
    if (!annotations || both.aborted) return;
    await this.highlights.update(map, annotations, { signal: both });
    if (!signal.aborted) this.hooks.onCount(this.highlights.groups.length);
  }

  /** The article, after a cheap check that the page names anything the fact base knows. */
  private extract(): Article | null {
    const text = document.body?.textContent ?? '';
    return mentionsAnyAlias(this.index, text) ? extractArticle(document) : null;
  }
}
