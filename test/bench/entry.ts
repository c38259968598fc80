/**
 * The per-stage benchmark, bundled with esbuild and run inside Chromium on each page (run.ts): it
 * exposes `globalThis.backstoryBench`, and every stage in `stages` is timed and printed by run.ts.
 * Stages run the library code directly, without the extension, so each can be timed alone.
 */
import { Readability } from '@mozilla/readability';
import { buildMatcher } from '@/lib/detector/build';
import { mentionsFactBase } from '@/lib/detector/check';
import type { Matcher } from '@/lib/detector/matcher';
import { type Article, readPage } from '@/lib/extract/article';
import { blocksOf, keptRegion, keptText } from '@/lib/extract/blocks';
import { copyDocument } from '@/lib/extract/clone';
import { collectBlocksText, type TextMap } from '@/lib/extract/text';
import { bundledPack } from '@/lib/facts/bundled';
import type { FactPack } from '@/lib/facts/schema';
import { Highlights } from '@/lib/highlight/highlights';
import {
  type Annotation,
  buildIndex,
  type FactIndex,
  findAnnotations,
  findAnnotationsChunked,
} from '@/lib/match';
import { withReaderFacts } from '../fixtures/reader-pack';

/** State shared by the stages of one run on one page. */
export interface Context {
  doc: Document;
  pack: FactPack;
  matcher: Matcher;
  /** The page's visible text, as the detector reads it. */
  text?: string;
  index?: FactIndex;
  article?: Article | null;
  textMap?: TextMap;
  annotations?: Annotation[];
  highlights?: Highlights;
  /** Untimed preparation for the blocks stage: Readability's output on an indexed copy. */
  parsed?: { content: Element; live: Element[] };
}

/**
 * What each stage counts for: "readability" is the budgets' yardstick; "detector" stages run on
 * every page (≤ 0.1 of it); "annotator" stages run on pages the detector passed (with the card,
 * ≤ 1.3 of it); "info" stages are parts of those, shown alone.
 */
export type Role = 'readability' | 'detector' | 'annotator' | 'info';

export interface Stage {
  name: string;
  role: Role;
  /** Untimed set-up before `run`. */
  prepare?(ctx: Context): void;
  run(ctx: Context): void;
  /** Untimed tidying after `run`, so the next repeat sees the page as it was. */
  cleanup?(ctx: Context): void;
}

export const stages: Stage[] = [
  {
    name: 'readability',
    role: 'readability',
    run(ctx) {
      new Readability(ctx.doc.cloneNode(true) as Document).parse();
    },
  },
  {
    // What the detector does on every page: read the text it sends the background.
    name: 'detector: read the text',
    role: 'detector',
    run(ctx) {
      ctx.text = ctx.doc.body?.textContent ?? '';
    },
  },
  {
    // Runs in the background (the detector sends the text), off the page's thread.
    name: 'detector: check (background)',
    role: 'info',
    run(ctx) {
      mentionsFactBase(ctx.matcher, ctx.text ?? '');
    },
  },
  {
    name: 'extract (copy + parse + blocks)',
    role: 'annotator',
    run(ctx) {
      ctx.article = readPage(ctx.doc).article;
    },
  },
  {
    name: 'blocks (map to the live page)',
    role: 'info',
    prepare(ctx) {
      const { copy, live } = copyDocument(ctx.doc);
      const parsed = new Readability(copy, { serializer: (n: Node) => n as Element }).parse();
      ctx.parsed = parsed?.content ? { content: parsed.content, live } : undefined;
    },
    run(ctx) {
      if (!ctx.parsed) return;
      const { content, live } = ctx.parsed;
      const root = keptRegion(content, live) ?? ctx.doc.body;
      blocksOf(root, keptText(content, live, root));
    },
  },
  {
    name: 'index build',
    role: 'info',
    run(ctx) {
      ctx.index = buildIndex(ctx.pack);
    },
  },
  {
    name: 'text',
    role: 'annotator',
    run(ctx) {
      if (ctx.article) ctx.textMap = collectBlocksText(ctx.article.blocks);
    },
  },
  {
    name: 'matching',
    role: 'annotator',
    run(ctx) {
      if (ctx.index && ctx.textMap) ctx.annotations = findAnnotations(ctx.index, ctx.textMap.text);
    },
  },
  {
    // Drawing in one slice (sliceMs: Infinity) so the whole cost is timed; the content script
    // does the same work in 8 ms slices.
    name: 'highlight',
    role: 'annotator',
    run(ctx) {
      if (!ctx.article || !ctx.textMap || !ctx.annotations) return;
      ctx.highlights = new Highlights();
      void ctx.highlights.update(ctx.textMap, ctx.annotations, {
        sliceMs: Number.POSITIVE_INFINITY,
      });
    },
    cleanup(ctx) {
      ctx.highlights?.clear();
    },
  },
];

