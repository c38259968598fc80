/**
 * The options-page URL that the context menu opens ("Add to Backstory…"): the selection becomes the
 * Term and the page the source. Both sides of that URL live here so they cannot drift apart.
 */

/** What the context menu knows when the reader picks "Add to Backstory…". */
export interface Prefill {
  term: string;
  sourceTitle: string;
  sourceUrl: string;
}

// A selection can be a whole page; a term is a few words, so keep the URL short.
const MAX_TERM = 200;
const MAX_TITLE = 300;
const MAX_URL = 2000;

/** Collapses whitespace (selections span lines) and cuts to `max` characters. */
function tidy(text: string | undefined, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** The query string (without "?") that prefills the options page with `prefill`. */
export function prefillQuery(prefill: Partial<Prefill>): string {
  const params = new URLSearchParams();
  params.set('term', tidy(prefill.term, MAX_TERM));
  params.set('sourceTitle', tidy(prefill.sourceTitle, MAX_TITLE));
  params.set('sourceUrl', tidy(prefill.sourceUrl, MAX_URL));
  return params.toString();
}

/** The prefill for a context-menu click on a selection in a tab (the page becomes the source). */
export function prefillFromSelection(
  click: { selectionText?: string; pageUrl?: string },
  tab?: { title?: string; url?: string },
): Prefill {
  return {
    term: tidy(click.selectionText, MAX_TERM),
    sourceTitle: tidy(tab?.title, MAX_TITLE),
    sourceUrl: tidy(click.pageUrl ?? tab?.url, MAX_URL),
  };
}

/** The prefill carried by an options-page query string; missing params are empty strings. */
export function readPrefill(search: string): Prefill {
  const params = new URLSearchParams(search);
  return {
    term: tidy(params.get('term') ?? '', MAX_TERM),
    sourceTitle: tidy(params.get('sourceTitle') ?? '', MAX_TITLE),
    sourceUrl: tidy(params.get('sourceUrl') ?? '', MAX_URL),
  };
}
