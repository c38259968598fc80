/**
 * Firefox's privileged ("chrome") scope, reached over WebDriver BiDi: code that runs in the browser
 * window itself, and from there in a frame script inside a tab, the extension's background page or its
 * popup. Needs Firefox started with `--remote-allow-system-access`.
 *
 * Functions given here are sent as source (`fn.toString()`), so they must not use anything from their
 * module; arguments and results travel as JSON.
 */
import type { Browser } from 'puppeteer-core';

/** Firefox's own globals (Services, ChromeUtils, gBrowser, Cu…): XPCOM has no TypeScript types. */
// biome-ignore lint/suspicious/noExplicitAny: XPCOM interfaces and Firefox's window globals are untyped.
export type Gecko = any;

/**
 * esbuild (tsx, vitest) may wrap named functions in `__name(fn, "name")` when it keeps names: code
 * sent as source gets a stand-in so it runs without esbuild's helper.
 */
export const NAME_SHIM = 'var __name = (fn) => fn;';

/** A WebDriver BiDi command result, as puppeteer's connection returns it. */
interface BidiResult {
  result: {
    type: 'success' | 'exception';
    result?: { type: string; value?: string };
    exceptionDetails?: { text?: string };
  };
}

/** Puppeteer's WebDriver BiDi connection: public at runtime but not in its types (hence the pinned version). */
interface BidiConnection {
  send(method: string, params: object): Promise<BidiResult & { result: { contexts?: unknown } }>;
}

/** Where a frame script can run. */
export type FrameTarget =
  /** The page in the selected tab. */
  | { tab: 'selected'; host?: string }
  /** An extension view: its background page, or its toolbar popup while open. */
  | { extensionId: string; view: 'background' | 'popup' };

/** Runs code in Firefox's privileged browser window. */
export class ChromeScope {
  private constructor(
    private readonly bidi: BidiConnection,
    private readonly context: string,
  ) {}

  /** Finds the browser window's privileged context. */
  static async attach(browser: Browser): Promise<ChromeScope> {
    const bidi = (browser as unknown as { connection: BidiConnection }).connection;
    const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = (tree.result as unknown as { contexts: { context: string }[] }).contexts;
    const context = contexts[0]?.context;
    const scope = context ? new ChromeScope(bidi, context) : undefined;
    // Firefox 140 ignores the scope and hands back a web page, where none of this exists.
    const privileged = await scope?.run((g: Gecko) => typeof g.Services === 'object', null);
    if (!scope || !privileged) {
      throw new Error(
        `${await browser.version()} gives WebDriver BiDi no privileged scope: it needs a newer Firefox (153 ESR works) started with --remote-allow-system-access`,
      );
    }
    return scope;
  }

