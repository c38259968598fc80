/**
 * The options-page URL that opens the form prefilled: from the context menu on a selection ("Add
 * to Backstory…") and from a card's "Save to my facts". Both sides of that URL live here so they
 * cannot drift apart. Its parameters:
 *
 * - `about`: what a note is on, "entity:<id>" or "claim:<id>" (the card's entity or claim); the
 *   form then writes the reader's note on it.
 * - `term`, `quote`, `figure`: a name; words from the page exactly as written; a figure as the page
 *   writes it ("over $1 billion in the past two years").
 * - `measure`: the id of the measure the figure counts, when the sender knows it.
 * - `sourceTitle`, `sourceUrl`, `sourcePublished`: the page, and its date ("2023", "2023-08" or
 *   "2023-08-17").
 *
 * A selection becomes the figure when the page's figure reader reads one figure in it, the term
 * when it reads like a name, else the quote. From a card, the page's words are the quote.
 */
import type { NoteTarget } from '@/lib/shared/facts/schema';
import { readFigure } from '@/lib/shared/match/read-figure';

/** What the options form starts from (besides what a note is `about`). */
export interface Prefill {
  term: string;
  quote: string;
  figure: string;
  measure: string;
  sourceTitle: string;
  sourceUrl: string;
  /** "2023", "2023-08" or "2023-08-17"; empty when unknown. */
  sourcePublished: string;
}

// A selection can be a whole page; keep the URL short.
const MAX: Record<keyof Prefill, number> = {
  term: 200,
  quote: 600,
  figure: 600,
  measure: 300,
  sourceTitle: 300,
  sourceUrl: 2000,
  sourcePublished: 10,
};
const FIELDS = Object.keys(MAX) as (keyof Prefill)[];

/** The parameter naming what a note is about: "about=entity:christopher-wray". */
const ABOUT = 'about';
/** An id is never cut (that would name another entry): a longer one is left out. */
const MAX_ID = 300;

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

const EMPTY_PREFILL: Prefill = {
  term: '',
  quote: '',
  figure: '',
  measure: '',
  sourceTitle: '',
  sourceUrl: '',
  sourcePublished: '',
};

/**
 * The query string (without "?") that prefills the options page with `prefill`, as a note on
 * `about` when given.
 */
export function prefillQuery(prefill: Partial<Prefill>, about?: NoteTarget): string {
  const params = new URLSearchParams();
  if (about?.id.trim() && about.id.length <= MAX_ID) params.set(ABOUT, `${about.kind}:${about.id}`);
  for (const field of FIELDS) {
    const value = tidy(prefill[field], MAX[field]);
    if (value) params.set(field, value);
  }
  return params.toString();
}

/**
 * The prefill for a card's "Save to my facts" in a tab: the page's words (for a claim) as the
 * quote, the page as the source.
 */
export function prefillFromCard(
  quote: string | undefined,
  tab?: { title?: string; url?: string },
  published?: string,
): Prefill {
  return {
    ...EMPTY_PREFILL,
    quote: tidy(quote, MAX.quote),
    sourceTitle: tidy(tab?.title, MAX.sourceTitle),
    sourceUrl: tidy(tab?.url, MAX.sourceUrl),
    sourcePublished: isoDateOf(published),
  };
}

/** The prefill for a context-menu click on a selection in a tab (the page becomes the source). */
export function prefillFromSelection(
  click: { selectionText?: string; pageUrl?: string },
  tab?: { title?: string; url?: string },
  published?: string,
): Prefill {
  const selection = tidy(click.selectionText, MAX.quote);
  const date = isoDateOf(published);
  const asFigure = readFigure(selection, date ? { published: date } : {}).ok;
  const asTerm = !asFigure && readsLikeName(selection);
  return {
    term: asTerm ? tidy(selection, MAX.term) : '',
    quote: asFigure || asTerm ? '' : selection,
    figure: asFigure ? selection : '',
    measure: '',
    sourceTitle: tidy(tab?.title, MAX.sourceTitle),
    sourceUrl: tidy(click.pageUrl ?? tab?.url, MAX.sourceUrl),
    sourcePublished: date,
  };
}

/** What the note the query string asks for is about, if it asks for one it can read. */
export function readNoteTarget(search: string): NoteTarget | undefined {
  const match = /^(entity|claim):(.+)$/s.exec(new URLSearchParams(search).get(ABOUT) ?? '');
  const [, kind, id] = match ?? [];
  if ((kind !== 'entity' && kind !== 'claim') || !id?.trim() || id.length > MAX_ID)
    return undefined;
  return { kind, id };
}

/** The prefill carried by an options-page query string; missing params are empty strings. */
export function readPrefill(search: string): Prefill {
  const params = new URLSearchParams(search);
  const read = (field: keyof Prefill) => tidy(params.get(field), MAX[field]);
  return {
    term: read('term'),
    quote: read('quote'),
    figure: read('figure'),
    measure: read('measure'),
    sourceTitle: read('sourceTitle'),
    sourceUrl: read('sourceUrl'),
    sourcePublished: isoDateOf(read('sourcePublished')),
  };
}
