/**
 * The annotator: injected by the background (registration: 'runtime') into a frame whose detector
 * found the fact base named there, once per document. It reads the article, draws the annotations
 * the background matched, and runs the card, the keyboard commands and the popup's answers.
 */
import './highlights.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { removeLeftovers } from '@/lib/shared/content/instance';
import { onMessages, sendToExtension } from '@/lib/shared/messages';
import { PageAnnotator } from './annotate';
import { answerMessages } from './answer';
import { CardController } from './card';
import { claimPage } from './claim';
import { watchChanges } from './observe';
import { trackPointer } from './pointer';
import { endWhenUnloaded } from './unload';

export default defineContentScript({
  registration: 'runtime',
  // Only for WXT, which grants these hosts (the background injects into pages there).
  matches: ['http://*/*', 'https://*/*'],
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Synchronously: forged "a newer script started" events die here, and an annotator injected
    // before (an extension that was reloaded) ends.
    claimPage(ctx);
    // What an annotator that ended without cleaning up left (Firefox ends them silently).
    removeLeftovers();
    // Never throw into the page's console: one quiet debug line at most.
    start(ctx).catch((error: unknown) => console.debug('Backstory:', error));
  },
});

/** Wires page changes, messages, pointer and card to the annotator, until `ctx` ends. */
async function start(ctx: ContentScriptContext): Promise<void> {
  endWhenUnloaded(ctx);
  // Announced after every run, even with the same count: an open popup reads the summary again.
  const announce = (count: number) => {
    if (!ctx.signal.aborted) void sendToExtension('annotator:background:annotated', { count });
  };
  const page = new PageAnnotator(ctx.signal, {
    onAnnotated: announce,
    onDropped: (groups) => card.dropped(groups),
  });
  const card = new CardController(ctx, {
    highlights: page.highlights,
    facts: () => page.facts,
    delayMs: () => page.cardDelayMs,
    save: (about, quote) => {
      if (!ctx.signal.aborted)
        void sendToExtension('content:background:save-note', { about, quote });
    },
  });
  const isRelevant = (record: MutationRecord) =>
    !page.root?.isConnected || page.root.contains(record.target);
  // Elements the page added or removed (a live blog's new paragraph) are in no block read before:
  // the article is read again. Changed text is only collected and matched again.
  let added = false;
  watchChanges(ctx, {
    isRelevant,
    onRecords: (records) => {
      if (!ctx.isValid) return;
      page.highlights.dropStale(records);
      added ||= records.some((record) => record.type === 'childList' && isRelevant(record));
    },
    onChange: () => {
      void page.annotate(added);
      added = false;
    },
  });
  // `ctx.isValid` looks at once whether the extension is still there (ending this instance if not):
  // an instance orphaned by a reload must not put its highlights back over a newer instance's.
  trackPointer(ctx, {
    highlights: page.highlights,
    isCard: (target) => card.isCard(target),
    onHover: (place) => {
      if (ctx.isValid) card.hover(place);
    },
    onTap: (place) => {
      if (ctx.isValid) card.tap(place);
    },
  });
  answerMessages(ctx, page, card);
  // Settings or facts changed: match again (switched off, the answer says so and all is cleared).
  onMessages(
    {
      'background:content:changed': () => {
        void page.annotate(false);
        return undefined;
      },
    },
    ctx.signal,
  );
  // A page can dispatch WXT's location event too: only a real change of address re-reads the article.
  let address = location.href;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (location.href === address) return;
    address = location.href;
    void page.annotate(true);
  });
  // Ranges first: closing the card re-registers what still holds ranges, and a newer instance may
  // already have put its own highlights under our names.
  ctx.onInvalidated(() => {
    page.clear();
    card.close();
  });
  await page.annotate(true);
}
