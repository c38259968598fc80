/**
 * What the Chromium driver needs to see, shown with the probe add-on (`test/driver/probe/`, made MV3
 * here) that fails on request in its service worker, content script, extension page and toolbar popup:
 * errors from every extension context, the page's own apart; and a closed shadow root read as no page
 * script could. The rest of the driver is exercised by the behaviour tests on Backstory itself.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from '../driver/extension-steps';
import { readCard } from '../driver/steps';
import { ChromiumDriver } from './driver';
import { type PageServer, ROOT, startServer } from './harness';

const PROBE = join(ROOT, 'test/driver/probe');

const FAILING_PAGE = `<!doctype html><title>Failing</title><p>Text.</p>
  <script>setTimeout(() => { throw new Error('probe uncaught in the page'); });</script>`;

// A page that builds the card host the way Backstory does: a closed shadow root with a dialog.
const CLOSED_ROOT = `<!doctype html><title>Closed root</title><p>Article text.</p>
  <backstory-tooltip></backstory-tooltip>
  <script>
    const root = document.querySelector('backstory-tooltip').attachShadow({ mode: 'closed' });
    root.innerHTML = '<div role="dialog" aria-labelledby="t"><h2 id="t">Lazarus Group</h2>'
      + '<p>A hacking unit.</p><button>Sources</button></div>';
    root.querySelector('button').focus();
  </script>`;

/** The probe (written for Firefox's MV2) as an MV3 extension in a temporary folder. */
function probeForChromium(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-probe-'));
  cpSync(PROBE, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(PROBE, 'manifest.json'), 'utf8'));
  const scripts: string[] = ['alias.js', ...manifest.background.scripts];
  // The probe's scripts call `browser`, which Chromium names `chrome`.
  writeFileSync(join(dir, 'alias.js'), 'globalThis.browser ??= chrome;\n');
  writeFileSync(
    join(dir, 'worker.js'),
    `importScripts(${JSON.stringify(scripts).slice(1, -1)});\n`,
  );
  const page = readFileSync(join(PROBE, 'page.html'), 'utf8');
  writeFileSync(
    join(dir, 'page.html'),
    page.replace(
      '<script src="fail.js">',
      '<script src="alias.js"></script><script src="fail.js">',
    ),
  );
  const [contentScript] = manifest.content_scripts;
  const mv3 = {
    manifest_version: 3,
    name: manifest.name,
    version: manifest.version,
    permissions: manifest.permissions.filter((p: string) => !p.includes('://')),
    host_permissions: manifest.permissions.filter((p: string) => p.includes('://')),
    background: { service_worker: 'worker.js' },
    content_scripts: [{ ...contentScript, js: ['alias.js', ...contentScript.js] }],
    action: manifest.browser_action,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(mv3, null, 2));
  return dir;
}

describe('the Chromium driver, with the probe add-on', () => {
  let chromium: ChromiumDriver;
  let server: PageServer;
  let probe: string;

  beforeAll(async () => {
    server = await startServer();
    probe = probeForChromium();
    chromium = await ChromiumDriver.launch({ extensionDir: probe });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    rmSync(probe, { recursive: true, force: true });
  });

  it('collects errors from the service worker, a content script and extension pages; the page’s apart', async () => {
    await chromium.inBackground(() => {
      (globalThis as unknown as { probeFail: (where: string) => void }).probeFail('background');
    }, null);

    const failingPage = server.route('/failing.html', FAILING_PAGE);
    const page = await chromium.openPage(failingPage);
    const tabId = await tabIdOf(chromium, page);
    await chromium.inBackground(
      (tabId) =>
        (
          globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
        ).chrome.tabs.sendMessage(tabId, 'probe:fail'),
      tabId,
    );

    const extensionPage = await chromium.openExtensionPage('page.html?fail');
    await page.bringToFront();
    const popup = await chromium.openToolbarPopup();
    expect(await popup.evaluate(() => location.pathname, null)).toBe('/page.html');
    await popup.evaluate(() => {
      (globalThis as unknown as { probeFail: (where: string) => void }).probeFail('popup');
    }, null);

    const fail = chromium.extensionUrl('fail.js');
    const expected = ['background', 'content script', 'extension page', 'popup'].flatMap(
      (where) => [
        `${fail}: probe console.error in ${where}`,
        `${fail}: Error: probe uncaught in ${where}`,
      ],
    );
    await expect.poll(() => chromium.errors()).toEqual(expect.arrayContaining(expected));
    expect(await chromium.errors()).toHaveLength(expected.length);
    expect(await chromium.pageErrors()).toEqual([
      `${failingPage}: Error: probe uncaught in the page`,
    ]);

    await popup.close();
    await extensionPage.close();
    await page.close();
  });

  it('reads a closed shadow root that the page itself cannot read', async () => {
    const page = await chromium.openPage(server.route('/closed.html', CLOSED_ROOT));
    const fromPage = await page.evaluate(
      () => document.querySelector('backstory-tooltip')?.shadowRoot ?? null,
      null,
    );
    expect(fromPage).toBeNull();
    expect(await readCard(page)).toMatchObject({
      name: 'Lazarus Group',
      text: 'Lazarus GroupA hacking unit.Sources',
      focus: 'BUTTON',
    });
    expect(await page.inClosedShadow('no-such-host', (root) => root.mode, null)).toBeNull();
    await page.close();
  });
});
