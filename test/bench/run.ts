/**
 * `npm run bench`: what Backstory costs a reader, in real Chromium, against DESIGN.md's budgets.
 *
 * 1. Content-script bundle sizes.
 * 2. JavaScript on the page's main thread with the built extension, minus without it, as a share of
 *    what a Readability-only content script costs on the same page in the same run: on the 130
 *    corpus pages (off-topic) and on on-topic articles in real news markup; and on the corpus, the
 *    same with 5,000 reader facts stored, against the same without them.
 * 3. The longest main-thread task the extension causes on 10,000 / 60,000 / 100,000-word articles.
 * 4. Stage by stage, in the page (stages.ts). 5. The detector's check in Node.
 *
 * BENCH_EXTENSION=<folder> measures another built extension (e.g. main's) instead of .output's;
 * BENCH_PAGES=<n> takes only the first n corpus pages (a quick look, not a measurement);
 * BENCH_OFF_TOPIC_ONLY=1 stops after the off-topic rows (a quick loop while tuning the detector).
 */
import { execSync } from 'node:child_process';
import { CHROMIUM, EXTENSION_DIR, ROOT, startServer } from '../e2e/harness';
import { withReaderFacts } from '../fixtures/reader-pack';
import { buildReadabilityOnly } from './baseline';
import { detectorInNode } from './detector-node';
import { type BenchPage, corpusPages, longArticle, onTopicPages } from './pages';
import { type BenchBrowser, type LoadCost, launch, TracedLoads } from './reader-cost';
import { kb, median, num, quantile, row, verdict } from './report';
import { contentBundles } from './sizes';
import { benchStages } from './stages';

const BUDGET_DETECTOR_BYTES = 8_000;
const BUDGET_ANNOTATOR_BYTES = 120_000;
const BUDGET_OFF_TOPIC = 0.1;
const BUDGET_ON_TOPIC = 1.3;
const BUDGET_TASK_MS = 50;
/** Page start-up with 5,000 reader facts: within 10 % of the same without them. */
const BUDGET_READER_FACTS = 1.1;
const READER_FACTS = 5_000;
const LONG_ARTICLES = [10_000, 60_000, 100_000];
const ON_TOPIC_LOADS = 2;

const extensionDir = process.env.BENCH_EXTENSION ?? EXTENSION_DIR;
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

function printBundles(): void {
  const { everyPage, onDemand } = contentBundles(extensionDir);
  console.log('\n1. Content-script bundles (minified; gzip for reference)');
  const always = everyPage.reduce((sum, b) => sum + b.bytes, 0);
  for (const b of everyPage)
    console.log(row(`every page: ${b.file}`, kb(b.bytes).padStart(9), `gzip ${kb(b.gzip)}`));
  console.log(
    row(
      'loaded on every page, in all',
      kb(always).padStart(9),
      `detector budget < ${kb(BUDGET_DETECTOR_BYTES)}  ${verdict(always < BUDGET_DETECTOR_BYTES)}`,
    ),
  );
  // Until the annotator is injected on demand, the every-page script is the annotator too.
  const annotators = onDemand.length ? onDemand : everyPage;
  for (const b of annotators)
    console.log(
      row(
        `annotator: ${b.file}`,
        kb(b.bytes).padStart(9),
        `budget < ${kb(BUDGET_ANNOTATOR_BYTES)}  ${verdict(b.bytes < BUDGET_ANNOTATOR_BYTES)}`,
      ),
    );
}

/** Stores `n` reader facts (the synthetic ones, without the bundled pack) in the browser's extension. */
async function storeReaderFacts(browser: BenchBrowser, n: number): Promise<void> {
  const all = withReaderFacts(n);
  const pack = {
    format: 1,
    name: 'My facts',
    sources: all.sources.filter((source) => source.id === 'reader-source'),
    entities: all.entities.filter((entity) => entity.id.startsWith('reader-')),
    claims: all.claims.filter((claim) => claim.id.startsWith('reader-claim-')),
  };
  const [worker] = browser.context.serviceWorkers();
  if (!worker) throw new Error(`${browser.label}: no service worker to store reader facts with`);
  await worker.evaluate(
    (readerPack) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(items: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ readerPack, readerPack$: { v: 3 } }),
    pack,
  );
}

