/**
 * The detector, on every page: does its text name anything the fact base knows? It sends the text to
 * the background, which checks it with its compact matcher and only then injects the annotator
 * (DESIGN.md, "Data flow"). Small on purpose (budget 8 KB): no Readability, no fuse.js, no Preact,
 * no fact pack, no matcher.
 *
 * An unlisted script that wxt.config.ts lists as a content script, not a WXT content script: WXT's
 * content-script wrapper (its context, location watcher and logger, 3.4 KB) would be over 40 % of
 * the budget, and the detector needs none of it — it draws nothing, and with no WXT context there is
 * no WXT event for a page to forge.
 */
import { browser } from 'wxt/browser';
import { watchForArticle } from '@/lib/detector/page';
import { claimDetector, mayHaveLeftovers, removeLeftovers } from '@/lib/shared/content/instance';

export default defineUnlistedScript(() => {
  // One detector per frame. One left by an extension instance that ended has lost its `runtime`.
  if (!claimDetector(() => browser.runtime?.id !== undefined)) return;
  // At once, on every page: what an instance that ended without cleaning up left (Firefox ends
  // content scripts silently on disable, reload and update) shows again as soon as our stylesheet
  // is back, and nothing else would take it away on a page the annotator is not injected into.
  if (mayHaveLeftovers()) removeLeftovers();
  // Never throw into the page's console: one quiet debug line at most.
  watchForArticle().catch((error: unknown) => console.debug('Backstory:', error));
});