const now = () => performance.now();
const bundledMatcher = buildMatcher(bundledPack);

/** Runs every stage `repeats` times on the current page; per stage, the median time in ms. */
function runStages(repeats: number): { times: Record<string, number>; annotations: number } {
  const samples: Record<string, number[]> = {};
  let annotations = 0;
  for (let r = 0; r < repeats; r++) {
    const ctx: Context = { doc: document, pack: bundledPack, matcher: bundledMatcher };
    for (const stage of stages) {
      stage.prepare?.(ctx);
      const t0 = now();
      stage.run(ctx);
      const t = now() - t0;
      stage.cleanup?.(ctx);
      // Annotator stages only count on pages that have an article.
      if (stage.role !== 'annotator' || ctx.article)
        samples[stage.name] = [...(samples[stage.name] ?? []), t];
    }
    annotations = ctx.annotations?.length ?? 0;
  }
  const times: Record<string, number> = {};
  for (const [name, list] of Object.entries(samples)) times[name] = median(list);
  return { times, annotations };
}

/** Median time to build the index, and the detector's matcher, for the bundled pack plus `n` reader facts. */
function indexBuild(n: number, repeats: number): { index: number; matcher: number } {
  const pack = withReaderFacts(n);
  const index: number[] = [];
  const matcher: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let t0 = now();
    buildIndex(pack);
    index.push(now() - t0);
    t0 = now();
    buildMatcher(pack);
    matcher.push(now() - t0);
  }
  return { index: median(index), matcher: median(matcher) };
}

/** Median and worst findAnnotations time on `text`, with the bundled pack plus `readerFacts` facts. */
function matchText(
  text: string,
  readerFacts: number,
  repeats: number,
): { median: number; max: number; found: number } {
  const index = buildIndex(withReaderFacts(readerFacts));
  const samples: number[] = [];
  let found = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = now();
    found = findAnnotations(index, text).length;
    samples.push(now() - t0);
  }
  return { median: median(samples), max: Math.max(...samples), found };
}

/**
 * findAnnotationsChunked on `text`: total time, and the main-thread long tasks (> 50 ms) Chromium
 * reported meanwhile (PerformanceObserver "longtask").
 */
async function matchChunked(
  text: string,
  readerFacts: number,
): Promise<{ total: number; longTasks: number; longest: number }> {
  const index = buildIndex(withReaderFacts(readerFacts));
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  await new Promise((resolve) => setTimeout(resolve, 0));
  const t0 = now();
  await findAnnotationsChunked(index, text);
  const total = now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { total, longTasks: durations.length, longest: Math.max(0, ...durations) };
}

/** The text of the current page's article, as the matcher sees it. */
function articleText(): string {
  const article = readPage(document).article;
  return article ? collectBlocksText(article.blocks).text : '';
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const api = {
  stages: stages.map((s) => ({ name: s.name, role: s.role })),
  runStages,
  indexBuild,
  matchText,
  matchChunked,
  articleText,
};

export type BenchApi = typeof api;
(globalThis as unknown as { backstoryBench: BenchApi }).backstoryBench = api;
