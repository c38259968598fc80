import './marks.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FactPack } from '@/lib/facts/schema';
import { sendToExtension } from '@/lib/messages';
import {
  DEFAULT_SETTINGS,
  EMPTY_READER_PACK,
  readerPackItem,
  type Settings,
  settingsItem,
} from '@/lib/storage';
import { PageAnnotator } from './annotate';
import { answerMessages } from './answer';
import { CardController } from './card';
import { watchChanges } from './observe';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Never throw into the page's console: one quiet debug line at most.
    start(ctx).catch((error: unknown) => console.debug('Backstory:', error));
  },
});

/** Wires storage, page changes, messages and the card to the annotator, until `ctx` ends. */
async function start(ctx: ContentScriptContext): Promise<void> {
  const [stored, storedPack] = await Promise.all([
    settingsItem.getValue(),
    readerPackItem.getValue(),
  ]);
  // Stored settings may predate a field (or be partial): defaults fill the gaps.
  let settings: Settings = { ...DEFAULT_SETTINGS, ...stored };
  let readerPack = storedPack ?? EMPTY_READER_PACK;
  let sentCount = 0;
  const reportCount = (count: number) => {
    if (count === sentCount) return;
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

  let bundledPack: Promise<FactPack> | undefined;
  const factPacks = async (): Promise<FactPack[]> => {
    if (!settings.useBundledPack) return [readerPack];
    bundledPack ??= sendToExtension('content:background:bundled-pack', undefined);
    return [await bundledPack, readerPack];
  };
  const refresh = async (reextract: boolean) => {
    page.configure(settings, await factPacks());
    if (!page.enabled) {
      card.close();
      page.clear();
    }
    return page.annotate(reextract);
  };
  const unwatchSettings = settingsItem.watch((value) => {
    settings = { ...DEFAULT_SETTINGS, ...value };
    void refresh(true);
  });
  const unwatchReaderPack = readerPackItem.watch((value) => {
    readerPack = value ?? EMPTY_READER_PACK;
    void refresh(false);
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => void page.annotate(true));
  ctx.onInvalidated(() => {
    unwatchSettings();
    unwatchReaderPack();
    card.close();
    page.clear();
  });
  await refresh(true);
}