/** Prints page start-up with reader facts against the same extension without them. */
function printReaderFacts(costs: LoadCost[][]): void {
  const [none, ours, , withFacts] = costs as [LoadCost[], LoadCost[], LoadCost[], LoadCost[]];
  const extra = (list: LoadCost[]) => list.map((c, i) => c.jsMs - (none[i] as LoadCost).jsMs);
  const plain = median(extra(ours));
  const heavy = median(extra(withFacts));
  const ratio = heavy / Math.max(plain, 0.1);
  console.log(
    row(
      `+${READER_FACTS.toLocaleString('en')} reader facts, JS ms (with − without)`,
      num(heavy),
      num(quantile(extra(withFacts), 0.9)),
    ),
  );
  console.log(
    row(
      `  ratio to no reader facts (median ${plain.toFixed(1)} ms)`,
      num(ratio, 3),
      '        ',
      `budget ≤ ${BUDGET_READER_FACTS}  ${verdict(ratio <= BUDGET_READER_FACTS)}`,
    ),
  );
}

/** Loads every page in every browser at once (same page, same moment), traced; costs by browser. */
async function loadAll(
  server: Awaited<ReturnType<typeof startServer>>,
  browsers: BenchBrowser[],
  pages: BenchPage[],
  tasks = false,
  /** Pages Backstory marks: each load lasts until its marks are drawn. */
  marked = false,
): Promise<LoadCost[][]> {
  const loads = browsers.map((b) => new TracedLoads(b, tasks));
  await Promise.all(loads.map((l) => l.begin()));
  for (const page of pages) {
    const url = server.route(`/pages/${page.name.replace(/[^\w-]+/g, '-')}.html`, page.html);
    // Only the Backstory browsers draw marks; the others are done when quiet.
    await Promise.all(loads.map((l, i) => l.load(url, marked && (i === 1 || i === 3))));
  }
  return Promise.all(loads.map((l) => l.end()));
}

