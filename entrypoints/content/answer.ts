/** Answers the popup (summary, reveal) and the background (keyboard commands) for this tab. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { stepGroup } from '@/lib/highlight/navigate';
import { onMessages } from '@/lib/messages';
import type { PageAnnotator } from './annotate';
import type { CardController } from './card';

/** Handles this tab's messages until `ctx` is invalidated. */
export function answerMessages(
  ctx: ContentScriptContext,
  page: PageAnnotator,
  card: CardController,
): void {
  onMessages(
    {
      'popup:content:summary': () => page.summary(),
      'background:content:published': () => page.summary().article?.published,
      'popup:content:reveal': ({ factId }) => {
        const group = page.highlights.groups.find((g) => g.annotation.factId === factId);
        const mark = group?.marks[0];
        if (mark) card.focusMark(mark);
        return !!mark;
      },
      'background:content:command': ({ command }) => {
        const from = card.openMark ?? document.activeElement;
        const current = from ? page.highlights.groupOf(from) : undefined;
        const direction = command === 'next-mark' ? 1 : -1;
        const next = stepGroup(page.highlights.groups, current, direction, window.innerHeight);
        if (next?.marks[0]) card.focusMark(next.marks[0]);
        return undefined;
      },
    },
    ctx.signal,
  );
}