  /** Runs `fn(window, arg)` in the browser window (`window` has Services, gBrowser…) and returns its result. */
  async run<A, R>(fn: (g: Gecko, arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>> {
    const reply = await this.bidi.send('script.callFunction', {
      functionDeclaration: `async (json) => { ${NAME_SHIM} return JSON.stringify((await (${fn})(globalThis, JSON.parse(json))) ?? null); }`,
      target: { context: this.context },
      arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (reply.result.type === 'exception') {
      throw new Error(`In Firefox's privileged scope: ${reply.result.exceptionDetails?.text}`);
    }
    return JSON.parse(reply.result.result?.value ?? 'null');
  }

  /**
   * Runs `fn(arg)` inside a page or extension view, with that page's own privileges (as its scripts
   * would); with `host`, runs `fn(shadowRoot, arg)` on that element's shadow root, open or closed, or
   * returns null when there is none.
   */
  inFrame<R>(target: FrameTarget, fn: string, arg: unknown, timeoutMs = 10_000): Promise<R> {
    return this.run(runInFrame, {
      target,
      fn,
      arg: JSON.stringify(arg ?? null),
      frame: `${frameScript}`,
      timeoutMs,
    }) as Promise<R>;
  }
}

/** Privileged side of `inFrame`: finds the view's <browser> and loads a frame script into it. */
async function runInFrame(
  g: Gecko,
  {
    target,
    fn,
    arg,
    frame,
    timeoutMs,
  }: { target: FrameTarget; fn: string; arg: string; frame: string; timeoutMs: number },
): Promise<unknown> {
  const findBrowser = () => {
    if ('tab' in target) return g.gBrowser.selectedBrowser;
    const views = g.WebExtensionPolicy.getByID(target.extensionId)?.extension?.views ?? [];
    return [...views].find((v: Gecko) => v.viewType === target.view && v.xulBrowser)?.xulBrowser;
  };
  // A view may still be starting (after install, reload or enable, or a popup opening): wait for it.
  let browser = findBrowser();
  for (let tries = 0; !browser && tries < 100; tries++) {
    await new Promise((done) => g.setTimeout(done, 100));
    browser = findBrowser();
  }
  if (!browser) throw new Error(`no ${JSON.stringify(target)} view to run in`);
  const manager = browser.messageManager;
  const key = `backstory-test:${Math.random()}`;
  const host = 'host' in target ? (target.host ?? null) : null;
  const reply: string = await new Promise((resolve, reject) => {
    const listener = (message: { data: string }) => {
      manager.removeMessageListener(key, listener);
      g.clearTimeout(timer);
      resolve(message.data);
    };
    // A <browser> can be swapped for another while it starts (the popup's is): then nothing answers.
    const timer = g.setTimeout(() => {
      manager.removeMessageListener(key, listener);
      reject(new Error(`no answer from ${JSON.stringify(target)} in ${timeoutMs} ms`));
    }, timeoutMs);
    manager.addMessageListener(key, listener);
    const args = [key, fn, arg, host].map((a) => JSON.stringify(a)).join(',');
    // Frame scripts' globals are lexical, not properties of `this`: hand over the ones used.
    const globals = '{ content, Cu, sendAsyncMessage: sendAsyncMessage.bind(this) }';
    const source = `var __name = (fn) => fn; (${frame})(${globals},${args})`;
    manager.loadFrameScript(`data:,${encodeURIComponent(source)}`, false);
  });
  const { ok, error } = JSON.parse(reply) as { ok?: string; error?: string };
  if (error !== undefined) throw new Error(error);
  return JSON.parse(ok ?? 'null');
}

/**
 * The frame script: runs `fn` in a sandbox over the page's window with the page's own principal, so
 * the function sees the page (and, in an extension page, `browser`) as the page's scripts do; its
 * `globalThis` is the window, so what it keeps there outlives the call. Only the frame script itself
 * may read a closed shadow root (`openOrClosedShadowRoot` is privileged).
 */
function frameScript(g: Gecko, key: string, fn: string, arg: string, host: string | null): void {
  const reply = (answer: { ok?: string; error?: string }) =>
    g.sendAsyncMessage(key, JSON.stringify(answer));
  try {
    const { content, Cu } = g;
    let root = null;
    if (host !== null) {
      root = content.document.querySelector(host)?.openOrClosedShadowRoot ?? null;
      if (!root) {
        reply({ ok: 'null' });
        return;
      }
    }
    const sandbox = Cu.Sandbox(content, {
      sandboxPrototype: content,
      wantXrays: false,
      sameZoneAs: content,
    });
    Cu.exportFunction((answer: string) => g.sendAsyncMessage(key, answer), sandbox, {
      defineAs: '__reply',
    });
    sandbox.__arg = arg;
    sandbox.__root = root ? Cu.waiveXrays(root) : null;
    const call =
      host === null ? `(${fn})(JSON.parse(__arg))` : `(${fn})(__root, JSON.parse(__arg))`;
    Cu.evalInSandbox(
      `var __name = (fn) => fn; globalThis = window; Promise.resolve().then(() => ${call}).then(
        (v) => __reply(JSON.stringify({ ok: JSON.stringify(v === undefined ? null : v) })),
        (e) => __reply(JSON.stringify({ error: String(e) + '\\n' + ((e && e.stack) || '') })))`,
      sandbox,
      null,
      // Errors the function leaves behind (a timer that throws) are reported as the page's own.
      content.location.href,
      1,
    );
  } catch (error) {
    reply({ error: String(error) });
  }
}
