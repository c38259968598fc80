/**
 * The detector's wiring on a page: send the page's text to the background, which checks it with its
 * matcher and injects the annotator when it names the fact base, and until then check again when the
 * page's text (an app, a live page, a single-page app's new address), the fact base or the settings
 * change. Answers the popup while no annotator runs in the frame.
 * Ships in: detector bundle.
 */
import { annotatorRunning } from '@/lib/shared/content/instance';
import { onMessages, type PageSummary, sendToExtension } from '@/lib/shared/messages';

/**
 * Checks the page until it names the fact base (then the annotator takes over), or until the
 * extension is gone (a message fails: an unloaded extension's script cannot send).
 */
export async function watchForArticle(): Promise<void> {
  const life = new AbortController();
  let asked = false;
  let enabled = true;
  const ask = async () => {
    if (asked || life.signal.aborted) return;
    // One message, the check off the page's thread: sending the text costs the page less than
    // receiving and running a matcher, whose size grows with the reader's facts.
    const reply = await sendToExtension('detector:background:check', {
      text: document.body?.textContent ?? '',
    });
    // No answer: the extension is gone or failed; this detector stops, quietly (see `check`).
    if (!reply.ok) throw new Error(reply.error);
    enabled = reply.value.enabled;
    // Not injected (nothing named, or the frame was navigating): the next change asks again.
    asked = reply.value.injected;
  };
  // No timer watches for the extension's unloading: the detector draws nothing to take away, and a
  // timer on every page costs every page.
  const check = () => ask().catch(() => life.abort());
  onMessages(
    {
      'popup:content:summary': () => nothingFound(enabled),
      'background:content:changed': () => {
        void check();
        return undefined;
      },
    },
    life.signal,
    // Once the annotator runs here, it answers for the page.
    () => !annotatorRunning(),
  );
  // Single-page apps change the page as they change address: the next check follows.
  recheckOnChanges(
    life.signal,
    () => void check(),
    () => asked,
  );
  await check();
}

/** First wait before checking a changed page again; it doubles after each check. */
const RECHECK_MS = 1_000;

/**
 * Checks again when the page changes (an app or a live page whose article arrives after load), a
 * while after the first change, less and less often: a page that changes all the time (a ticker,
 * ads) costs a few checks, not one a second. Smaller than the annotator's watcher (observe.ts).
 */
function recheckOnChanges(signal: AbortSignal, check: () => void, done: () => boolean) {
  let delay = RECHECK_MS;
  let waiting = false;
  const observer = new MutationObserver(() => {
    // The annotator, once injected, watches the page itself: stop paying for this observer.
    if (done()) return observer.disconnect();
    if (waiting) return;
    waiting = true;
    setTimeout(() => {
      waiting = false;
      delay *= 2;
      if (!signal.aborted) check();
    }, delay);
  });
  observer.observe(document, { childList: true, characterData: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}

/** The popup's summary of a page that names nothing of the fact base. */
function nothingFound(enabled: boolean): PageSummary {
  const none: [] = [];
  return {
    url: location.href,
    enabled,
    isArticle: false,
    noArticle: enabled ? 'nothing-known' : undefined,
    entities: none,
    figures: none,
    restated: none,
    sources: none,
  };
}
