/**
 * Who said it, where and when, on every part of a card: attributions, cited sources (links only when
 * http or https), quotes, fact-checkers' ratings and where a fact comes from. Reader-supplied words
 * are isolated for direction in `<bdi>`.
 */
import type { ComponentChildren } from 'preact';
import type { Citation, Origin, RatingWords } from '@/lib/shared/card/card-types';

export function Rating({ rating }: { rating: RatingWords }) {
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

export function Quote({ text }: { text: string }) {
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
export function Attribution(props: {
  who?: string;
  source?: Citation;
  date?: string;
  origin?: Origin;
}) {
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
export function Cited({ source, short = false }: { source: Citation; short?: boolean }) {
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
export function OriginTag({ origin }: { origin: Origin }) {
  return (
    <span class="origin" data-origin={origin.kind}>
      <bdi>{origin.words}</bdi>
    </span>
  );
}
