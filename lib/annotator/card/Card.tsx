import type {
  CardData,
  EntityCardData,
  FigureCardData,
  RelatedClaim,
  SourceRow,
} from '@/lib/shared/card/card-types';
import { RELATION_GLYPHS } from '@/lib/shared/facts/describe';
import { Attribution, Cited, OriginTag, Quote, Rating } from './Attribution';
import { CardFrame, type CardFrameProps } from './CardFrame';
import { Notes } from './Notes';
import { NumberLine } from './NumberLine';

/** The id of the card's verdict, which describes the dialog (a conflict in words). */
export const VERDICT_ID = 'backstory-card-verdict';

export type CardProps = Omit<CardFrameProps, 'title' | 'describedBy' | 'children' | 'action'> & {
  data: CardData;
  /** "Save to my facts": a note on what the card is about, in the options page's form. */
  onSave?(): void;
};

/** The card's title: the entity's name, what the page says, or what the page's sentence does. */
export function cardTitle(data: CardData): string {
  if (data.kind === 'entity') return data.entity.name;
  if (data.restated) return data.verdictLabel;
  return `This page says “${data.annotation.figure?.text ?? data.annotation.text}”`;
}

/** A non-modal dialog describing one annotation; everything reader-supplied is rendered as text. */
export function Card({ data, onSave, ...frame }: CardProps) {
  return (
    <CardFrame
      {...frame}
      title={cardTitle(data)}
      describedBy={data.kind === 'claim' ? VERDICT_ID : undefined}
      action={
        onSave && (
          <button type="button" class="save" onClick={onSave}>
            Save to my facts
          </button>
        )
      }
    >
      {data.kind === 'entity' ? (
        <EntityBody data={data} />
      ) : data.restated ? (
        <RestatedBody data={data} />
      ) : (
        <FigureBody data={data} />
      )}
    </CardFrame>
  );
}

function EntityBody({ data }: { data: EntityCardData }) {
  const { entity } = data;
  return (
    <>
      <p class="kind">
        {data.kindWords}
        {data.origin && data.origin.kind !== 'bundled' && (
          <>
            {' · '}
            <OriginTag origin={data.origin} />
          </>
        )}
      </p>
      {entity.summary.trim() && (
        <p class="summary">
          <bdi>{entity.summary}</bdi>
        </p>
      )}
      {data.sources.length > 0 && (
        <p class="cite">
          {data.sources.length === 1 ? 'Source: ' : 'Sources: '}
          {data.sources.map((source, i) => (
            <span key={`${source.title}${i}`}>
              {i > 0 && '; '}
              <Cited source={source} />
            </span>
          ))}
          {data.origin?.kind === 'bundled' && (
            <>
              {' · '}
              <OriginTag origin={data.origin} />
            </>
          )}
        </p>
      )}
      <Notes notes={data.notes} />
      {data.claims.length > 0 && (
        <details class="more">
          <summary>Related claims ({data.claims.length})</summary>
          <ul class="rows">
            {data.claims.map((item) => (
              <Related key={item.claim.id} item={item} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function Related({ item }: { item: RelatedClaim }) {
  return (
    <li>
      <p>
        <bdi>{item.statement}</bdi>
      </p>
      {item.rating && <Rating rating={item.rating} />}
      <Attribution who={item.who} source={item.source} date={item.date} origin={item.origin} />
    </li>
  );
}

function Verdict({ data, label }: { data: FigureCardData; label: boolean }) {
  const rated = !!data.restated?.rating;
  return (
    <div class="verdict" id={VERDICT_ID} data-verdict={rated ? 'rated' : data.verdict}>
      {label && (
        <p class="verdict-label">
          <span aria-hidden="true">{RELATION_GLYPHS[data.verdict]} </span>
          {data.verdictLabel}
          {/* A full stop for screen readers, which say the label and the sentence as one. */}
          <span class="visually-hidden">.</span>
        </p>
      )}
      <p class="sentence">{data.sentence}</p>
    </div>
  );
}

function FigureBody({ data }: { data: FigureCardData }) {
  return (
    <>
      <Verdict data={data} label />
      {data.numberLine && (
        <div class="picture">
          <NumberLine data={data.numberLine} />
        </div>
      )}
      {data.rows.length > 0 && (
        <details class="more">
          <summary>What each source says ({data.rows.length})</summary>
          <ul class="rows">
            {data.rows.map((row) => (
              <Row key={row.claim.id} row={row} />
            ))}
          </ul>
        </details>
      )}
      <Notes notes={data.notes} />
    </>
  );
}

/** One source figure: its own relation, value, period, scope, who, where, when, quote and origin. */
function Row({ row }: { row: SourceRow }) {
  return (
    <li data-relation={row.relation}>
      <p class="row-head">
        <span class="relation">
          <span aria-hidden="true">{RELATION_GLYPHS[row.relation]} </span>
          {row.relationWords}
        </span>{' '}
        <strong>{row.value}</strong> {row.period}
        {row.scope !== 'in total' && <>, {row.scope}</>}
      </p>
      {row.quote && <Quote text={row.quote} />}
      <Attribution who={row.who} source={row.source} date={row.date} origin={row.origin} />
    </li>
  );
}

function RestatedBody({ data }: { data: FigureCardData }) {
  const claim = data.restated;
  if (!claim) return null;
  return (
    <>
      <Verdict data={data} label={false} />
      {claim.rating && <Rating rating={claim.rating} />}
      <section class="claim" aria-label={claim.rating ? 'The claim checked' : 'The sourced claim'}>
        <p class="statement">
          <bdi>{claim.statement}</bdi>
        </p>
        {claim.quote && <Quote text={claim.quote} />}
        <Attribution
          who={claim.who}
          source={claim.rating ? undefined : claim.source}
          date={claim.date}
          origin={claim.origin}
        />
      </section>
      <Notes notes={data.notes} />
    </>
  );
}
