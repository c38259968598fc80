/**
 * Stage by stage, in a plain Chromium (no extension): entry.ts is bundled with esbuild and injected
 * into each page, and every stage is timed there, on the corpus pages and a 10,000-word article;
 * then matching against article length, chunked matching, and index builds against fact count.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM, type PageServer, ROOT } from '../e2e/harness';
import type { BenchApi, Role } from './entry';
import type { BenchPage } from './pages';
import { longArticle } from './pages';
import { median, num, quantile, row, verdict } from './report';

declare global {
  var backstoryBench: BenchApi;
}

const REPEATS = 3;
const LENGTHS = [1000, 2500, 5000, 10000];
const BUDGET_DETECTOR_RATIO = 0.1;
const BUDGET_ANNOTATOR_RATIO = 1.3;
const BUDGET_INDEX_MS = 100;
const BUDGET_TASK_MS = 50;

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

async function open(page: Page, url: string, script: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ content: script });
}

/** Sum of the stages of `role` as a share of Readability's time, per page. */
function ratios(
  pages: Record<string, number>[],
  roles: { name: string; role: Role }[],
  role: Role,
): number[] {
  const names = roles.filter((s) => s.role === role).map((s) => s.name);
  return pages
    .filter((times) => names.every((n) => times[n] !== undefined) && (times.readability ?? 0) > 0)
    .map((times) => names.reduce((sum, n) => sum + (times[n] ?? 0), 0) / (times.readability ?? 1));
}

/** Runs the stage benchmark on `corpus` and prints its tables. */
export async function benchStages(server: PageServer, corpus: BenchPage[]): Promise<void> {
  const script = await bundle();
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    // Some corpus pages carry a CSP meta tag that would block the injected bench script.
    const context = await browser.newContext({ bypassCSP: true });
    await context.route('**/*', (route) =>
      route.request().resourceType() === 'document' &&
      route.request().url().startsWith(server.origin)
        ? route.continue()
        : route.abort(),
    );
    const page = await context.newPage();
    console.log(
      `\n4. Stage by stage, in the page without the extension (bench bundle ${(script.length / 1024).toFixed(0)} KB), median of ${REPEATS} runs per page`,
    );
    const perPage: Record<string, number>[] = [];
    let roles: { name: string; role: Role }[] = [];
    const annotated: string[] = [];
    for (const { name, html } of corpus) {
      await open(page, server.route(`/stages/${name}.html`, html), script);
      roles = await page.evaluate(() => backstoryBench.stages);
      const { times, annotations } = await page.evaluate(
        (n) => backstoryBench.runStages(n),
        REPEATS,
      );
      if (annotations > 0) annotated.push(name);
      perPage.push(times);
    }
    console.log(`Corpus: ${corpus.length} pages, ms per stage`);
    console.log(row('stage [role]', '  median', '     p90', 'pages'));
    for (const { name, role } of roles) {
      const list = perPage.map((t) => t[name]).filter((t): t is number => t !== undefined);
      console.log(
        row(
          `${name} [${role}]`,
          num(median(list), 2),
          num(quantile(list, 0.9), 2),
          String(list.length),
        ),
      );
    }
    const detector = ratios(perPage, roles, 'detector');
    const annotator = ratios(perPage, roles, 'annotator');
    console.log(
      row(
        'detector ÷ readability',
        num(median(detector), 3),
        num(quantile(detector, 0.9), 3),
        `budget ≤ ${BUDGET_DETECTOR_RATIO}  ${verdict(median(detector) <= BUDGET_DETECTOR_RATIO)}`,
      ),
    );
    console.log(
      row(
        'annotator stages ÷ readability (articles)',
        num(median(annotator), 3),
        num(quantile(annotator, 0.9), 3),
        `budget ≤ ${BUDGET_ANNOTATOR_RATIO} (with the card)  ${verdict(median(annotator) <= BUDGET_ANNOTATOR_RATIO)}`,
      ),
    );
    console.log(
      `  pages with any annotation (bundled pack): ${annotated.length ? annotated.join(', ') : 'none'}`,
    );

    await open(page, server.route('/stages/long-10000.html', longArticle(10000).html), script);
    const long = await page.evaluate(() => backstoryBench.runStages(5));
    console.log(
      `\n10,000-word article (seeds + filler in news markup), ${long.annotations} annotations, ms:`,
    );
    for (const { name } of roles) console.log(row(name, num(long.times[name] ?? Number.NaN, 2)));

    console.log('\nMatching against article length (findAnnotations, ms: median / worst of 7)');
    console.log(row('words', '      bundled pack', '+5,000 reader facts', 'annotations'));
    for (const words of LENGTHS) {
      await open(page, server.route(`/stages/long-${words}.html`, longArticle(words).html), script);
      const text = await page.evaluate(() => backstoryBench.articleText());
      const small = await page.evaluate((t) => backstoryBench.matchText(t, 0, 7), text);
      const big = await page.evaluate((t) => backstoryBench.matchText(t, 5000, 7), text);
      console.log(
        row(
          String(words),
          `${small.median.toFixed(2)} / ${small.max.toFixed(2)}`.padStart(18),
          `${big.median.toFixed(2)} / ${big.max.toFixed(2)}`.padStart(19),
          `${small.found}/${big.found}`,
        ),
      );
    }
    const longText = await page.evaluate(() => backstoryBench.articleText());
    const chunked = await page.evaluate((t) => backstoryBench.matchChunked(t, 5000), longText);
    console.log(
      row(
        'chunked matching, 10,000 words, +5,000 facts',
        `${chunked.total.toFixed(1)} ms in all, ${chunked.longTasks} tasks over ${BUDGET_TASK_MS} ms (longest ${chunked.longest.toFixed(0)} ms)`,
        verdict(chunked.longTasks === 0),
      ),
    );

    console.log(
      '\nIndex and detector matcher for the bundled pack + N reader facts, ms (median of 7)',
    );
    let index5000 = Number.NaN;
    for (const n of [1, 100, 5000]) {
      const t = await page.evaluate((count) => backstoryBench.indexBuild(count, 7), n);
      if (n === 5000) index5000 = t.index;
      console.log(row(`${n} facts`, `index ${num(t.index, 2)}`, `matcher ${num(t.matcher, 2)}`));
    }
    console.log(
      row(
        'index for 5,000 reader facts',
        num(index5000, 2),
        `budget < ${BUDGET_INDEX_MS} ms  ${verdict(index5000 < BUDGET_INDEX_MS)}`,
      ),
    );
  } finally {
    await browser.close();
  }
}
