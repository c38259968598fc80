/**
 * What a behaviour test needs from a real browser with Backstory installed, so that a behaviour is
 * written once (against these interfaces and the steps in `steps.ts`) and checked in every browser.
 * Implementations: `test/firefox/driver.ts` (puppeteer-core over WebDriver BiDi). Chromium
 * (playwright-core + CDP) maps onto the same calls; see `test/driver/README.md`.
 *
 * Functions passed to `evaluate`, `inClosedShadow` and `inBackground` run in the browser: they are
 * sent as source, so they may use only their argument and the globals of where they run; arguments
 * and results must survive JSON.
 */

/** A function sent to the browser, called with one JSON argument. */
export type Remote<A, R> = (arg: A) => R | Promise<R>;

/** A tab showing a page served from 127.0.0.1. */
export interface PageDriver {
  readonly url: string;
  /** Runs `fn(arg)` in the page's own scripts' world and returns its result. */
  evaluate<A, R>(fn: Remote<A, R>, arg: A): Promise<R>;
  /**
   * Runs `fn(root, arg)` on the shadow root of the first element matching `host`, even a closed one
   * (as no page script could), or returns null when there is no such element or root.
   */
  inClosedShadow<A, R>(
    host: string,
    fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
    arg: A,
  ): Promise<R | null>;
  /** Moves the real pointer to a point of the viewport (CSS pixels); hover follows. */
  moveMouse(x: number, y: number): Promise<void>;
  /** Presses a key (puppeteer / playwright key names: "Escape", "Tab", "Shift+Tab") with focus in the page. */
  press(key: string): Promise<void>;
  /** Selects this tab, as a reader clicking it would. */
  bringToFront(): Promise<void>;
  /** Reloads the page and waits for it to load. */
  reload(): Promise<void>;
  /** Saves a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** An extension page: in a tab (`popup.html?tabId=N`, `options.html`) or the real toolbar popup. */
export interface ViewDriver {
  /** Runs `fn(arg)` in the page, where `browser` / `chrome` is the extension API. */
  evaluate<A, R>(fn: Remote<A, R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

/** The keyboard commands the manifest declares. */
export type CommandName = 'next-mark' | 'previous-mark';

/** A browser with the built extension installed, watched for errors and requests leaving the machine. */
export interface ExtensionDriver {
  readonly browserName: 'chromium' | 'firefox';
  /** Opens `url` in a new tab in front and waits for it to load. */
  openPage(url: string): Promise<PageDriver>;
  /** Opens an extension page in a new tab and waits until its document is complete. */
  openExtensionPage(path: string): Promise<ViewDriver>;
  /** Opens the extension's real toolbar popup for the selected tab. */
  openToolbarPopup(): Promise<ViewDriver>;
  /** Fires a keyboard command as the browser does when the reader presses its shortcut. */
  command(name: CommandName): Promise<void>;
  /** Runs `fn(arg)` in the extension's background (page or service worker). */
  inBackground<A, R>(fn: Remote<A, R>, arg: A): Promise<R>;
  /** Reloads the extension as an update would; resolves once the new background answers. */
  reloadExtension(): Promise<void>;
  /** Disables the extension (its content scripts are unloaded from open pages). */
  disableExtension(): Promise<void>;
  /** Enables it again; resolves once its background answers. */
  enableExtension(): Promise<void>;
  /**
   * Errors since launch from every extension context (background, content scripts, extension pages,
   * popup): uncaught ones and `console.error`. Known harmless browser noise is left out (see each
   * implementation).
   */
  errors(): Promise<string[]>;
  /**
   * Uncaught errors of the pages served from 127.0.0.1, since launch. Real pages' own scripts fail
   * without their third-party code: compare with the same page without Backstory, not with [].
   */
  pageErrors(): Promise<string[]>;
  /** URLs that pages or the extension tried to load from anywhere but 127.0.0.1 (all were blocked). */
  externalRequests(): Promise<string[]>;
  close(): Promise<void>;
}
