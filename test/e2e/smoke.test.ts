import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  startServer,
} from './harness';

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs its content script on a local page', async () => {
    const url = server.route('/plain.html', '<!doctype html><title>Plain</title><p>Hello.</p>');
    const page = await browser.context.newPage();
    await page.goto(url);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.backstory))
      .toBe('ready');
    await page.close();
  });

  it('opens the popup and options pages without errors', async () => {
    for (const path of ['popup.html', 'options.html']) {
      const page = await browser.openExtensionPage(path);
      await page.waitForSelector('h1');
      expect(await page.locator('#app').innerHTML()).not.toBe('');
      await page.close();
    }
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });
});
