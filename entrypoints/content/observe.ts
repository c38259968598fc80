/**
 * Notices when the page changes its article (live blogs, infinite scroll, single-page apps) and asks
 * for a re-run: debounced, never later than a second, and capped so a page that rewrites itself
 * constantly cannot keep the extension busy.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Quiet time after the last change before re-running. */
const DEBOUNCE_MS = 250;
/** A stream of changes still gets a re-run this soon after it began. */
const MAX_WAIT_MS = 900;
/** At most this many re-runs per window; more wait for the window to move on. */
const MAX_RUNS = 4;
const WINDOW_MS = 10_000;

export interface ChangeWatcher {
  /** Runs a DOM write of the extension's own without it counting as a page change. */
  quietly(write: () => void): void;
}

/** Decides which mutation records are the page's and matter (not the card host coming and going). */
export type RelevantChange = (record: MutationRecord) => boolean;

const isCardHost = (node: Node) => node.nodeName === 'BACKSTORY-TOOLTIP';

/** True unless the record is only the card's host being added or removed. */
function isPageMutation(record: MutationRecord): boolean {
  if (record.type !== 'childList') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length === 0 || !nodes.every(isCardHost);
}

/**
 * Watches `document.body` until `ctx` is invalidated and calls `onChange` (debounced, capped)
 * after page mutations that `isRelevant` accepts.
 */
export function watchChanges(
  ctx: ContentScriptContext,
  isRelevant: RelevantChange,
  onChange: () => void,
): ChangeWatcher {
  const runs: number[] = [];
  let timer: number | undefined;
  let firstChange = 0;
  const run = () => {
    timer = undefined;
    runs.push(Date.now());
    onChange();
  };
  const schedule = () => {
    const now = Date.now();
    while (runs.length > 0 && (runs[0] ?? 0) < now - WINDOW_MS) runs.shift();
    if (timer === undefined) firstChange = now;
    else clearTimeout(timer);
    let delay = Math.min(DEBOUNCE_MS, Math.max(0, firstChange + MAX_WAIT_MS - now));
    if (runs.length >= MAX_RUNS) delay = Math.max(delay, (runs[0] ?? now) + WINDOW_MS - now);
    timer = ctx.setTimeout(run, delay);
  };
  const consider = (records: MutationRecord[]) => {
    if (records.some((r) => isPageMutation(r) && isRelevant(r))) schedule();
  };
  const observer = new MutationObserver(consider);
  if (document.body) {
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
  }
  ctx.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  return {
    quietly(write) {
      const pending = observer.takeRecords();
      try {
        write();
      } finally {
        observer.takeRecords();
        consider(pending);
      }
    },
  };
}
