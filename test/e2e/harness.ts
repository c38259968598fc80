/**
 * Real-Chromium harness for e2e tests, the demo and the browser benchmark: serves pages from
 * 127.0.0.1, loads the built extension, and records console errors and any request that would
 * leave the machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, process.env.BACKSTORY_OUT_DIR ?? '.output', 'chrome-mv3');
export const SHARED_DIR = resolve(ROOT, '../shared');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A local web server whose pages are set by the test. */
export interface PageServer {
  origin: string;
  /** Serves `html` at `path` (e.g. "/article.html") until the server closes. */
  route(path: string, html: string): string;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 with a random port. */
export async function startServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const body = pages.get((req.url ?? '/').split('?')[0] ?? '/');
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    route(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A Chromium with the built extension loaded, and what it saw go wrong. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** Empty for a browser launched without the extension. */
  extensionId: string;
  /** Console errors and uncaught exceptions from every page and extension page. */
  errors: string[];
  /** URLs of requests that were not to 127.0.0.1 or the extension itself (all blocked). */
  externalRequests: string[];
  /** Opens an extension page, e.g. "popup.html?tabId=3". */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

const LOCAL = /^(https?:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/;

function watchPage(page: Page, errors: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
}

/**
 * Launches Chromium (headless unless HEADED=1) with the extension from `.output/chrome-mv3`; with
 * `extension: false`, the same browser without it, to compare what a page does with and without.
 */
export async function launchWithExtension(
  options: { headless?: boolean; extension?: boolean } = {},
): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const withExtension = options.extension ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: options.headless ?? process.env.HEADED !== '1',
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      ...(withExtension
        ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
        : ['--disable-extensions']),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const errors: string[] = [];
  const externalRequests: string[] = [];
  await context.route(
    (url) => !LOCAL.test(url.href),
    (route) => {
      externalRequests.push(route.request().url());
      return route.abort();
    },
  );
  context.on('page', (page) => watchPage(page, errors));
  for (const page of context.pages()) watchPage(page, errors);

  let worker = context.serviceWorkers()[0];
  if (withExtension) worker ??= await context.waitForEvent('serviceworker');
  const extensionId = worker ? new URL(worker.url()).host : '';
  return {
    context,
    extensionId,
    errors,
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
