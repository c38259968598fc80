/**
 * The extension driver for Chromium (`test/driver/driver.ts`): Debian's Chromium under playwright-core,
 * with the build loaded unpacked (`harness.ts`). What playwright does not reach goes through the
 * DevTools protocol: the card's closed shadow root (`card-view.ts`) and the toolbar popup, a target
 * playwright does not list. How each call maps is in `test/driver/README.md`.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { MessageMap } from '../../lib/shared/messages';
import type {
  CommandName,
  ExtensionDriver,
  PageDriver,
  Remote,
  ViewDriver,
} from '../driver/driver';
import { inClosedShadow } from './closed-shadow';
import { type ExtensionBrowser, launchWithExtension } from './harness';
import { TargetSession } from './target-session';

/** How long to wait for something Chromium does on its own time (a worker starting, a popup opening). */
const WAIT_MS = 15_000;

/** Polls `check` until it returns true, or fails after WAIT_MS. */
async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + WAIT_MS;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`Chromium: timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The extension API where extension code runs; functions sent there name it inline. */
type WithChrome = { chrome: typeof import('wxt/browser').browser };

export class ChromiumDriver implements ExtensionDriver {
  readonly browserName = 'chromium';
  /** The extension's running service worker, once it has started. */
  private worker: Worker | undefined;

  private constructor(readonly browser: ExtensionBrowser) {
    this.context.on('serviceworker', (worker) => this.adopt(worker));
    for (const worker of this.context.serviceWorkers()) this.adopt(worker);
  }

  /** Launches Chromium headless (unless HEADED=1) with the build in .output/chrome-mv3 (or `extensionDir`). */
  static async launch(options: { extensionDir?: string } = {}): Promise<ChromiumDriver> {
    return new ChromiumDriver(await launchWithExtension(options));
  }

  get context(): BrowserContext {
    return this.browser.context;
  }

  get extensionId(): string {
    return this.browser.extensionId;
  }

  /** The extension's own URL for `path`. */
  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path.replace(/^\//, '')}`;
  }

  async openPage(url: string): Promise<PageDriver> {
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return new ChromiumPage(page);
  }

  async openExtensionPage(path: string): Promise<ViewDriver> {
    const page = await this.browser.openExtensionPage(path);
    return {
      evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
      close: () => page.close(),
    };
  }

  async openToolbarPopup(): Promise<ViewDriver> {
    // In the service worker, openPopup resolves in headless Chromium too: for the focused window's tab.
    const path = await this.inBackground(async () => {
      const { action, runtime } = (globalThis as unknown as WithChrome).chrome;
      await action.openPopup();
      return runtime.getManifest().action?.default_popup ?? '';
    }, null);
    const url = this.extensionUrl(path);
    const popup = await TargetSession.attach(
      this.context,
      (target) => target.type === 'page' && target.url === url,
      WAIT_MS,
    );
    await popup.recordErrors(this.browser.problems, { console: true });
    await waitFor('the toolbar popup to load', () =>
      popup.evaluate(() => document.readyState === 'complete', null),
    );
    return { evaluate: (fn, arg) => popup.evaluate(fn, arg), close: () => popup.closeTarget() };
  }

  async command(name: CommandName): Promise<void> {
    // Chromium cannot fire a command from outside (shortcuts are browser accelerators): send what the
    // background sends for one. Its forwarding is checked in Firefox, which can fire commands.
    const message = {
      type: 'background:content:command',
      data: { command: name } satisfies MessageMap['background:content:command']['request'],
    };
    await this.inBackground(async (message) => {
      const { tabs } = (globalThis as unknown as WithChrome).chrome;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id !== undefined) await tabs.sendMessage(tab.id, message).catch(() => undefined);
    }, message);
  }

  async inBackground<A, R>(fn: Remote<A, R>, arg: A): Promise<R> {
    const worker = this.worker ?? (await this.nextWorker());
    return worker.evaluate(fn as (arg: unknown) => Promise<R>, arg);
  }

  async reloadExtension(): Promise<void> {
    // Chromium disables an unpacked extension that reloads itself unless developer mode is on.
    await this.onExtensionsPage(() =>
      (
        globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }
      ).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }),
    );
    const next = this.nextWorker();
    // The worker stops under the evaluation, which then fails: expected.
    await this.inBackground(
      () => (globalThis as unknown as WithChrome).chrome.runtime.reload(),
      null,
    ).catch(() => undefined);
    await next;
  }

  async disableExtension(): Promise<void> {
    const stopped = this.worker && new Promise((done) => this.worker?.once('close', done));
    await this.setEnabled(false);
    await stopped;
  }

  async enableExtension(): Promise<void> {
    const next = this.nextWorker();
    await this.setEnabled(true);
    await next;
  }

  async errors(): Promise<string[]> {
    const ours = `chrome-extension://${this.extensionId}/`;
    // Extension pages, the popup and the service worker happen at our URLs; content scripts' errors
    // happen on the page, from our scripts.
    return this.browser.problems
      .filter((p) => p.where.startsWith(ours) || p.source.startsWith(ours))
      .map((p) => `${p.source || p.where}: ${p.message}`);
  }

  async pageErrors(): Promise<string[]> {
    const ours = `chrome-extension://${this.extensionId}/`;
    return this.browser.problems
      .filter(
        (p) => p.kind === 'uncaught' && /^https?:/.test(p.where) && !p.source.startsWith(ours),
      )
      .map((p) => `${p.where}: ${p.message}`);
  }

  async externalRequests(): Promise<string[]> {
    return [...this.browser.externalRequests];
  }

  close(): Promise<void> {
    return this.browser.close();
  }

  /** Keeps track of the extension's current service worker. */
  private adopt(worker: Worker): void {
    if (new URL(worker.url()).host !== this.extensionId) return;
    this.worker = worker;
    worker.once('close', () => {
      if (this.worker === worker) this.worker = undefined;
    });
  }

  /** The extension's next service worker (after a reload or enable), once it answers. */
  private async nextWorker(): Promise<Worker> {
    const worker = await this.context.waitForEvent('serviceworker', {
      predicate: (w) => new URL(w.url()).host === this.extensionId,
      timeout: WAIT_MS,
    });
    await worker.evaluate(() => true);
    return worker;
  }

  private setEnabled(enabled: boolean): Promise<void> {
    return this.onExtensionsPage(
      ({ id, enabled }) =>
        (globalThis as unknown as WithChrome).chrome.management.setEnabled(id, enabled),
      { id: this.extensionId, enabled },
    );
  }

  /** Runs `fn(arg)` on chrome://extensions, where `chrome.management` and developer settings are. */
  private async onExtensionsPage<A>(fn: Remote<A, unknown>, arg?: A): Promise<void> {
    const page = await this.context.newPage();
    try {
      await page.goto('chrome://extensions');
      await page.evaluate(fn as (arg: unknown) => Promise<void>, arg);
    } finally {
      await page.close();
    }
  }
}

/** `chrome.developerPrivate`: only on chrome://extensions, with no published types. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
}

/** A tab opened by the driver. */
class ChromiumPage implements PageDriver {
  constructor(private readonly page: Page) {}

  get url(): string {
    return this.page.url();
  }

  evaluate<A, R>(fn: Remote<A, R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => Promise<R>, arg);
  }

  inClosedShadow<A, R>(
    host: string,
    fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
    arg: A,
  ): Promise<R | null> {
    return inClosedShadow(this.page, host, fn, arg);
  }

  moveMouse(x: number, y: number): Promise<void> {
    return this.page.mouse.move(x, y);
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }

  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
