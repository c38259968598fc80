/**
 * The driver collects errors from every extension context, shown with a small probe add-on (`probe/`)
 * that fails on request in its background, content script, extension page and toolbar popup.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from '../driver/extension-steps';
import { type PageServer, startServer } from '../driver/server';
import { FirefoxDriver } from './driver';
import { readRecords } from './watch';

const PROBE = join(import.meta.dirname, '../driver/probe');

const FAILING_PAGE = `<!doctype html><title>Failing</title><p>Text.</p>
  <script>setTimeout(() => { throw new Error('probe uncaught in the page'); });</script>`;

describe('errors in Firefox, with the probe add-on', () => {
  let firefox: FirefoxDriver;
  let server: PageServer;
  let failingPage: string;

  beforeAll(async () => {
    server = await startServer();
    failingPage = server.route('/failing.html', FAILING_PAGE);
    firefox = await FirefoxDriver.launch({ extensionDir: PROBE });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('are collected from the background, a content script and extension pages; the page’s apart', async () => {
    await firefox.inBackground(() => {
      (globalThis as unknown as { probeFail: (where: string) => void }).probeFail('background');
    }, null);

    const page = await firefox.openPage(failingPage);
    const tabId = await tabIdOf(firefox, page);
    await firefox.inBackground((tabId) => browser.tabs.sendMessage(tabId, 'probe:fail'), tabId);

    const extensionPage = await firefox.openExtensionPage('page.html?fail');
    const popup = await firefox.openToolbarPopup();
    await popup.evaluate(() => {
      (globalThis as unknown as { probeFail: (where: string) => void }).probeFail('popup');
    }, null);

    const base = `moz-extension://${firefox.uuid}`;
    const expected = ['background', 'content script', 'extension page', 'popup'].flatMap(
      (where) => [
        expect.stringMatching(`: probe console.error in ${where}$`),
        `${base}/fail.js: Error: probe uncaught in ${where}`,
      ],
    );
    await expect.poll(() => firefox.errors()).toEqual(expect.arrayContaining(expected));
    expect(await firefox.errors()).toHaveLength(expected.length);
    expect(await firefox.pageErrors()).toEqual([
      `${failingPage}: Error: probe uncaught in the page`,
    ]);

    await popup.close();
    await extensionPage.close();
    await page.close();
  });

  it('leave out only the harmless "sendRemoveListener on closed conduit"', async () => {
    // The probe page listens to storage: closing it makes Firefox log that error (bug 1633315).
    const before = (await firefox.errors()).length;
    const extensionPage = await firefox.openExtensionPage('page.html');
    await extensionPage.close();
    const conduit = async () =>
      (await readRecords(firefox.chrome)).errors.some((e) =>
        e.message.includes('sendRemoveListener on closed conduit'),
      );
    await expect.poll(conduit).toBe(true);
    expect(await firefox.errors()).toHaveLength(before);
  });
});
