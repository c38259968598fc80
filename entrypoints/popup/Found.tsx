/**
 * What the popup found on the page: conflicts first, then figures, retold claims, who and what, and the
 * sources; each item goes to its first place on the page and each further place has its own button.
 */

import { formatKind } from '@/lib/shared/card/format';
import { formatDate, RELATION_GLYPHS } from '@/lib/shared/facts/describe';
import type { Source } from '@/lib/shared/facts/schema';
import type { Mention, PageSummary, SummaryClaim } from '@/lib/shared/messages';
import { isWebUrl } from '@/lib/shared/safe-url';

/** The popup's lists of claims, in the order a reader wants them. */
export interface ClaimSections {
  /** Figures and retold claims that conflict with the sources: what the reader opened the popup for. */
  conflicts: SummaryClaim[];
  /** The other figures, in the order of the text. */
  figures: SummaryClaim[];
  /** The other retold claims, in the order of the text. */
  restated: SummaryClaim[];
}

/** Conflicts first (figures, then retold claims), then the other figures, then the other retold claims. */
export function claimSections(summary: PageSummary): ClaimSections {
  const conflict = (c: SummaryClaim) => c.verdict === 'differs';
  return {
    conflicts: [...summary.figures.filter(conflict), ...summary.restated.filter(conflict)],
    figures: summary.figures.filter((c) => !conflict(c)),
    restated: summary.restated.filter((c) => !conflict(c)),
  };
}

/** What was found: counts, conflicts first, then figures, retold claims, who and what, sources. */
export function Found({ summary, onReveal }: { summary: PageSummary; onReveal(id: number): void }) {
  const sections = claimSections(summary);
  // One count per list below, in the same order, so the numbers match what the reader sees.
  const counts = [
    plural(sections.conflicts.length, 'conflict', 'conflicts'),
    plural(sections.figures.length, 'figure', 'figures'),
    plural(sections.restated.length, 'retold claim', 'retold claims'),
    plural(summary.entities.length, 'entity', 'entities'),
  ].filter((count) => !count.startsWith('0 '));
  return (
    <>
      <p class="counts">{counts.join(' · ')}</p>
      <Claims id="conflicts" heading="Conflicts" claims={sections.conflicts} onReveal={onReveal} />
      <Claims id="figures" heading="Figures" claims={sections.figures} onReveal={onReveal} />
      <Claims
        id="restated"
        heading="Claims from the sources"
        claims={sections.restated}
        onReveal={onReveal}
      />
      {summary.entities.length > 0 && <Entities entities={summary.entities} onReveal={onReveal} />}
      {summary.sources.length > 0 && <Sources sources={summary.sources} />}
    </>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Every further place an item is written, each its own button, so the popup lists every annotation on
 * the page (for a screen-reader user, the page's index of them).
 */
function Mentions(props: { name: string; mentions: Mention[]; onReveal(id: number): void }) {
  const { mentions } = props;
  if (mentions.length < 2) return null;
  return (
    <ol class="mentions" aria-label={`Each mention of ${props.name}`}>
      {mentions.map((mention, i) => (
        <li key={mention.id}>
          <button
            type="button"
            aria-label={`${i + 1} of ${mentions.length}: ${mention.text}`}
            onClick={() => props.onReveal(mention.id)}
          >
            {i + 1}
          </button>
        </li>
      ))}
    </ol>
  );
}

/** Goes to the first mention of an item. */
function revealFirst(mentions: Mention[], onReveal: (id: number) => void): () => void {
  return () => {
    const first = mentions[0];
    if (first) onReveal(first.id);
  };
}

function Entities(props: { entities: PageSummary['entities']; onReveal(id: number): void }) {
  return (
    <section aria-labelledby="entities-heading">
      <h3 id="entities-heading">Who and what</h3>
      <ul class="entities">
        {props.entities.map((entity) => (
          <li key={entity.id}>
            <button type="button" onClick={revealFirst(entity.mentions, props.onReveal)}>
              <span class="name">{entity.name}</span>
              <span class="detail">
                {formatKind(entity.kind)} · {plural(entity.mentions.length, 'mention', 'mentions')}
              </span>
            </button>
            <Mentions name={entity.name} mentions={entity.mentions} onReveal={props.onReveal} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A conflict's sentence says what is wrong; for a retold claim, the claim says more than "this restates". */
function detailOf(claim: SummaryClaim): string {
  return claim.verdict === 'differs' ? claim.reason : (claim.statement ?? claim.reason);
}

/** One list of claims under its heading; each item goes to its first place, each place has its own button. */
function Claims(props: {
  id: string;
  heading: string;
  claims: SummaryClaim[];
  onReveal(id: number): void;
}) {
  if (props.claims.length === 0) return null;
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`}>{props.heading}</h3>
      <ul class={`claims ${props.id}`}>
        {props.claims.map((claim) => (
          <li key={`${claim.factId}\n${claim.text}`} class={`verdict-${claim.verdict}`}>
            <button type="button" onClick={revealFirst(claim.mentions, props.onReveal)}>
              <span class="name">
                {claim.statement === undefined ? claim.text : `“${claim.text}”`}
              </span>
              <span class="verdict">
                <span aria-hidden="true">{RELATION_GLYPHS[claim.verdict]} </span>
                {claim.label}
              </span>
              <span class="detail">{detailOf(claim)}</span>
            </button>
            <Mentions name={claim.text} mentions={claim.mentions} onReveal={props.onReveal} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SourceItem({ source }: { source: Source }) {
  const title =
    source.url && isWebUrl(source.url) ? (
      <a href={source.url} target="_blank" rel="noopener noreferrer">
        {source.title}
      </a>
    ) : (
      <span>{source.title}</span>
    );
  const details = [source.publisher, source.published && formatDate(source.published)]
    .filter(Boolean)
    .join(', ');
  return (
    <li>
      {title}
      <span class="detail">{details}</span>
    </li>
  );
}

function Sources({ sources }: { sources: Source[] }) {
  return (
    <section aria-labelledby="sources-heading">
      <h3 id="sources-heading">Sources</h3>
      <ul class="sources">
        {sources.map((source) => (
          <SourceItem key={source.id} source={source} />
        ))}
      </ul>
    </section>
  );
}
