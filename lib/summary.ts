/** The popup's summary of a page, built from what the content script found (pure). */
import type { Article } from '@/lib/extract/article';
import type { Source } from '@/lib/facts/schema';
import type { Annotation } from '@/lib/match/types';
import type { PageSummary } from '@/lib/messages';
import type { FactLookup } from '@/lib/ui/card-data';

export interface SummaryInput {
  url: string;
  enabled: boolean;
  /** Null when the page is not an article. */
  article: Omit<Article, 'root'> | null;
  annotations: readonly Annotation[];
  facts: FactLookup;
}

/**
 * Entities in order of first mention with their counts, figures (conflicts first, one per fact and
 * wording), and every source behind them, in first-use order.
 */
export function buildSummary(input: SummaryInput): PageSummary {
  const { article, facts } = input;
  const entities = new Map<string, PageSummary['entities'][number]>();
  const figures = new Map<string, PageSummary['figures'][number]>();
  const sourceIds: string[] = [];
  for (const annotation of input.annotations) {
    if (annotation.kind === 'entity') {
      const entity = facts.entities.get(annotation.factId);
      if (!entity) continue;
      const seen = entities.get(entity.id);
      if (seen) seen.count++;
      else
        entities.set(entity.id, { id: entity.id, name: entity.name, kind: entity.kind, count: 1 });
      sourceIds.push(...entity.sourceIds);
    } else if (annotation.verdict && (annotation.comparisons || annotation.verdict === 'differs')) {
      // Figures, and restated claims the page dates otherwise (conflicts); other restated claims
      // are not figures and wait for their own place in the popup.
      const { factId, text, verdict, reason = '' } = annotation;
      figures.set(`${factId}\n${text}`, { factId, text, verdict, reason });
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