/** Prints what the extension cost against the Readability-only script on `pages`. */
function printCost(title: string, budget: number, pages: BenchPage[], costs: LoadCost[][]): void {
  const [none, ours, readability] = costs as [LoadCost[], LoadCost[], LoadCost[]];
  const extra = (list: LoadCost[], pick: (c: LoadCost) => number) =>
    list.map((c, i) => pick(c) - pick(none[i] as LoadCost));
  const oursJs = extra(ours, (c) => c.jsMs);
  const baseJs = extra(readability, (c) => c.jsMs);
  const ratio = oursJs.map((ms, i) => ms / Math.max(baseJs[i] as number, 0.1));
  const oursSd = extra(ours, (c) => c.scriptDurationMs);
  const baseSd = extra(readability, (c) => c.scriptDurationMs);
  const sdRatio = oursSd.map((ms, i) => ms / Math.max(baseSd[i] as number, 0.1));
  const names = [...new Set(pages.map((p) => p.name))];
  const marked = names.filter((name) =>
    pages.some((p, i) => p.name === name && (ours[i]?.marks ?? 0) > 0),
  );
  console.log(`\n${title}: ${names.length} pages`);
  console.log(row('', '  median', '     p90'));
  console.log(
    row('Backstory, JS ms (with − without)', num(median(oursJs)), num(quantile(oursJs, 0.9))),
  );
  console.log(
    row(
      'Readability only, JS ms (with − without)',
      num(median(baseJs)),
      num(quantile(baseJs, 0.9)),
    ),
  );
  console.log(
    row(
      'no extension, JS ms',
      num(median(none.map((c) => c.jsMs))),
      num(
        quantile(
          none.map((c) => c.jsMs),
          0.9,
        ),
      ),
    ),
  );
  console.log(
    row(
      'ratio Backstory ÷ Readability only',
      num(median(ratio), 3),
      num(quantile(ratio, 0.9), 3),
      `budget ≤ ${budget}  ${verdict(median(ratio) <= budget)}`,
    ),
  );
  console.log(
    row(
      '  the same by DevTools ScriptDuration',
      num(median(sdRatio), 3),
      num(quantile(sdRatio, 0.9), 3),
      `(Backstory ${median(oursSd).toFixed(1)} ms, Readability ${median(baseSd).toFixed(1)} ms)`,
    ),
  );
  console.log(
    row(
      'pages with Backstory marks',
      `${marked.length}`.padStart(8),
      `median ${median(ours.map((c) => c.marks))} marks a page`,
    ),
  );
  const unmarked = names.filter((name) => !marked.includes(name));
  if (marked.length && unmarked.length && unmarked.length <= 10)
    console.log(`  without marks: ${unmarked.join(', ')}`);
  else if (marked.length && marked.length <= 10) console.log(`  marked: ${marked.join(', ')}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
  console.log(`Backstory bench — extension ${extensionDir} (checkout ${commit})`);
  console.log(
    'Times are the renderer main thread’s thread time (CPU), from a DevTools trace, so other work on this shared machine does not inflate them; wall-clock where said.',
  );
  printBundles();

  const server = await startServer();
  const readabilityOnly = await buildReadabilityOnly();
  const corpus = corpusPages().slice(
    0,
    Number(process.env.BENCH_PAGES ?? Number.POSITIVE_INFINITY),
  );
  const browsers = [
    await launch('no extension', server),
    await launch('Backstory', server, extensionDir),
    await launch('Readability only', server, readabilityOnly),
    await launch(`Backstory + ${READER_FACTS} reader facts`, server, extensionDir),
  ];
  await storeReaderFacts(browsers[3] as BenchBrowser, READER_FACTS);
  try {
    const version = execSync(`${CHROMIUM} --version`, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    console.log(
      `\n2. What a reader pays: JavaScript on the page's main thread (${version}), one load per page in each browser, all at once`,
    );
    const corpusCosts = await loadAll(server, browsers, corpus);
    printCost('Off-topic: the corpus', BUDGET_OFF_TOPIC, corpus, corpusCosts);
    printReaderFacts(corpusCosts);
    console.log(`  (took ${elapsed(started)})`);
    if (process.env.BENCH_OFF_TOPIC_ONLY) return;
    const onTopic = onTopicPages();
    // On-topic pages are few: three loads of each, every load a sample.
    const section = Date.now();
    const runs: LoadCost[][][] = [];
    const threeBrowsers = browsers.slice(0, 3);
    for (let r = 0; r < ON_TOPIC_LOADS; r++)
      runs.push(await loadAll(server, threeBrowsers, onTopic, false, true));
    printCost(
      `On-topic: articles in news markup, ${ON_TOPIC_LOADS} loads each`,
      BUDGET_ON_TOPIC,
      runs.flatMap(() => onTopic),
      threeBrowsers.map((_, b) => runs.flatMap((run) => run[b] as LoadCost[])),
    );
    console.log(`  (took ${elapsed(section)})`);

    console.log(
      `\n3. Longest main-thread task running Backstory's code (budget: none over ${BUDGET_TASK_MS} ms)`,
    );
    console.log(
      row(
        'article',
        'thread ms',
        '  wall ms',
        'tasks > 50 ms',
        'marks',
        'Readability only (thread)',
      ),
    );
    for (const words of LONG_ARTICLES) {
      const page = longArticle(words);
      const [, ours, readability] = await loadAll(server, browsers.slice(0, 3), [page], true, true);
      const o = ours?.[0] as LoadCost;
      const r = readability?.[0] as LoadCost;
      console.log(
        row(
          `${words.toLocaleString('en')} words`,
          num(o.longestTask.threadMs).padStart(9),
          num(o.longestTask.wallMs).padStart(9),
          `${o.tasksOver50}`.padStart(13),
          `${o.marks}`.padStart(5),
          `${num(r.longestTask.threadMs)}   ${verdict(o.tasksOver50 === 0)}`,
        ),
      );
    }
    console.log(`  (sections 2 and 3 took ${elapsed(started)})`);
  } finally {
    for (const b of browsers) await b.close();
  }

  const stages = Date.now();
  await benchStages(server, corpus);
  console.log(`  (took ${elapsed(stages)})`);
  await server.close();

  const node = detectorInNode(corpus);
  console.log(
    `\n5. The detector's check (in the background) in Node (${process.version}) on the corpus pages' text (median ${node.chars.toLocaleString('en')} characters)`,
  );
  console.log(row('', 'build ms', 'median ms', '  p90 ms', '  max ms', 'ns/char', 'said yes'));
  for (const c of node.costs)
    console.log(
      row(
        c.label,
        num(c.buildMs, 1, 8),
        num(c.median, 3, 9),
        num(c.p90, 3),
        num(c.max, 3),
        num(c.nsPerChar, 1, 7),
        `${c.yes}`.padStart(8),
      ),
    );
  console.log('  (max is the first page: the check runs cold there)');
  console.log(`\nbench finished in ${elapsed(started)}`);
}

await main();
