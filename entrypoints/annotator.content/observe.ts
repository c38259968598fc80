/**
 * Notices when the page changes its article (live blogs, infinite scroll, single-page apps, apps that
 * re-render in place). Every change is reported at once (so annotations on changed text are dropped
 * before the browser paints again) and asks for a re-run: debounced, never later than a second, and
 * capped so a page that rewrites itself constantly cannot keep the extension busy.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Quiet time after the last change before re-running. */
const DEBOUNCE_MS = 250;
/** A stream of changes still gets a re-run this soon after it began. */
const MAX_WAIT_MS = 900;
/** At most this many re-runs per window; more wait for the window to move on. */
const MAX_RUNS = 4;
const WINDOW_MS = 10_000;

export interface ChangeHandlers {
  /** Decides which mutation records matter for a re-run (not the card host coming and going). */
  isRelevant(record: MutationRecord): boolean;
  /** Called with every batch of the page's changes, synchronously, before the next paint. */
  onRecords(records: readonly MutationRecord[]): void;
  /** Called (debounced, capped) after relevant changes. */
  onChange(): void;
}

const isCardHost = (node: Node) => node.nodeName === 'BACKSTORY-TOOLTIP';

/** True unless the record is only the card's host being added or removed. */
function isPageMutation(record: MutationRecord): boolean {
  if (record.type !== 'childList') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length === 0 || !nodes.every(isCardHost);
}

/** Watches the document's text until `ctx` is invalidated. */
export function watchChanges(ctx: ContentScriptContext, handlers: ChangeHandlers): void {
  const runs: number[] = [];
  let timer: number | undefined;
  let firstChange = 0;
  const run = () => {
    timer = undefined;
    runs.push(Date.now());
    handlers.onChange();
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
  const observer = new MutationObserver((records) => {
    const page = records.filter(isPageMutation);
    if (page.length === 0) return;
    handlers.onRecords(page);
    if (page.some((record) => handlers.isRelevant(record))) schedule();
  });
  // The whole document: text the page moves out of the body must count as gone too.
  observer.observe(document, { childList: true, characterData: true, subtree: true });
  ctx.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
