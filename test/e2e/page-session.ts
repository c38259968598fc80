/**
 * One Chromium with Backstory for a test file, shared by the files that split one subject: the
 * server, the browser and an extension page (to talk to content scripts as the popup does), started
 * before the file's tests and closed after. The bindings are live: read them inside tests.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  startServer,
} from './harness';
import { extensionPage, waitForDrawn } from './page-helpers';

export let browser: ExtensionBrowser;
export let server: PageServer;
export let ext: Page;

/** Starts the server and the browser before this file's tests and closes them after. */
export function usePageSession(): void {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
    ext = await extensionPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Serves `html` at `path`, opens it in a new tab and waits until Backstory has drawn on it. */
export async function open(path: string, html: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.route(path, html));
  await waitForDrawn(page);
  return page;
}

/** The last test of a file: nothing logged in any context, nothing sent off the machine. */
export function itCausedNoErrors(): void {
  it('caused no console errors and no requests off the machine', () => {
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });
}
