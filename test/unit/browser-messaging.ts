/**
 * fakeBrowser's messaging calls listeners without a way to answer (no `sendResponse`) and takes a
 * listener's return value as the answer; browsers answer through `sendResponse` when a listener
 * returns true (Chrome only so). These deliver messages the browsers' way, to the listeners
 * registered on fakeBrowser.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

/** What Chrome and Firefox reject with when no listener is registered at all. */
export const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/** Delivers `message` from `sender` to the registered listeners; resolves with the answer. */
export function deliver(message: unknown, sender: object = {}): Promise<unknown> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as (
    ...args: unknown[]
  ) => Promise<unknown[]>;
  return new Promise((resolve, reject) => {
    void trigger(message, sender, resolve).then((kept) => {
      if (kept.length === 0) reject(new Error(NO_RECEIVER));
      // Firefox resolves with undefined when no listener takes the message.
      else if (!kept.includes(true)) resolve(undefined);
    });
  });
}

/** Makes `runtime.sendMessage` reach the listeners as a browser would. */
export function sendLikeABrowser(): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((message: unknown) =>
    deliver(message),
  );
}
