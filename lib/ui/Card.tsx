/** The card shown for a mark: who or what it is, or how the page's figure compares, with sources. */

import { describePeriod, formatDate, formatFigure } from '@/lib/facts/describe';
import type { Source } from '@/lib/facts/schema';
import type { Verdict } from '@/lib/match/types';
import { isWebUrl } from '@/lib/safe-url';
import type { CardData, EntityCardData, FigureCardData, SourcedClaim } from './card-data';
import { formatKind, formatVerdict } from './format';

export type Theme = 'light' | 'dark';

/** The id of the card's heading, which names the dialog. */
export const CARD_TITLE_ID = 'backstory-card-title';

const VERDICT_ICONS: Record<Verdict, string> = {
  agrees: '✓',
  differs: '≠',
  'other-period': '↔',
  'different-unit': '↔',
  'other-scope': '↔',
};

const ROW_VERDICTS: Record<Verdict, string> = {
  agrees: 'agrees',
  differs: 'differs',
  'other-period': 'other period',
  'different-unit': 'other unit',
  'other-scope': 'other scope',
};

/** A non-modal dialog describing one mark; everything reader-supplied is rendered as text. */
export function Card({ data, theme }: { data: CardData; theme: Theme }) {
  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby={CARD_TITLE_ID}
      tabIndex={-1}
      data-theme={theme}
    >
      {data.kind === 'entity' ? <EntityBody data={data} /> : <FigureBody data={data} />}
      <Sources sources={data.sources} />
      <p class="brand">Backstory · local fact base</p>
    </div>
  );
}

function EntityBody({ data }: { data: EntityCardData }) {
  return (
    <>
      <h2 id={CARD_TITLE_ID}>{data.entity.name}</h2>
      <p class="kind">{formatKind(data.entity.kind)}</p>
      <p class="summary">{data.entity.summary}</p>
      {data.claims.length > 0 && (
        <section>
          <h3>Related claims</h3>
          <ul>
            {data.claims.map((item) => (
              <li key={item.claim.id}>
                {item.claim.statement}
                <ClaimMeta item={item} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function FigureBody({ data }: { data: FigureCardData }) {
  const { annotation, claim } = data;
  const verdict = annotation.verdict;
  return (
    <>
      <h2 id={CARD_TITLE_ID}>This page says “{annotation.figure?.text ?? annotation.text}”</h2>
      {claim && <p class="summary">{claim.statement}</p>}
      {verdict && (
        <p class="verdict" data-verdict={verdict}>
          <span aria-hidden="true">{VERDICT_ICONS[verdict]} </span>
          <strong>{formatVerdict(verdict)}</strong>
          {annotation.reason && <span class="reason">{annotation.reason}</span>}
        </p>
      )}
      {data.comparisons.length > 0 && (
        <section>
          <h3>What the sources say</h3>
          <ul>
            {data.comparisons.map((item) => (
              <li key={item.claim.id} data-verdict={item.verdict}>
                <strong>
                  {item.claim.figure ? formatFigure(item.claim.figure) : item.claim.statement}
                </strong>
                {item.claim.figure && ` ${describePeriod(item.claim.figure.period)}`}
                <span class="row-verdict">
                  {` ${VERDICT_ICONS[item.verdict]} ${ROW_VERDICTS[item.verdict]}`}
                </span>
                <ClaimMeta item={item} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {claim?.evidence && (
        <p class="evidence">
          In the source: <q>{claim.evidence}</q>
        </p>
      )}
    </>
  );
}

/** Who said it, when, and where: "Alejandro Mayorkas · July 2023 · CISA". */
function ClaimMeta({ item }: { item: SourcedClaim }) {
  const parts = [
    item.claim.attributedTo && `said by ${item.claim.attributedTo}`,
    item.claim.when && formatDate(item.claim.when),
    item.source?.publisher,
  ].filter(Boolean);
  return parts.length > 0 ? <span class="meta">{parts.join(' · ')}</span> : null;
}

function Sources({ sources }: { sources: readonly Source[] }) {
  if (sources.length === 0) return null;
  return (
    <section>
      <h3>Sources</h3>
      <ul class="sources">
        {sources.map((source) => (
          <li key={source.id}>
            {source.url && isWebUrl(source.url) ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.title}
              </a>
            ) : (
              <span>{source.title}</span>
            )}
            <span class="meta">
              {[source.publisher, source.published && formatDate(source.published)]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
