/** The popup's summary of a page, built from what the content script found (pure). */
import type { Article } from '@/lib/annotator/extract/article';
import type { FactLookup } from '@/lib/shared/card/card-types';
import { verdictLabelOf } from '@/lib/shared/card/claim-card';
import type { Claim, Source } from '@/lib/shared/facts/schema';
import type { Annotation } from '@/lib/shared/match/types';
import type { Mention, NoArticleReason, PageSummary, SummaryClaim } from '@/lib/shared/messages';

export interface SummaryInput {
  url: string;
  enabled: boolean;
  /** Null when the page is not an article. */
  article: Omit<Article, 'root' | 'blocks' | 'headline'> | null;
  /** Why there is no article, when the page was read and gave none. */
  noArticle?: NoArticleReason;
  /** The page's annotations with their ids (highlight groups), in text order. */
  groups: readonly { id: number; annotation: Annotation }[];
  facts: FactLookup;
}

/**
 * Entities in order of first mention, figures and retold claims in the order of the text (one per
 * fact and wording), each with every place it is written — so every annotation on the page is
 * listed — and every source behind them, in first-use order.
 */
export function buildSummary(input: SummaryInput): PageSummary {
  const { article, facts } = input;
  const entities = new Map<string, PageSummary['entities'][number]>();
  const claims = {
    figures: new Map<string, SummaryClaim>(),
    restated: new Map<string, SummaryClaim>(),
  };
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
      continue;
    }
    const claim = facts.claims.get(annotation.factId);
    if (!claim) continue;
    const list = annotation.figure ? claims.figures : claims.restated;
    const key = `${annotation.factId}\n${annotation.text}`;
    const seen = list.get(key);
    if (seen) seen.mentions.push(mention);
    else list.set(key, summaryClaim(annotation, claim, mention));
    for (const claimId of [claim.id, ...(annotation.comparisons ?? []).map((c) => c.claimId)]) {
      const compared = facts.claims.get(claimId);
      if (compared) sourceIds.push(compared.sourceId);
    }
  }
  const sources = [...new Set(sourceIds)]
    .map((id) => facts.sources.get(id))
    .filter((source): source is Source => source !== undefined);
  return {
    url: input.url,
    enabled: input.enabled,
    isArticle: article !== null,
    ...(article === null && input.enabled && input.noArticle ? { noArticle: input.noArticle } : {}),
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
    figures: [...claims.figures.values()],
    restated: [...claims.restated.values()],
    sources,
  };
}

function summaryClaim(annotation: Annotation, claim: Claim, mention: Mention): SummaryClaim {
  const { factId, text, verdict = 'agrees', reason = '' } = annotation;
  return {
    factId,
    text,
    verdict,
    label: verdictLabelOf(annotation, claim),
    reason,
    ...(annotation.figure ? {} : { statement: claim.statement }),
    mentions: [mention],
  };
}
