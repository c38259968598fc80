/**
 * The card shown for an annotation, compact like a Page Preview: what it is or what the verdict is
 * first, in plain words; the picture for a figure; details (each source's row, related claims)
 * behind a disclosure; the reader's notes; where every fact comes from.
 */
import type { ComponentChildren } from 'preact';
import { RELATION_GLYPHS } from '@/lib/facts/describe';
import { CardFrame, type CardFrameProps } from './CardFrame';
import type {
  CardData,
  Citation,
  EntityCardData,
  FigureCardData,
  NoteWords,
  Origin,
  RatingWords,
  RelatedClaim,
  SourceRow,
} from './card-types';
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

function Rating({ rating }: { rating: RatingWords }) {
  return (
    <p class="rating">
      <strong>
        <bdi>{rating.label}</bdi>
      </strong>
      {rating.scale && ` (${rating.scale})`}
      {rating.by && (
        <>
          {' by '}
          <Link url={rating.url}>{rating.by}</Link>
        </>
      )}
      {rating.date && `, ${rating.date}`}
    </p>
  );
}

function Quote({ text }: { text: string }) {
  return (
    <p class="quote">
      <q>
        <bdi>{text}</bdi>
      </q>
    </p>
  );
}

/**
 * "Alejandro Mayorkas · Cyber Security Intelligence · July 2023 · Bundled with Backstory": who, the
 * publisher linked to the source, when, and where the fact comes from.
 */
function Attribution(props: { who?: string; source?: Citation; date?: string; origin?: Origin }) {
  const { who, source, date, origin } = props;
  const parts: ComponentChildren[] = [];
  if (who) parts.push(<bdi>{who}</bdi>);
  if (source) parts.push(<Cited source={source} short />);
  if (date) parts.push(date);
  if (origin) parts.push(<OriginTag origin={origin} />);
  if (parts.length === 0) return null;
  return (
    <p class="meta">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {part}
        </span>
      ))}
    </p>
  );
}

/**
 * A source: its title (a link only when http or https), publisher or site and date; `short` names it
 * by its publisher alone, the title then being the link's tooltip.
 */
function Cited({ source, short = false }: { source: Citation; short?: boolean }) {
  if (short && source.publisher) {
    return (
      <Link url={source.url} title={source.title}>
        {source.publisher}
      </Link>
    );
  }
  const details = [source.publisher, source.date].filter(Boolean).join(', ');
  return (
    <>
      <Link url={source.url}>{source.title}</Link>
      {details && (
        <>
          {' — '}
          <bdi>{details}</bdi>
        </>
      )}
    </>
  );
}

function Link(props: { url?: string; title?: string; children: string }) {
  if (!props.url) return <bdi>{props.children}</bdi>;
  return (
    <a href={props.url} title={props.title} target="_blank" rel="noopener noreferrer">
      <bdi>{props.children}</bdi>
    </a>
  );
}

/** Where a fact comes from; an imported pack's name stands out, so it never passes for the bundled base. */
function OriginTag({ origin }: { origin: Origin }) {
  return (
    <span class="origin" data-origin={origin.kind}>
      <bdi>{origin.words}</bdi>
    </span>
  );
}

/** The reader's notes under "Your notes", then each imported pack's under its own name. */
function Notes({ notes }: { notes: NoteWords[] }) {
  if (notes.length === 0) return null;
  const groups = new Map<string, NoteWords[]>();
  for (const note of notes)
    groups.set(note.origin.words, [...(groups.get(note.origin.words) ?? []), note]);
  return (
    <>
      {[...groups.values()].map((group) => {
        const origin = (group[0] as NoteWords).origin;
        return (
          <section class="notes" key={origin.words} aria-label={notesHeading(origin)}>
            <h3>{notesHeading(origin)}</h3>
            <ul class="rows">
              {group.map((note) => (
                <li key={note.id}>
                  {note.text && (
                    <p>
                      <bdi>{note.text}</bdi>
                    </p>
                  )}
                  {note.quote && <Quote text={note.quote} />}
                  {note.sources.map((source, i) => (
                    <p class="meta" key={`${source.title}${i}`}>
                      <Cited source={source} />
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function notesHeading(origin: Origin): string {
  if (origin.kind === 'yours') return 'Your notes';
  if (origin.kind === 'bundled') return 'Notes';
  return `Notes ${origin.words.charAt(0).toLowerCase()}${origin.words.slice(1)}`;
}
