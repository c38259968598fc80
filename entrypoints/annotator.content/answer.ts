/** Answers the popup (summary, reveal) and the background (keyboard commands) for this tab. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessages } from '@/lib/shared/messages';
import type { PageAnnotator } from './annotate';
import type { CardController } from './card';

/** Handles this tab's messages until `ctx` is invalidated; only the extension can send them. */
export function answerMessages(
  ctx: ContentScriptContext,
  page: PageAnnotator,
  card: CardController,
): void {
  onMessages(
    {
      'popup:content:summary': () => page.summary(),
      'background:content:published': () => page.summary().article?.published,
      'popup:content:reveal': ({ id }) => {
        const group = page.highlights.groupById(id);
        if (group) card.show(group);
        return !!group;
      },
      'background:content:command': ({ command }) => {
        card.step(command === 'next-mark' ? 1 : -1);
        return undefined;
      },
    },
    ctx.signal,
  );
}
