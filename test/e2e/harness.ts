/**
 * Real-Chromium harness for e2e tests, the demo and the browser benchmark: serves pages from
 * 127.0.0.1, loads the built extension, and records console errors and any request that would
 * leave the machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { ROOT } from '../driver/server';
import { TargetSession } from './target-session';

export { type PageServer, ROOT, startServer } from '../driver/server';

export const EXTENSION_DIR = join(ROOT, process.env.BACKSTORY_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A console error or an uncaught exception, wherever it happened. */
export interface BrowserError {
  /** The page, extension page or worker it happened in. */
  where: string;
  /**
   * The script that reported it, when the browser says: a content script's error happens on the
   * page but comes from the extension's own URL.
   */
  source: string;
  /** "console" for console.error, "uncaught" for an exception nothing caught. */
  kind: 'console' | 'uncaught';
  message: string;
}

/** A Chromium with the built extension loaded, and what it saw go wrong. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** Empty for a browser launched without the extension. */
  extensionId: string;
  /**
   * Console errors and uncaught exceptions from every page, extension page and the extension's
   * service worker, as they happened (a test or driver may add some it sees elsewhere).
   */
  problems: BrowserError[];
  /** The same, as "<where>: <message>" lines. */
  readonly errors: string[];
  /** URLs of requests that were not to 127.0.0.1 or the extension itself (all blocked). */
  externalRequests: string[];
  /** Opens an extension page, e.g. "popup.html?tabId=3". */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** How long a new service worker may take to show up among DevTools targets. */
const WORKER_WAIT_MS = 5_000;

const LOCAL = /^(https?:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/;

/**
 * Records the uncaught exceptions of an extension's service worker, which playwright does not report
 * (it does report the worker's console). Runs again for each new worker (after a reload or enable).
 */
function watchWorker(context: BrowserContext, worker: Worker, problems: BrowserError[]): void {
  if (!worker.url().startsWith('chrome-extension://')) return;
  TargetSession.attach(
    context,
    (target) => target.type === 'service_worker' && target.url === worker.url(),
    WORKER_WAIT_MS,
  )
    .then((session) => session.recordErrors(problems, { console: false }))
    // A worker that stops at once (the extension reloading) has nothing left to report.
    .catch(() => undefined);
}

/** Records every console error and uncaught exception of `context` in `problems`. */
function watchErrors(context: BrowserContext, problems: BrowserError[]): void {
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.page()?.url() ?? message.worker()?.url() ?? '';
    problems.push({
      where,
      source: message.location().url,
      kind: 'console',
      message: message.text(),
    });
  });
  context.on('weberror', (error) => {
    problems.push({
      where: error.page()?.url() ?? '',
      source: error.location().url,
      kind: 'uncaught',
      // As the console says it: "TypeError: x is undefined".
      message: `${error.error().name}: ${error.error().message}`,
    });
  });
  context.on('serviceworker', (worker) => watchWorker(context, worker, problems));
  for (const worker of context.serviceWorkers()) watchWorker(context, worker, problems);
}

/**
 * Launches Chromium (headless unless HEADED=1) with the extension from `.output/chrome-mv3` (or
 * `extensionDir`); with `extension: false`, the same browser without it, to compare what a page does
 * with and without.
 */
export async function launchWithExtension(
  options: { headless?: boolean; extension?: boolean; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const withExtension = options.extension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: options.headless ?? process.env.HEADED !== '1',
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      ...(withExtension
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : ['--disable-extensions']),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const problems: BrowserError[] = [];
  const externalRequests: string[] = [];
  await context.route(
    (url) => !LOCAL.test(url.href),
    (route) => {
      externalRequests.push(route.request().url());
      return route.abort();
    },
  );
  watchErrors(context, problems);

  let worker = context.serviceWorkers()[0];
  if (withExtension) worker ??= await context.waitForEvent('serviceworker');
  const extensionId = worker ? new URL(worker.url()).host : '';
  return {
    context,
    extensionId,
    problems,
    get errors() {
      return problems.map(({ where, message }) => `${where}: ${message}`);
    },
    externalRequests,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
