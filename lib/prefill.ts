/**
 * The options-page URL that the context menu ("Add to Backstory…") and a card's "Save to my facts"
 * open. From a selection, text that reads like a name becomes the Term, anything longer the Quote;
 * from a card, the form writes a note `about` what the card shows (an entity or a claim, by id),
 * with the page's words as the Quote. Either way the page becomes the source, with its date when
 * the page gives one. Both sides of that URL live here so they cannot drift apart.
 */
import type { NoteTarget } from '@/lib/facts/schema';

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

/** The parameter naming what a note is about: "about=entity:christopher-wray". */
const ABOUT = 'about';
const ABOUT_KINDS: readonly NoteTarget['kind'][] = ['entity', 'claim'];

/**
 * The query string (without "?") that prefills the options page with `prefill`, as a note on
 * `about` when given.
 */
export function prefillQuery(prefill: Partial<Prefill>, about?: NoteTarget): string {
  const params = new URLSearchParams();
  if (about) params.set(ABOUT, `${about.kind}:${about.id}`);
  for (const field of FIELDS) {
    const value = tidy(prefill[field], MAX[field]);
    if (value) params.set(field, value);
  }
  return params.toString();
}

/** What the note the query string asks for is about, if it asks for one. */
export function readNoteTarget(search: string): NoteTarget | undefined {
  const value = new URLSearchParams(search).get(ABOUT) ?? '';
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon) as NoteTarget['kind'];
  const id = value.slice(colon + 1).trim();
  return colon > 0 && ABOUT_KINDS.includes(kind) && id ? { kind, id } : undefined;
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
    term: '',
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
