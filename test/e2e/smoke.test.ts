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
    const ext = await browser.openExtensionPage('options.html');
    await page.bringToFront();
    // The content script answers the popup once it has started; the plain page stays untouched.
    const summary = () =>
      ext.evaluate(async () => {
        const { tabs } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser })
          .chrome;
        const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
        return tabs.sendMessage(tab?.id ?? -1, { type: 'popup:content:summary' }).catch(() => null);
      });
    await expect.poll(summary).toMatchObject({ isArticle: false, entities: [], figures: [] });
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(
      'backstory',
    );
    await ext.close();
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
