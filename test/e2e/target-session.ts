/**
 * A DevTools session on a target that playwright does not hand out (the extension's toolbar popup) or
 * does not watch for exceptions (the extension's service worker). Reached from a browser-level session
 * with `Target.attachToTarget`; playwright's session cannot address a child session, so messages to
 * and from the target travel wrapped (`Target.sendMessageToTarget`).
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { Remote } from '../driver/driver';
import type { BrowserError } from './harness';

/** What `Target.getTargets` says about a target. */
interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A DevTools message from or to the target. */
interface TargetMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: { result?: { value?: unknown }; exceptionDetails?: { exception?: RemoteValue } };
  error?: { message: string };
}

interface RemoteValue {
  description?: string;
  value?: unknown;
}

export class TargetSession {
  private lastId = 0;
  private readonly replies = new Map<number, (message: TargetMessage) => void>();
  private readonly listeners: ((message: TargetMessage) => void)[] = [];

  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
    readonly targetId: string,
    readonly url: string,
  ) {
    session.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId === this.sessionId) this.receive(JSON.parse(event.message));
    });
  }

  /** Attaches to the first target `matches` accepts, waiting up to `timeoutMs` for one to appear. */
  static async attach(
    context: BrowserContext,
    matches: (target: TargetInfo) => boolean,
    timeoutMs: number,
  ): Promise<TargetSession> {
    const browser = context.browser();
    if (!browser) throw new Error('no browser-level DevTools session');
    const session = await browser.newBrowserCDPSession();
    const end = Date.now() + timeoutMs;
    for (;;) {
      const { targetInfos } = await session.send('Target.getTargets');
      const target = targetInfos.find(matches);
      if (target) {
        const { sessionId } = await session.send('Target.attachToTarget', {
          targetId: target.targetId,
          flatten: false,
        });
        return new TargetSession(session, sessionId, target.targetId, target.url);
      }
      if (Date.now() > end) throw new Error('no such DevTools target appeared');
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  /** Sends a DevTools command to the target. */
  send(method: string, params: object = {}): Promise<TargetMessage> {
    const id = ++this.lastId;
    const reply = new Promise<TargetMessage>((done) => this.replies.set(id, done));
    this.session
      .send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch((error: unknown) => this.replies.get(id)?.({ error: { message: String(error) } }));
    return reply.then((message) => {
      if (message.error) throw new Error(`${method} in ${this.url}: ${message.error.message}`);
      return message;
    });
  }

  /** Runs `fn(arg)` in the target and returns its result (JSON). */
  async evaluate<A, R>(fn: Remote<A, R>, arg: A): Promise<R> {
    const reply = await this.send('Runtime.evaluate', {
      // esbuild may wrap named functions in __name(); the target has no such helper.
      expression: `(async () => { var __name = (f) => f; return (${fn})(${JSON.stringify(arg ?? null)}); })()`,
      awaitPromise: true,
      returnByValue: true,
    });
    const exception = reply.result?.exceptionDetails?.exception;
    if (exception) throw new Error(`In ${this.url}: ${exception.description}`);
    return reply.result?.result?.value as R;
  }

  /**
   * Adds the target's uncaught exceptions (and, with `console`, its console errors) to `problems`,
   * including those from before this call: the target replays them when its Runtime is enabled.
   */
  async recordErrors(problems: BrowserError[], options: { console: boolean }): Promise<void> {
    this.listeners.push(({ method, params }) => {
      if (method === 'Runtime.exceptionThrown') {
        const details = params?.exceptionDetails as { url?: string; exception?: RemoteValue };
        problems.push({
          where: this.url,
          source: details.url || this.url,
          kind: 'uncaught',
          // The description is the stack; its first line is the error ("Error: message").
          message: details.exception?.description?.split('\n')[0] ?? '',
        });
      }
      if (options.console && method === 'Runtime.consoleAPICalled' && params?.type === 'error') {
        const args = (params.args ?? []) as RemoteValue[];
        const stack = params.stackTrace as { callFrames?: { url: string }[] } | undefined;
        problems.push({
          where: this.url,
          source: stack?.callFrames?.[0]?.url || this.url,
          kind: 'console',
          message: args.map((a) => String(a.value ?? a.description ?? '')).join(' '),
        });
      }
    });
    await this.send('Runtime.enable');
  }

  /** Closes the target itself (a popup), then this session. */
  async closeTarget(): Promise<void> {
    await this.session.send('Target.closeTarget', { targetId: this.targetId });
    await this.session.detach();
  }

  private receive(message: TargetMessage): void {
    if (message.id === undefined) {
      for (const listener of this.listeners) listener(message);
      return;
    }
    this.replies.get(message.id)?.(message);
    this.replies.delete(message.id);
  }
}
