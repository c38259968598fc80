import './marks.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/defaults';
import { type AnnotationState, onMessages, sendToExtension } from '@/lib/messages';
import { PageAnnotator } from './annotate';
import { answerMessages } from './answer';
import { CardController } from './card';
import { watchChanges } from './observe';
import { endWhenUnloaded } from './unload';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Never throw into the page's console: one quiet debug line at most.
    start(ctx).catch((error: unknown) => console.debug('Backstory:', error));
  },
});

/** Wires the background's state, page changes, messages and the card to the annotator, until `ctx` ends. */
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
  const watcher = watchChanges(
    ctx,
    (record) => !page.root?.isConnected || page.root.contains(record.target),
    () => void page.annotate(false),
  );
  const page = new PageAnnotator(ctx.signal, watcher.quietly, reportCount);
  const card = new CardController(ctx, {
    highlights: page.highlights,
    facts: () => page.index,
    delayMs: () => settings.cardDelayMs,
  });
  answerMessages(ctx, page, card);

  // New facts may put a page that matched nothing in reach, so every change re-reads the article.
  const apply = (state: AnnotationState) => {
    settings = state.settings;
    page.configure(state.settings, state.packs);
    if (!page.enabled) {
      card.close();
      page.clear();
    }
    return page.annotate(true);
  };
  onMessages({ 'background:content:state': (state) => void apply(state) }, ctx.signal);
  ctx.addEventListener(window, 'wxt:locationchange', () => void page.annotate(true));
  ctx.onInvalidated(() => {
    card.close();
    page.clear();
  });
  await apply(await sendToExtension('content:background:state', undefined));
}
