/**
 * `npm run bench`: times the annotation engine in real Chromium (DESIGN.md budgets).
 * Bundles test/bench/entry.ts with esbuild, serves every corpus page (scripts stripped) and a
 * synthetic long article from 127.0.0.1, blocks every other request, and prints medians and p90s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, launchWithExtension, ROOT, SHARED_DIR, startServer } from '../e2e/harness';
import type { BenchApi, Role } from './entry';

const CORPUS = join(SHARED_DIR, 'corpus', 'readability');
const SEEDS = join(SHARED_DIR, 'seeds');
const REPEATS = 3;
const LENGTHS = [1000, 2500, 5000, 10000];
const BUDGET_RATIO = 0.5;
const BUDGET_PRECHECK_MS = 2;
const BUDGET_INDEX_MS = 100;
const BUDGET_TASK_MS = 50;

declare global {
  var backstoryBench: BenchApi;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'test/bench/entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

const stripScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');

/** A long article: the two seed articles' paragraphs between neutral filler, cut to `words` words. */
function longArticle(words: number): string {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split('\n'))
    .filter((p) => p.trim().split(/\s+/).length > 12);
  const filler = [
    'The council met on Tuesday to review the schedule for the coming season, and members agreed to publish the minutes within a week.',
    'Residents asked about parking near the station, where a $3 million repair of the old bridge is expected to finish in the spring.',
    'A spokesperson said the library would extend its opening hours, citing a rise of about 12 percent in visitors since last year.',
    'Local farmers reported a good harvest despite the dry summer, with prices at the weekly market holding steady for most produce.',
    'The school board discussed new bus routes and said that more than 400 pupils would benefit from shorter journeys each morning.',
  ];
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p =
      i % 3 === 0
        ? (seeds[(i / 3) % seeds.length] as string)
        : (filler[i % filler.length] as string);
    paragraphs.push(p);
    count += p.split(/\s+/).length;
  }
  const body = paragraphs
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><title>Long read</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Long read</h1>${body}</article><footer>Footer</footer></body></html>`;
}

async function open(page: Page, url: string, script: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ content: script });
}

function stats(list: number[]): { median: number; p90: number } {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9) };
}

const ms = (n: number) => n.toFixed(2).padStart(8);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'OVER');

/**
 * Loads the built extension and times its content script on `url`, a page with no scripts of its
 * own, so every long task observed is the extension's.
 */
async function measureExtension(
  url: string,
): Promise<{ firstMark: number; lastMark: number; marks: number; longestTask: number }> {
  const ext = await launchWithExtension();
  const runs: { firstMark: number; lastMark: number; marks: number; longestTask: number }[] = [];
  try {
    await ext.context.addInitScript(() => {
      const w = window as unknown as { bench: { tasks: number[]; first: number; last: number } };
      w.bench = { tasks: [], first: 0, last: 0 };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.bench.tasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
      // Annotations are CSS Custom Highlights (no DOM mutation to observe): look every 10 ms. No
      // named functions in here: tsx would wrap them in a helper the page does not have.
      let drawn = 0;
      setInterval(() => {
        let now = 0;
        for (const [name, highlight] of CSS.highlights)
          if (name !== 'backstory-active') now += highlight.size;
        if (now > 0 && now !== drawn) {
          w.bench.first ||= performance.now();
          w.bench.last = performance.now();
        }
        drawn = now;
      }, 10);
    });
    for (let i = 0; i < 3; i++) {
      const page = await ext.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const loaded = await page.evaluate(
        () => performance.getEntriesByType('navigation')[0]?.duration ?? 0,
      );
      const drawnRanges = () =>
        page.evaluate(() =>
          ['entity', 'claim', 'conflict'].reduce(
            (n, kind) => n + (CSS.highlights.get(`backstory-${kind}`)?.size ?? 0),
            0,
          ),
        );
      await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 30_000 });
      let count = -1;
      for (;;) {
        await page.waitForTimeout(500);
        const now = await drawnRanges();
        if (now === count) break;
        count = now;
      }
      const b = await page.evaluate(
        () =>
          (window as unknown as { bench: { tasks: number[]; first: number; last: number } }).bench,
      );
      runs.push({
        firstMark: b.first - loaded,
        lastMark: b.last - loaded,
        marks: count,
        longestTask: Math.max(0, ...b.tasks),
      });
      await page.close();
    }
  } finally {
    await ext.close();
  }
  const mid = (pick: (r: (typeof runs)[number]) => number) => stats(runs.map(pick)).median;
  return {
    firstMark: mid((r) => r.firstMark),
    lastMark: mid((r) => r.lastMark),
    marks: mid((r) => r.marks),
    longestTask: mid((r) => r.longestTask),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const script = await bundle();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  // Some corpus pages carry a CSP meta tag that would block the injected bench script.
  const context = await browser.newContext({ bypassCSP: true });
  // Only the page document itself is fetched: no network, no images or styles (timings stay stable).
  await context.route('**/*', (route) =>
    route.request().resourceType() === 'document' && route.request().url().startsWith(server.origin)
      ? route.continue()
      : route.abort(),
  );
  const page = await context.newPage();
  console.log(
    `Backstory bench — Chromium ${browser.version()}, bundle ${(script.length / 1024).toFixed(0)} KB, ${REPEATS} runs per page (median)\n`,
  );

  // 1. Every corpus page: per-stage times.
  const names = readdirSync(CORPUS).sort();
  const perStage = new Map<string, number[]>();
  const ratios: number[] = [];
  const prechecks: { name: string; ms: number; readerable: boolean }[] = [];
  const annotated: string[] = [];
  let roles: { name: string; role: Role }[] = [];
  for (const name of names) {
    const url = server.route(
      `/corpus/${name}.html`,
      stripScripts(readFileSync(join(CORPUS, name, 'source.html'), 'utf8')),
    );
    await open(page, url, script);
    roles = await page.evaluate(() => backstoryBench.stages);
    prechecks.push({ name, ...(await page.evaluate((n) => backstoryBench.precheck(n), REPEATS)) });
    const { times, annotations } = await page.evaluate((n) => backstoryBench.runStages(n), REPEATS);
    if (annotations > 0) annotated.push(name);
    for (const [stage, t] of Object.entries(times))
      perStage.set(stage, [...(perStage.get(stage) ?? []), t]);
    const base = times.readability ?? 0;
    const ext = roles.filter((s) => s.role === 'extension').map((s) => times[s.name]);
    if (ext.every((t) => t !== undefined) && base > 0)
      ratios.push(ext.reduce((a, b) => a + (b ?? 0), 0) / base);
  }

  console.log(`Corpus: ${names.length} pages (${ratios.length} articles), ms per stage`);
  console.log(`${'stage'.padEnd(34)}  median      p90   pages`);
  for (const { name, role } of roles) {
    const list = perStage.get(name) ?? [];
    const s = stats(list);
    console.log(`${`${name} [${role}]`.padEnd(34)}${ms(s.median)} ${ms(s.p90)}   ${list.length}`);
  }
  const extNames = roles
    .filter((s) => s.role === 'extension')
    .map((s) => s.name)
    .join(' + ');
  const r = stats(ratios);
  console.log(
    `\nratio (${extNames}) / readability: median ${r.median.toFixed(3)}, p90 ${r.p90.toFixed(3)}  budget ≤ ${BUDGET_RATIO}  ${verdict(r.median <= BUDGET_RATIO)}`,
  );
  console.log(
    `pages with any annotation (bundled pack): ${annotated.length ? annotated.join(', ') : 'none'}`,
  );

  const nonArticles = prechecks.filter((p) => !p.readerable);
  const pn = stats(nonArticles.map((p) => p.ms));
  const pa = stats(prechecks.map((p) => p.ms));
  const worst = Math.max(...nonArticles.map((p) => p.ms));
  console.log(
    `pre-check (isProbablyReaderable + alias pre-check) on ${nonArticles.length} non-article pages: median ${pn.median.toFixed(3)} ms, max ${worst.toFixed(3)} ms  budget < ${BUDGET_PRECHECK_MS} ms  ${verdict(worst < BUDGET_PRECHECK_MS)}`,
  );
  console.log(
    `pre-check on all ${prechecks.length} pages: median ${pa.median.toFixed(3)} ms, p90 ${pa.p90.toFixed(3)} ms`,
  );

  // 2. A 10,000-word article through every stage, and matching time against article length.
  await open(page, server.route('/long-10000.html', longArticle(10000)), script);
  const long = await page.evaluate((n) => backstoryBench.runStages(n), 5);
  console.log(`\n10,000-word article (seeds + filler), ${long.annotations} annotations, ms:`);
  for (const { name } of roles)
    console.log(`  ${name.padEnd(32)}${ms(long.times[name] ?? Number.NaN)}`);

  console.log('\nMatching vs article length (findAnnotations, ms: median / worst of 7)');
  console.log(
    `${'words'.padStart(7)}  ${'bundled pack'.padStart(20)}  ${'+5,000 reader facts'.padStart(20)}  annotations`,
  );
  let worstTask = 0;
  for (const words of LENGTHS) {
    await open(page, server.route(`/long-${words}.html`, longArticle(words)), script);
    const text = await page.evaluate(() => backstoryBench.articleText());
    const small = await page.evaluate(([t]) => backstoryBench.matchText(t as string, 0, 7), [text]);
    const big = await page.evaluate(
      ([t]) => backstoryBench.matchText(t as string, 5000, 7),
      [text],
    );
    worstTask = Math.max(worstTask, small.max, big.max);
    console.log(
      `${String(words).padStart(7)}  ${`${small.median.toFixed(2)} / ${small.max.toFixed(2)}`.padStart(20)}  ${`${big.median.toFixed(2)} / ${big.max.toFixed(2)}`.padStart(20)}  ${small.found}/${big.found}`,
    );
  }
  // Informational: the content script uses findAnnotationsChunked (below), never one long call.
  console.log(
    `longest single findAnnotations call: ${worstTask.toFixed(2)} ms (the content script uses the chunked variant)`,
  );
  const longText = await page.evaluate(() => backstoryBench.articleText());
  const chunked = await page.evaluate(
    ([t]) => backstoryBench.matchChunked(t as string, 5000),
    [longText],
  );
  console.log(
    `findAnnotationsChunked, 10,000 words +5,000 facts: ${chunked.total.toFixed(2)} ms in all, ${chunked.longTasks} long tasks (longest ${chunked.longest.toFixed(0)} ms)  budget: no task > ${BUDGET_TASK_MS} ms  ${verdict(chunked.longTasks === 0)}`,
  );

  // 3. Index build against fact count.
  console.log('\nIndex build (bundled pack + N synthetic reader facts), median of 7');
  let index5000 = Number.NaN;
  for (const n of [1, 100, 5000]) {
    const t = await page.evaluate((count) => backstoryBench.indexBuild(count, 7), n);
    if (n === 5000) index5000 = t;
    console.log(`  ${String(n).padStart(5)} facts: ${ms(t)} ms`);
  }
  console.log(
    `index for 5,000 reader facts: ${index5000.toFixed(2)} ms  budget < ${BUDGET_INDEX_MS} ms  ${verdict(index5000 < BUDGET_INDEX_MS)}`,
  );

  await browser.close();

  // 4. The built extension itself on the 10,000-word article: what a reader waits for.
  const live = await measureExtension(server.route('/long-ext.html', longArticle(10000)));
  console.log('\nBuilt extension on the 10,000-word article (content script, median of 3 loads)');
  console.log(`  time to first mark after load: ${ms(live.firstMark)} ms`);
  console.log(`  time to last mark after load:  ${ms(live.lastMark)} ms  (${live.marks} marks)`);
  console.log(
    `  longest main-thread task:      ${ms(live.longestTask)} ms  budget ≤ ${BUDGET_TASK_MS} ms  ${verdict(live.longestTask <= BUDGET_TASK_MS)}`,
  );

  await server.close();
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await main();
