/**
 * The options-page URL that the context menu opens ("Add to Backstory…"): a selection that reads
 * like a name becomes the Term, anything longer the Quote; the page becomes the source, with its
 * date when the page gives one. Both sides of that URL live here so they cannot drift apart.
 */

/** What the options form starts from. */
export interface Prefill {
  term: string;
  quote: string;
  sourceTitle: string;
  sourceUrl: string;
  /** "2023", "2023-08" or "2023-08-17"; empty when unknown. */
  sourcePublished: string;
}

// A selection can be a whole page; keep the URL short.
const MAX: Record<keyof Prefill, number> = {
  term: 200,
  quote: 600,
  sourceTitle: 300,
  sourceUrl: 2000,
  sourcePublished: 10,
};
const FIELDS = Object.keys(MAX) as (keyof Prefill)[];

/** Collapses whitespace (selections span lines) and cuts to `max` characters. */
function tidy(text: string | undefined | null, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** A name, not a sentence or a figure: a few words, no digits, no sentence punctuation. */
function readsLikeName(text: string): boolean {
  return text.split(' ').length <= 5 && !/[\d.!?;:"“”]/.test(text);
}

/** The date part of an ISO date or date-time ("2023-08-17T10:00:00Z" → "2023-08-17"), else "". */
export function isoDateOf(text: string | undefined): string {
  return text?.trim().match(/^\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|T|\s)/)?.[0] ?? '';
}

/** The query string (without "?") that prefills the options page with `prefill`. */
export function prefillQuery(prefill: Partial<Prefill>): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = tidy(prefill[field], MAX[field]);
    if (value) params.set(field, value);
  }
  return params.toString();
}

/** The prefill for a context-menu click on a selection in a tab (the page becomes the source). */
export function prefillFromSelection(
  click: { selectionText?: string; pageUrl?: string },
  tab?: { title?: string; url?: string },
  published?: string,
): Prefill {
  const selection = tidy(click.selectionText, MAX.quote);
  const asTerm = readsLikeName(selection);
  return {
    term: asTerm ? tidy(selection, MAX.term) : '',
    quote: asTerm ? '' : selection,
    sourceTitle: tidy(tab?.title, MAX.sourceTitle),
    sourceUrl: tidy(click.pageUrl ?? tab?.url, MAX.sourceUrl),
    sourcePublished: isoDateOf(published),
  };
}

/** The prefill carried by an options-page query string; missing params are empty strings. */
export function readPrefill(search: string): Prefill {
  const params = new URLSearchParams(search);
  const read = (field: keyof Prefill) => tidy(params.get(field), MAX[field]);
  return {
    term: read('term'),
    quote: read('quote'),
    sourceTitle: read('sourceTitle'),
    sourceUrl: read('sourceUrl'),
    sourcePublished: isoDateOf(read('sourcePublished')),
  };
}
