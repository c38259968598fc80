/**
 * The extension driver for Firefox: Debian's firefox-esr, headless, driven by puppeteer-core over
 * WebDriver BiDi, with the built add-on installed as a temporary add-on. What BiDi cannot do
 * (extension pages' load events, commands, the toolbar popup, add-on reload, closed shadow roots,
 * errors from extension contexts) goes through Firefox's privileged scope (`gecko.ts`); the recipe and
 * its quirks are in `../shared/firefox/README.md`.
 */
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import type {
  CommandName,
  ExtensionDriver,
  PageDriver,
  Remote,
  ViewDriver,
} from '../driver/driver';
import { ROOT } from '../driver/server';
import { FirefoxPage } from './firefox-page';
import { ChromeScope, type FrameTarget, type Gecko } from './gecko';
import { type ExtensionError, readRecords, startWatching } from './watch';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = join(ROOT, process.env.BACKSTORY_OUT_DIR ?? '.output', 'firefox-mv2');

/** Firefox's own noise when an extension page with a storage.onChanged listener closes (bug 1633315). */
const HARMLESS = /sendRemoveListener on closed conduit/;

/** Pages the tests serve. */
const LOCAL_PAGE = /^https?:\/\/127\.0\.0\.1[:/]/;

/** How long to wait for something Firefox does on its own time (a view starting, a page completing). */
const WAIT_MS = 15_000;

export interface FirefoxOptions {
  /** The Firefox binary (default: FIREFOX_PATH or /usr/bin/firefox-esr). */
  executablePath?: string;
  /** The unpacked add-on to install (default: the Firefox build in .output/firefox-mv2). */
  extensionDir?: string;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after WAIT_MS. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  const end = Date.now() + WAIT_MS;
  let lastError: unknown;
  for (;;) {
    const value = await check().catch((error: unknown) => {
      lastError = error;
      return undefined;
    });
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) {
      throw new Error(`Firefox: timed out waiting for ${what}`, { cause: lastError });
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Starts Firefox headless (unless HEADED=1) under puppeteer, with no add-on yet;
 * `--remote-allow-system-access` opens its privileged scope to BiDi (see `gecko.ts`).
 */
export function launchFirefox(executablePath = FIREFOX): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: process.env.HEADED !== '1',
    // Puppeteer's default viewport needs a BiDi command Firefox 140 lacks: size the window instead.
    defaultViewport: null,
    args: ['--remote-allow-system-access', '--width=1280', '--height=1000'],
  });
}

export class FirefoxDriver implements ExtensionDriver {
  readonly browserName = 'firefox';

  private constructor(
    readonly browser: Browser,
    readonly chrome: ChromeScope,
    /** The add-on id (browser_specific_settings.gecko.id). */
    readonly extensionId: string,
    /** The moz-extension:// host of this install, e.g. "1852590c-…". */
    readonly uuid: string,
  ) {}

