/**
 * The detector's wiring on a page: check the page's text with the background's matcher, ask the
 * background for the annotator when it names the fact base, and until then check again when the
 * page's text (an app, a live page, a single-page app's new address), the fact base or the settings
 * change. Answers the popup while no annotator runs in the frame.
 * Ships in: detector bundle.
 */
import { annotatorRunning } from '@/lib/content/instance';
import { onMessages, type PageSummary, sendToExtension } from '@/lib/messages';
import { mentionsFactBase } from './check';
import { decodeMatcher, type Matcher } from './matcher';

/**
 * Checks the page until it names the fact base (then the annotator takes over), or until the
 * extension is gone (a message fails: an unloaded extension's script cannot send).
 */
export async function watchForArticle(): Promise<void> {
  const life = new AbortController();
  /** The background's answer: a matcher, null when Backstory is off here, undefined until asked. */
  let matcher: Promise<Matcher | 'any' | null> | undefined;
  let asked = false;
  let enabled = true;
  const ask = async () => {
    if (asked || life.signal.aborted) return;
    matcher ??= sendToExtension('detector:background:matcher', undefined).then((reply) => {
      // No answer: the extension is gone (its detector stops) or failed (it stops quietly too).
      if (!reply.ok) throw new Error(reply.error);
      // A matcher of another format (an update under way) cannot be read: the page may be on-topic.
      return reply.value === null ? null : (decodeMatcher(reply.value) ?? 'any');
    });
    const current = await matcher;
    enabled = current !== null;
    if (!current || asked || life.signal.aborted) return;
    const text = document.body?.textContent ?? '';
    if (current !== 'any' && !mentionsFactBase(current, text)) return;
    asked = true;
    // False when the frame could not take it (it was navigating): the next change asks again.
    const injected = await sendToExtension('detector:background:inject', undefined);
    asked = injected.ok && injected.value;
  };
  // No timer watches for the extension's unloading: the detector draws nothing to take away, and a
  // timer on every page costs every page.
  const check = () => ask().catch(() => life.abort());
  onMessages(
    {
      'popup:content:summary': () => nothingFound(enabled),
      'background:content:changed': () => {
        matcher = undefined;
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
    if (waiting || done()) return;
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
