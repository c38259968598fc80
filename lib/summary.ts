/** The popup's summary of a page, built from what the content script found (pure). */
import type { Article } from '@/lib/extract/article';
import type { Source } from '@/lib/facts/schema';
import type { Annotation } from '@/lib/match/types';
import type { Mention, PageSummary } from '@/lib/messages';
import type { FactLookup } from '@/lib/ui/card-data';

export interface SummaryInput {
  url: string;
  enabled: boolean;
  /** Null when the page is not an article. */
  article: Omit<Article, 'root' | 'blocks' | 'headline'> | null;
  /** The page's annotations with their ids (highlight groups), in text order. */
  groups: readonly { id: number; annotation: Annotation }[];
  facts: FactLookup;
}

/**
 * Entities in order of first mention with every mention, figures (conflicts first, one per fact and
 * wording, with every place it is written), and every source behind them, in first-use order.
 */
export function buildSummary(input: SummaryInput): PageSummary {
  const { article, facts } = input;
  const entities = new Map<string, PageSummary['entities'][number]>();
  const figures = new Map<string, PageSummary['figures'][number]>();
  const sourceIds: string[] = [];
  for (const { id, annotation } of input.groups) {
    const mention: Mention = { id, text: annotation.text };
    if (annotation.kind === 'entity') {
      const entity = facts.entities.get(annotation.factId);
      if (!entity) continue;
      const seen = entities.get(entity.id);
      if (seen) seen.mentions.push(mention);
      else {
        const { name, kind } = entity;
        entities.set(entity.id, { id: entity.id, name, kind, mentions: [mention] });
      }
      sourceIds.push(...entity.sourceIds);
    } else if (annotation.verdict && (annotation.comparisons || annotation.verdict === 'differs')) {
      // Figures, and restated claims the page dates otherwise (conflicts); other restated claims
      // are not figures and wait for their own place in the popup.
      const { factId, text, verdict, reason = '' } = annotation;
      const key = `${factId}\n${text}`;
      const seen = figures.get(key);
      if (seen) seen.mentions.push(mention);
      else figures.set(key, { factId, text, verdict, reason, mentions: [mention] });
      for (const claimId of [factId, ...(annotation.comparisons ?? []).map((c) => c.claimId)]) {
        const claim = facts.claims.get(claimId);
        if (claim) sourceIds.push(claim.sourceId);
      }
    }
  }
  const sources = [...new Set(sourceIds)]
    .map((id) => facts.sources.get(id))
    .filter((source): source is Source => source !== undefined);
  return {
    url: input.url,
    enabled: input.enabled,
    isArticle: article !== null,
    article: article
      ? {
          title: article.title,
          byline: article.byline,
          siteName: article.siteName,
          published: article.published,
          readingMinutes: article.readingMinutes,
        }
      : undefined,
    entities: [...entities.values()],
    figures: [...figures.values()].sort(
      (a, b) => Number(b.verdict === 'differs') - Number(a.verdict === 'differs'),
    ),
    sources,
  };
}
