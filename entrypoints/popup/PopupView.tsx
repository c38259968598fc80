/**
 * What the popup shows, from plain props: no browser APIs here, so it renders in tests as is.
 */

import { formatDate } from '@/lib/shared/facts/describe';
import type { PageSummary } from '@/lib/shared/messages';
import { Found } from './Found';

/** Where the summary of the tab stands. */
export type SummaryState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; summary: PageSummary };

export interface PopupViewProps {
  state: SummaryState;
  /** The tab's site, or undefined when it has none (then the switch is unavailable). */
  site?: string;
  siteEnabled: boolean;
  paused: boolean;
  optionsUrl: string;
  onSiteEnabled(enabled: boolean): void;
  onPaused(paused: boolean): void;
  /** Goes to one annotation on the page (a mention's id) and opens its card. */
  onReveal(id: number): void;
}

function Switch(props: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        aria-checked={props.checked}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

function Article({ article }: { article: NonNullable<PageSummary['article']> }) {
  const published = article.published && formatDate(article.published);
  const details = [article.byline, article.siteName, published].filter(Boolean);
  return (
    <header class="article">
      <h2>{article.title}</h2>
      {details.length > 0 && <p class="meta">{details.join(' · ')}</p>}
      <p class="meta">{article.readingMinutes} min read</p>
    </header>
  );
}

/** The one plain sentence for a tab with nothing to list, or undefined when there is a list. */
export function statusMessage(props: PopupViewProps): string | undefined {
  const { state } = props;
  if (state.status === 'loading') return undefined;
  if (state.status === 'unavailable') return 'Backstory can’t run on this page.';
  if (props.paused) return 'Backstory is paused. Nothing is marked on any page.';
  if (!props.siteEnabled) return 'Backstory is switched off for this site.';
  if (!state.summary.isArticle) return notAnArticle(state.summary);
  const { entities, figures, restated } = state.summary;
  if (entities.length === 0 && figures.length === 0 && restated.length === 0) {
    return 'Nothing from the fact base was found on this page.';
  }
  return undefined;
}

/** Why nothing is marked on a page that gave no article, in a reader's words. */
function notAnArticle(summary: PageSummary): string {
  switch (summary.noArticle) {
    case 'nothing-known':
      return 'Nothing from your fact base is on this page, so nothing is marked.';
    case 'too-large':
      return 'This page is too large for Backstory to read, so nothing is marked.';
    case 'in-frame':
      return 'The article is in a frame Backstory doesn’t read, so nothing is marked.';
    case 'in-shadow-root':
      return 'The article is in a part of the page Backstory can’t read (a shadow root), so nothing is marked.';
    default:
      return 'This page doesn’t look like an article, so nothing is marked.';
  }
}

function Body(props: PopupViewProps) {
  const { state } = props;
  if (state.status === 'loading') {
    return (
      <p class="status" role="status" aria-busy="true">
        Reading the page…
      </p>
    );
  }
  const message = statusMessage(props);
  const summary = state.status === 'ready' ? state.summary : undefined;
  return (
    <>
      {summary?.article && props.siteEnabled && !props.paused && (
        <Article article={summary.article} />
      )}
      {message !== undefined && (
        <p class="status" role="status">
          {message}
        </p>
      )}
      {message === undefined && summary && <Found summary={summary} onReveal={props.onReveal} />}
    </>
  );
}

/** The whole popup: switches, the page summary or a plain message, and a link to the options. */
export function PopupView(props: PopupViewProps) {
  return (
    <div class="popup">
      <header class="controls">
        <h1>Backstory</h1>
        <Switch
          label="Annotate this site"
          checked={props.site !== undefined && props.siteEnabled}
          disabled={props.site === undefined}
          onChange={props.onSiteEnabled}
        />
        <Switch label="Pause everywhere" checked={props.paused} onChange={props.onPaused} />
      </header>
      <main>
        <Body {...props} />
      </main>
      <footer>
        <a href={props.optionsUrl} target="_blank" rel="noopener">
          Your facts and settings
        </a>
      </footer>
    </div>
  );
}
