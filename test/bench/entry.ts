/**
 * Benchmark entry, bundled with esbuild and run inside Chromium on each page (test/bench/run.ts).
 * It exposes `globalThis.backstoryBench`; every stage in `stages` is timed and printed by run.ts.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { type Article, extractArticle, findLiveRoot, indexClone } from '@/lib/extract/article';
import { collectText, type TextMap } from '@/lib/extract/text';
import { bundledPack } from '@/lib/facts/bundled';
import type { Claim, Entity, FactPack } from '@/lib/facts/schema';
import { Highlights } from '@/lib/highlight/highlights';
import {
  type Annotation,
  buildIndex,
  type FactIndex,
  findAnnotations,
  findAnnotationsChunked,
  mentionsAnyAlias,
} from '@/lib/match';

/** State shared by the stages of one run on one page. */
export interface Context {
  doc: Document;
  pack: FactPack;
  index?: FactIndex;
  article?: Article | null;
  textMap?: TextMap;
  annotations?: Annotation[];
  highlights?: Highlights;
  /** Untimed preparation for the mapping stage. */
  mapping?: { fresh: Document; live: Element[]; content: Element };
}

/**
 * What each stage counts for: "readability" is the budget's denominator, "extension" stages are
 * its numerator (DESIGN.md: matching + highlighting ≤ 0.5 × Readability), "info" is shown only.
 */
export type Role = 'readability' | 'extension' | 'info';

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
    name: 'mapping',
    role: 'info',
    prepare(ctx) {
      const marked = ctx.doc.cloneNode(true) as Document;
      const live = indexClone(ctx.doc, marked);
      const parsed = new Readability(marked, { serializer: (n: Node) => n as Element }).parse();
      const fresh = ctx.doc.cloneNode(true) as Document;
      ctx.mapping = parsed?.content ? { fresh, live, content: parsed.content } : undefined;
    },
    run(ctx) {
      if (!ctx.mapping) return;
      indexClone(ctx.doc, ctx.mapping.fresh);
      findLiveRoot(ctx.mapping.content, ctx.mapping.live, ctx.doc);
    },
  },
  {
    name: 'extract (gate+clone+parse+map)',
    role: 'info',
    run(ctx) {
      ctx.article = extractArticle(ctx.doc);
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
    role: 'extension',
    run(ctx) {
      if (ctx.article) ctx.textMap = collectText(ctx.article.root);
    },
  },
  {
    name: 'matching',
    role: 'extension',
    run(ctx) {
      if (ctx.index && ctx.textMap) ctx.annotations = findAnnotations(ctx.index, ctx.textMap.text);
    },
  },
  {
    // Drawing in one slice (sliceMs: Infinity) so the whole cost is timed; the content script
    // does the same work in 8 ms slices.
    name: 'highlight',
    role: 'extension',
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

/** Runs every stage `repeats` times on the current page; per stage, the median time in ms. */
function runStages(
  repeats: number,
  withReaderFacts = 0,
): { times: Record<string, number>; annotations: number } {
  const pack = withReaderFacts ? mergedPack(withReaderFacts) : bundledPack;
  const samples: Record<string, number[]> = {};
  let annotations = 0;
  for (let r = 0; r < repeats; r++) {
    const ctx: Context = { doc: document, pack };
    for (const stage of stages) {
      stage.prepare?.(ctx);
      const t0 = now();
      stage.run(ctx);
      const t = now() - t0;
      stage.cleanup?.(ctx);
      // Extension stages only count on pages that have an article.
      if (stage.role !== 'extension' || ctx.article)
        samples[stage.name] = [...(samples[stage.name] ?? []), t];
    }
    annotations = ctx.annotations?.length ?? 0;
  }
  const times: Record<string, number> = {};
  for (const [name, list] of Object.entries(samples)) times[name] = median(list);
  return { times, annotations };
}

/** The content script's early exit: the Readability gate, then the alias pre-check on readerable pages. */
function precheck(repeats: number): { ms: number; readerable: boolean } {
  const index = buildIndex(bundledPack);
  const samples: number[] = [];
  let readerable = false;
  for (let r = 0; r < repeats; r++) {
    const t0 = now();
    readerable = isProbablyReaderable(document);
    if (readerable) mentionsAnyAlias(index, document.body?.textContent ?? '');
    samples.push(now() - t0);
  }
  return { ms: median(samples), readerable };
}

/** Median time to build the index for the bundled pack plus `n` synthetic reader facts. */
function indexBuild(n: number, repeats: number): number {
  const pack = mergedPack(n);
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = now();
    buildIndex(pack);
    samples.push(now() - t0);
  }
  return median(samples);
}

/** Median and worst findAnnotations time on `text`, with the bundled pack plus `readerFacts` facts. */
function matchText(
  text: string,
  readerFacts: number,
  repeats: number,
): { median: number; max: number; found: number } {
  const index = buildIndex(mergedPack(readerFacts));
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
  const index = buildIndex(mergedPack(readerFacts));
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
  const article = extractArticle(document);
  return article ? collectText(article.root).text : '';
}

/** The bundled pack plus `n` synthetic reader facts (a person entity and a figure claim each). */
function mergedPack(n: number): FactPack {
  const entities: Entity[] = [];
  const claims: Claim[] = [];
  for (let i = 0; i < n; i++) {
    entities.push({
      id: `reader-${i}`,
      name: `Readerfact Person${i} Example`,
      kind: 'person',
      aliases: [`Person${i} Example`, `Person${i}`],
      summary: `Synthetic reader fact ${i}.`,
      sourceIds: ['reader-source'],
    });
    claims.push({
      id: `reader-claim-${i}`,
      statement: `Person${i} reported losses of ${i} million dollars from fraud number ${i % 50}.`,
      subjects: [`reader-${i}`],
      sourceId: 'reader-source',
      evidence: `losses of ${i} million dollars`,
      figure: { value: i * 1e6, unit: 'USD', qualifier: 'exact', period: 'total' },
      measure: `reader.losses-${i % 50}.usd`,
    });
  }
  return {
    ...bundledPack,
    sources: [
      ...bundledPack.sources,
      { id: 'reader-source', title: 'Reader notes', publisher: 'Reader' },
    ],
    entities: [...bundledPack.entities, ...entities],
    claims: [...bundledPack.claims, ...claims],
  };
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const api = {
  stages: stages.map((s) => ({ name: s.name, role: s.role })),
  runStages,
  precheck,
  indexBuild,
  matchText,
  matchChunked,
  articleText,
};

export type BenchApi = typeof api;
(globalThis as unknown as { backstoryBench: BenchApi }).backstoryBench = api;