  /** Launches Firefox headless (unless HEADED=1), starts the watchers and installs the add-on. */
  static async launch(options: FirefoxOptions = {}): Promise<FirefoxDriver> {
    const browser = await launchFirefox(options.executablePath);
    try {
      const chrome = await ChromeScope.attach(browser);
      await startWatching(chrome);
      const id = await browser.installExtension(options.extensionDir ?? FIREFOX_BUILD);
      const uuid = await chrome.run(
        (g: Gecko, id: string) => g.WebExtensionPolicy.getByID(id).mozExtensionHostname as string,
        id,
      );
      const driver = new FirefoxDriver(browser, chrome, id, uuid);
      await driver.whenBackgroundAnswers();
      return driver;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** The extension's own URL for `path`, e.g. "popup.html?tabId=3". */
  extensionUrl(path: string): string {
    return `moz-extension://${this.uuid}/${path.replace(/^\//, '')}`;
  }

  async openPage(url: string): Promise<PageDriver> {
    const page = await this.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return new FirefoxPage(page, this.chrome);
  }

  async openExtensionPage(path: string): Promise<ViewDriver> {
    const page = await this.browser.newPage();
    // Firefox does not report extension pages' navigation to BiDi: `goto` would never resolve, so
    // start it and watch the document instead.
    page.goto(this.extensionUrl(path)).catch(() => undefined);
    const url = this.extensionUrl(path);
    await waitFor(`${path} to load`, () =>
      page.evaluate((url) => location.href === url && document.readyState === 'complete', url),
    );
    return {
      evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
      close: () => page.close(),
    };
  }

  async openToolbarPopup(): Promise<ViewDriver> {
    await this.chrome.run((g: Gecko, id: string) => {
      const { ExtensionParent } = g.ChromeUtils.importESModule(
        'resource://gre/modules/ExtensionParent.sys.mjs',
      );
      const extension = g.WebExtensionPolicy.getByID(id).extension;
      // Its promise settles only when the popup closes: the view's own load is awaited below.
      void ExtensionParent.apiManager.global.browserActionFor(extension).openPopup(g, true);
    }, this.extensionId);
    // The popup's <browser> is swapped into its panel as it opens: ask again until it answers.
    const target: FrameTarget = { extensionId: this.extensionId, view: 'popup' };
    const ready = `${() => document.readyState === 'complete'}`;
    await waitFor('the toolbar popup to load', () =>
      this.chrome.inFrame(target, ready, null, 1_000),
    );
    return {
      evaluate: (fn, arg) => this.chrome.inFrame(target, `${fn}`, arg),
      close: () => this.closeToolbarPopup(),
    };
  }

  /** Closes the popup's panel, as a click elsewhere would, and waits until its page is gone. */
  private async closeToolbarPopup(): Promise<void> {
    const popupOpen = (g: Gecko, id: string) => {
      const views = g.WebExtensionPolicy.getByID(id)?.extension?.views ?? [];
      const popup = [...views].find((v: Gecko) => v.viewType === 'popup');
      popup?.xulBrowser?.closest('panel')?.hidePopup();
      return !!popup;
    };
    await waitFor('the toolbar popup to close', async () => {
      return !(await this.chrome.run(popupOpen, this.extensionId));
    });
  }

  async command(name: CommandName): Promise<void> {
    await this.chrome.run(
      (g: Gecko, { id, name }: { id: string; name: string }) => {
        g.WebExtensionPolicy.getByID(id).extension.shortcuts.onCommand(name);
      },
      { id: this.extensionId, name },
    );
  }

  inBackground<A, R>(fn: Remote<A, R>, arg: A): Promise<R> {
    const target: FrameTarget = { extensionId: this.extensionId, view: 'background' };
    return this.chrome.inFrame(target, `${fn}`, arg);
  }

  async reloadExtension(): Promise<void> {
    await this.withAddon('reload');
    await this.whenBackgroundAnswers();
  }

  async disableExtension(): Promise<void> {
    await this.withAddon('disable');
    await waitFor('the add-on to stop', () =>
      this.chrome.run(
        (g: Gecko, id: string) => !g.WebExtensionPolicy.getByID(id),
        this.extensionId,
      ),
    );
  }

  async enableExtension(): Promise<void> {
    await this.withAddon('enable');
    await this.whenBackgroundAnswers();
  }

  async errors(): Promise<string[]> {
    const ours = `moz-extension://${this.uuid}/`;
    return (await this.readErrors())
      .filter(
        (e) =>
          e.addonId === this.extensionId || e.source.startsWith(ours) || e.message.includes(ours),
      )
      .map((e) => `${e.source}: ${e.message}`)
      .filter((line) => !HARMLESS.test(line));
  }

  async pageErrors(): Promise<string[]> {
    // Uncaught errors only: not the CORS or loading messages of requests we blocked.
    return (await this.readErrors())
      .filter((e) => e.category === 'content javascript' && LOCAL_PAGE.test(e.source))
      .map((e) => `${e.source}: ${e.message}`);
  }

  async externalRequests(): Promise<string[]> {
    const { requests } = await readRecords(this.chrome);
    // Firefox's own requests (system principal) and its built-in add-ons' are blocked but not ours.
    return requests
      .filter((r) => r.by !== 'system' && (r.addonId === '' || r.addonId === this.extensionId))
      .map((r) => r.url);
  }

  close(): Promise<void> {
    return this.browser.close();
  }

  private async readErrors(): Promise<ExtensionError[]> {
    return (await readRecords(this.chrome)).errors;
  }

  private whenBackgroundAnswers(): Promise<boolean> {
    return waitFor('the background page', () => this.inBackground(() => true, null));
  }

  private async withAddon(action: 'reload' | 'disable' | 'enable'): Promise<void> {
    await this.chrome.run(
      async (g: Gecko, { id, action }: { id: string; action: string }) => {
        const { AddonManager } = g.ChromeUtils.importESModule(
          'resource://gre/modules/AddonManager.sys.mjs',
        );
        const addon = await AddonManager.getAddonByID(id);
        await addon[action]();
      },
      { id: this.extensionId, action },
    );
  }
}
