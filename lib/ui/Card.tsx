/** The card shown for an annotation: who or what it is, or how the page's figure compares, with sources. */

import { describePeriod, formatDate, formatFigure } from '@/lib/facts/describe';
import type { Source } from '@/lib/facts/schema';
import type { Verdict } from '@/lib/match/types';
import { isWebUrl } from '@/lib/safe-url';
import { CardFrame, type CardFrameProps } from './CardFrame';
import type { CardData, EntityCardData, FigureCardData, SourcedClaim } from './card-data';
import { formatKind, formatVerdict } from './format';

/** The id of a figure's verdict sentence, which describes the dialog (a conflict in words). */
export const VERDICT_ID = 'backstory-card-verdict';

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

export type CardProps = Omit<CardFrameProps, 'title' | 'describedBy' | 'children'> & {
  data: CardData;
};

/** The card's title: the entity's name, or what the page says. */
export function cardTitle(data: CardData): string {
  if (data.kind === 'entity') return data.entity.name;
  return `This page says “${data.annotation.figure?.text ?? data.annotation.text}”`;
}

/** A non-modal dialog describing one annotation; everything reader-supplied is rendered as text. */
export function Card({ data, ...frame }: CardProps) {
  const verdict = data.kind === 'claim' ? data.annotation.verdict : undefined;
  return (
    <CardFrame {...frame} title={cardTitle(data)} describedBy={verdict ? VERDICT_ID : undefined}>
      {data.kind === 'entity' ? <EntityBody data={data} /> : <FigureBody data={data} />}
      <Sources sources={data.sources} />
    </CardFrame>
  );
}

function EntityBody({ data }: { data: EntityCardData }) {
  return (
    <>
      <p class="kind">{formatKind(data.entity.kind)}</p>
      <p class="summary">
        <bdi>{data.entity.summary}</bdi>
      </p>
      {data.claims.length > 0 && (
        <section>
          <h3>Related claims</h3>
          <ul>
            {data.claims.map((item) => (
              <li key={item.claim.id}>
                <bdi>{item.claim.statement}</bdi>
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
      {claim && (
        <p class="summary">
          <bdi>{claim.statement}</bdi>
        </p>
      )}
      {verdict && (
        <p class="verdict" id={VERDICT_ID} data-verdict={verdict}>
          <span aria-hidden="true">{VERDICT_ICONS[verdict]} </span>
          <strong>
            {formatVerdict(verdict)}
            {annotation.reason && ':'}
          </strong>
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
                  {item.claim.figure ? (
                    formatFigure(item.claim.figure)
                  ) : (
                    <bdi>{item.claim.statement}</bdi>
                  )}
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
          In the source:{' '}
          <q>
            <bdi>{claim.evidence}</bdi>
          </q>
        </p>
      )}
    </>
  );
}

/** Who said it, when, and where: "said by Alejandro Mayorkas · July 2023 · CISA". */
function ClaimMeta({ item }: { item: SourcedClaim }) {
  const { attributedTo, when } = item.claim;
  const publisher = item.source?.publisher;
  const parts = [
    attributedTo && (
      <>
        said by <bdi>{attributedTo}</bdi>
      </>
    ),
    when && formatDate(when),
    publisher && <bdi>{publisher}</bdi>,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <span class="meta">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {part}
        </span>
      ))}
    </span>
  );
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
                <bdi>{source.title}</bdi>
              </a>
            ) : (
              <span>
                <bdi>{source.title}</bdi>
              </span>
            )}
            <span class="meta">
              {source.publisher && <bdi>{source.publisher}</bdi>}
              {source.publisher && source.published && ' · '}
              {source.published && formatDate(source.published)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
