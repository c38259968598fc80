/**
 * The built extension starts in the browser under test: its content script answers on a served page
 * and leaves it untouched, its popup and options pages open, nothing fails and nothing leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionDriver } from '../driver/driver';
import { launchDriver } from '../driver/launch';
import { sendToPage, tabIdOf } from '../driver/steps';
import { type PageServer, startServer } from '../e2e/harness';

const PLAIN = '<!doctype html><html lang="en"><title>Plain</title><p>Hello.</p></html>';

describe(`the built extension (${process.env.BACKSTORY_BROWSER})`, () => {
  let driver: ExtensionDriver;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer();
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('answers on a plain page and leaves it as served', async () => {
    const page = await driver.openPage(server.route('/plain.html', PLAIN));
    await expect
      .poll(() => sendToPage(driver, page, 'popup:content:summary', undefined))
      .toMatchObject({ isArticle: false, entities: [], figures: [] });
    const html = await page.evaluate(() => document.documentElement.outerHTML, null);
    expect(html).not.toContain('backstory');
    expect(await page.evaluate(() => [...(CSS.highlights?.keys() ?? [])], null)).toEqual([]);

    const tabId = await tabIdOf(driver, page);
    for (const path of [`popup.html?tabId=${tabId}`, 'options.html']) {
      const view = await driver.openExtensionPage(path);
      expect(
        await view.evaluate(() => document.querySelector('h1')?.textContent, null),
      ).toBeTruthy();
      await view.close();
    }
    await page.close();
    expect(await driver.errors()).toEqual([]);
    expect(await driver.pageErrors()).toEqual([]);
    expect(await driver.externalRequests()).toEqual([]);
  });
});
