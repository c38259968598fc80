import './highlights.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/defaults';
import { type AnnotationState, onMessages, sendToExtension } from '@/lib/messages';
import { PageAnnotator } from './annotate';
import { answerMessages } from './answer';
import { CardController } from './card';
import { claimPage, removeLeftovers } from './instance';
import { watchChanges } from './observe';
import { trackPointer } from './pointer';
import { endWhenUnloaded } from './unload';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Pages see window messages; WXT's custom event (neutralised in ./instance) is enough for it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Synchronously, before any page script can run: forged "a newer script started" events die here.
    claimPage(ctx);
    // Also at once, on every page: what an instance that ended without cleaning up left (Firefox ends
    // content scripts silently on disable, reload and update) shows again as soon as our stylesheet
    // is back, and nothing else would ever take it away on a page this instance does not draw on.
    removeLeftovers();
    // Never throw into the page's console: one quiet debug line at most.
    start(ctx).catch((error: unknown) => console.debug('Backstory:', error));
  },
});

/** Wires the background's state, page changes, messages, pointer and card to the annotator, until `ctx` ends. */
async function start(ctx: ContentScriptContext): Promise<void> {
  endWhenUnloaded(ctx);
  let settings: Settings = DEFAULT_SETTINGS;
  let sentCount = 0;
  const reportCount = (count: number) => {
    // Once the extension is unloaded, sending throws synchronously ("Extension context invalidated").
    if (count === sentCount || ctx.signal.aborted) return;
    sentCount = count;
    sendToExtension('content:background:count', { count }).catch(() => undefined);
  };
  const page = new PageAnnotator(ctx.signal, {
    onCount: reportCount,
    onDropped: (groups) => card.dropped(groups),
  });
  const card = new CardController(ctx, {
    highlights: page.highlights,
    facts: () => page.facts,
    delayMs: () => settings.cardDelayMs,
    save: (about, quote) => {
      if (!ctx.signal.aborted)
        sendToExtension('content:background:save-note', { about, quote }).catch(() => undefined);
    },
  });
  watchChanges(ctx, {
    isRelevant: (record) => !page.root?.isConnected || page.root.contains(record.target),
    onRecords: (records) => page.highlights.dropStale(records),
    onChange: () => void page.annotate(false),
  });
  trackPointer(ctx, {
    highlights: page.highlights,
    isCard: (target) => card.isCard(target),
    onHover: (place) => card.hover(place),
    onTap: (place) => card.tap(place),
  });
  answerMessages(ctx, page, card);

  // New facts may put a page that matched nothing in reach, so every change re-reads the article.
  const apply = (state: AnnotationState) => {
    settings = state.settings;
    page.configure(state.settings, state.packs, state.origins);
    if (!page.enabled) {
      card.close();
      page.clear();
    }
    return page.annotate(true);
  };
  onMessages({ 'background:content:state': (state) => void apply(state) }, ctx.signal);
  // A page can dispatch WXT's location event too: only a real change of address re-reads the article.
  let address = location.href;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (location.href === address) return;
    address = location.href;
    void page.annotate(true);
  });
  ctx.onInvalidated(() => {
    card.close();
    page.clear();
  });
  await apply(await sendToExtension('content:background:state', undefined));
}
