/**
 * What a reader pays, measured on the page's main thread in real Chromium: DevTools' ScriptDuration
 * with the extension minus without it, same page, same run, and the tasks the extension causes.
 * ScriptDuration is read in the renderer's thread time (Performance.enable's `threadTicks`), so work
 * other engineers run on this shared machine does not inflate it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM, type PageServer } from '../e2e/harness';
import {
  isKept,
  JS_CATEGORIES,
  javaScriptOf,
  TASK_CATEGORIES,
  type TraceEvent,
} from './trace-events';

/** A Chromium with one extension loaded (or none), launched as test/e2e/harness.ts does. */
export interface BenchBrowser {
  label: string;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with `extensionDir` (none when undefined); every request off 127.0.0.1 is blocked. */
export async function launch(
  label: string,
  server: PageServer,
  extensionDir?: string,
): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const extension = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      ...extension,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  // Blocked frames get an empty page rather than Chromium's error page, whose script would count.
  await context.route(
    (url) => !url.href.startsWith(server.origin),
    (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html', body: '' })
        : route.abort(),
  );
  // An MV3 extension with a background starts its service worker; wait so the first page is not
  // charged for it (a Readability-only extension has none).
  if (extensionDir && !context.serviceWorkers().length)
    await context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => undefined);
  return {
    label,
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What one page load cost on the renderer's main thread (thread time, so a busy machine does not inflate it). */
export interface LoadCost {
  /** JavaScript run on the main thread, ms: every script task, microtask and callback (from a trace). */
  jsMs: number;
  /** DevTools' ScriptDuration, ms: misses script run from promise continuations (see README note). */
  scriptDurationMs: number;
  /** The longest task that ran JavaScript, ms (wall clock, and thread time). */
  longestTask: { wallMs: number; threadMs: number };
  /** Tasks that ran JavaScript for over 50 ms of thread time. */
  tasksOver50: number;
  /** Annotations drawn (marks or CSS highlight ranges named backstory-*). */
  marks: number;
}

const POLL_MS = 100;
/** The extension is done when the main thread has been (nearly) idle for this long… */
const QUIET_MS = 400;
/** …that is, has worked less than this meanwhile (an idle page still runs a little). */
const IDLE_MS = 3;
/** …or after this long, whatever it does (a very long article on a slow build). */
const MAX_WAIT_MS = 60_000;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * Page loads in one browser, traced together: one trace per batch of loads (ending a trace takes
 * Chromium seconds), cut into loads at clock-sync markers recorded before and after each load.
 */
export class TracedLoads {
  private readonly events: TraceEvent[] = [];
  private readonly loads: {
    begin: string;
    end: string;
    scriptDurationMs: number;
    marks: number;
  }[] = [];
  private tracer?: CDPSession;
  private complete?: Promise<void>;

  constructor(
    private readonly browser: BenchBrowser,
    /** Whether to trace tasks too, for the longest task (a bigger trace). */
    private readonly tasks = false,
  ) {}

  /** Starts a trace for the next loads. */
  async begin(): Promise<void> {
    const page = await this.browser.context.newPage();
    const tracer = await this.browser.context.newCDPSession(page);
    tracer.on('Tracing.dataCollected', ({ value }) => {
      for (const e of value as unknown as TraceEvent[]) if (isKept(e)) this.events.push(e);
    });
    this.complete = new Promise((done) => tracer.once('Tracing.tracingComplete', () => done()));
    await tracer.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: this.tasks ? [...JS_CATEGORIES, ...TASK_CATEGORIES] : JS_CATEGORIES,
      },
    });
    this.tracer = tracer;
  }

  /**
   * Loads `url` in a new tab and waits until the main thread has been quiet; with `marked`, until
   * it is quiet with marks drawn: the background matches a long article while the page is idle.
   */
  async load(url: string, marked = false): Promise<void> {
    const n = this.loads.length;
    const tracer = this.tracer as CDPSession;
    const page = await this.browser.context.newPage();
    try {
      const cdp = await this.browser.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const start = await metrics(cdp);
      await tracer.send('Tracing.recordClockSyncMarker', { syncId: `begin-${n}` });
      await page.goto(url, { waitUntil: 'load' });
      let end = await waitForQuiet(page, cdp);
      if (marked) {
        const waitUntil = Date.now() + MAX_WAIT_MS;
        while ((await countMarks(page)) === 0 && Date.now() < waitUntil)
          await page.waitForTimeout(POLL_MS);
        end = await waitForQuiet(page, cdp);
      }
      await tracer.send('Tracing.recordClockSyncMarker', { syncId: `end-${n}` });
      this.loads.push({
        begin: `begin-${n}`,
        end: `end-${n}`,
        scriptDurationMs: ((end.ScriptDuration ?? 0) - (start.ScriptDuration ?? 0)) * 1000,
        marks: await countMarks(page),
      });
    } finally {
      await page.close();
    }
  }

  /** Ends the trace; what each load since begin() cost, in order. */
  async end(): Promise<LoadCost[]> {
    await this.tracer?.send('Tracing.end');
    await this.complete;
    const at = new Map(
      this.events
        .filter((e) => e.name === 'clock_sync')
        .map((e) => [String(e.args?.sync_id), e.ts] as const),
    );
    const costs = this.loads.map((load) => {
      const from = at.get(load.begin) ?? Number.NaN;
      const to = at.get(load.end) ?? Number.NaN;
      const inLoad = this.events.filter((e) => e.ph === 'M' || (e.ts >= from && e.ts <= to));
      return {
        ...javaScriptOf(inLoad),
        scriptDurationMs: load.scriptDurationMs,
        marks: load.marks,
      };
    });
    this.events.length = 0;
    this.loads.length = 0;
    return costs;
  }
}

async function waitForQuiet(page: Page, cdp: CDPSession): Promise<Record<string, number>> {
  const started = Date.now();
  const window: number[] = [];
  let last = await metrics(cdp);
  for (;;) {
    await page.waitForTimeout(POLL_MS);
    last = await metrics(cdp);
    window.push(last.TaskDuration ?? 0);
    if (window.length > QUIET_MS / POLL_MS) window.shift();
    const grew = ((window.at(-1) ?? 0) - (window[0] ?? 0)) * 1000;
    if (window.length > QUIET_MS / POLL_MS - 1 && grew < IDLE_MS) return last;
    if (Date.now() - started > MAX_WAIT_MS) return last;
  }
}

/** Marks of either kind of highlighter: `<backstory-mark>` elements, or CSS highlight ranges. */
function countMarks(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = document.getElementsByTagName('backstory-mark').length;
    const registry = (globalThis as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS
      ?.highlights;
    for (const name of ['backstory-entity', 'backstory-claim', 'backstory-conflict'])
      count += registry?.get(name)?.size ?? 0;
    return count;
  });
}
