/**
 * The fact-pack format as valibot schemas; the types are inferred from them. Each rule carries its
 * message in a reader's words ("must start with http:// or https://"); validate.ts says which entry
 * and field it is about, and adds the checks that span entries (unique ids, references).
 * Content scripts import only types from here, so valibot never ships in a page's bundle.
 */
import * as v from 'valibot';
import { isWebUrl } from '@/lib/shared/safe-url';
import { instead, MUST_BE_A_PACK, MUST_BE_AN_ENTRY } from './rule-words';

/** The lists of a pack. */
export type PackList = 'sources' | 'entities' | 'claims' | 'notes';

export const ENTITY_KINDS = [
  'person',
  'organisation',
  'country',
  'place',
  'programme',
  'event',
  'concept',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

const QUALIFIERS = ['exact', 'over', 'about', 'under', 'up-to'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Evidence is "a short verbatim phrase (~12 words)"; a little slack for hyphenated or bracketed words. */
const MAX_EVIDENCE_WORDS = 14;

/**
 * A normalised period, so figures can be compared:
 * - "total": no period stated (a running or overall total)
 * - "past:<n>y" / "past:<n>m": "in the past two years" → "past:2y"
 * - "year:2024", "month:2023-07": a calendar period
 * - "since:2017": from that year until the source's date
 * - "range:2017-2023": from the start of one year to the end of a later one
 */
export type Period = string;
const PERIOD =
  /^(?:total|past:[1-9]\d*[ym]|year:\d{4}|month:\d{4}-(?:0[1-9]|1[0-2])|since:\d{4}|range:\d{4}-\d{4})$/;

/** What a figure counts: a running total (the default), or one incident (one theft, one attack). */
const SCOPES = ['total', 'incident'] as const;
export type Scope = (typeof SCOPES)[number];
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}

/** "2023", "2023-08" or "2023-08-17", with a month and day that exist. */
function isPartialDate(text: string): boolean {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  // Day 0 of the next month is the last day of this one.
  return d >= 1 && d <= new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
}

const anyText = v.string(instead('must be text'));
const text = v.pipe(
  anyText,
  v.check((value) => value.trim() !== '', 'is empty'),
);
const texts = v.array(text, instead('must be a list'));
const DATE_RULE = 'must be written 2023, 2023-08 or 2023-08-17';
const partialDate = v.pipe(
  v.string(instead(DATE_RULE)),
  v.check(isPartialDate, instead(DATE_RULE)),
);
const oneOf = <T extends readonly string[]>(options: T) =>
  v.picklist(options, instead(`must be one of ${options.join(', ')}`));
const webUrl = v.pipe(text, v.check(isWebUrl, 'must start with http:// or https://'));
const number = v.pipe(v.number(instead('must be a number')), v.finite(instead('must be a number')));

export const SourceSchema = v.strictObject(
  {
    id: text,
    title: text,
    /** Who published it; unknown for a reader's source given by title alone. */
    publisher: v.optional(text),
    /** Only http: or https: URLs are ever rendered as links. */
    url: v.optional(webUrl),
    /** ISO date, possibly partial: "2023", "2023-08", "2023-08-17". */
    published: v.optional(partialDate),
  },
  instead(MUST_BE_AN_ENTRY),
);
export type Source = v.InferOutput<typeof SourceSchema>;

export const EntitySchema = v.strictObject(
  {
    id: text,
    name: text,
    kind: oneOf(ENTITY_KINDS),
    /** Surface forms a page may use, besides `name`. Short forms (a surname) count only after the full name appears. */
    aliases: texts,
    /** One paragraph in the project's own words; a reader's fact may have none yet. */
    summary: anyText,
    sourceIds: texts,
    /** So common (countries, big agencies) that it is only marked on pages that are on-topic. */
    generic: v.optional(v.boolean(instead('must be true or false'))),
  },
  instead(MUST_BE_AN_ENTRY),
);
export type Entity = v.InferOutput<typeof EntitySchema>;

const PERIOD_RULE =
  'must be total, past:2y, past:18m, year:2024, month:2023-07, since:2017 or range:2017-2023 (the period it covers)';

const FigureSchema = v.pipe(
  v.strictObject(
    {
      value: number,
      /** "USD", "GBP", "EUR", "count", "percent", … Figures with different units are never compared. */
      unit: text,
      qualifier: oneOf(QUALIFIERS),
      period: v.pipe(v.string(instead(PERIOD_RULE)), v.regex(PERIOD, instead(PERIOD_RULE))),
      /** "total" when absent. An incident figure is compared only with figures of the same incident. */
      scope: v.optional(oneOf(SCOPES)),
      /** For an incident figure: the id of the entity (kind "event") that names the incident. */
      incident: v.optional(text),
    },
    instead('must be an object with value, unit, qualifier and period'),
  ),
  v.forward(
    v.partialCheck(
      [['scope'], ['incident']],
      (figure) => figure.incident === undefined || figure.scope === 'incident',
      'names an incident, so its scope must be incident',
    ),
    ['scope'],
  ),
);
export type Figure = v.InferOutput<typeof FigureSchema>;

/** A fact-checker's verdict on a claim (schema.org ClaimReview's reviewRating). */
const RatingSchema = v.strictObject(
  {
    /** The verdict in the fact-checker's own words: "False", "Misleading", "Mostly true". */
    label: text,
    /** On the checker's scale from `worst` to `best`, when it gives one. */
    value: v.optional(number),
    best: v.optional(number),
    worst: v.optional(number),
  },
  instead('must be an object with a label'),
);
export type Rating = v.InferOutput<typeof RatingSchema>;

const figureAndMeasure: [['figure'], ['measure']] = [['figure'], ['measure']];

export const ClaimSchema = v.pipe(
  v.strictObject(
    {
      id: text,
      /** The project's own words. */
      statement: text,
      /** Entity ids the claim is about; none only for a fact-checked claim about no known entity. */
      subjects: texts,
      sourceId: text,
      /**
       * A short verbatim phrase from the source (at most ~12 words) so a reader can find it. Only
       * ever a real quote: a claim without one has none.
       */
      evidence: v.optional(
        v.pipe(
          text,
          v.check(
            (value) => wordCount(value) <= MAX_EVIDENCE_WORDS,
            (issue) =>
              `must be at most ${MAX_EVIDENCE_WORDS} words long, not ${wordCount(String(issue.input))}`,
          ),
        ),
      ),
      /** Who said it, if someone did (an entity name or a plain description). */
      attributedTo: v.optional(text),
      /** As precise as the source allows: "2023-07", "2023". */
      when: v.optional(partialDate),
      figure: v.optional(FigureSchema),
      /** Names what is counted, e.g. "dprk.crypto-theft.usd". Claims with the same measure are compared. */
      measure: v.optional(text),
      /** A fact-checker's verdict; the claim's source is then the review (its checker, link and date). */
      rating: v.optional(RatingSchema),
    },
    instead(MUST_BE_AN_ENTRY),
  ),
  v.forward(
    v.partialCheck(
      [['subjects'], ['rating']],
      (claim) => claim.subjects.length > 0 || claim.rating !== undefined,
      'must name at least one entity',
    ),
    ['subjects'],
  ),
  v.forward(
    v.partialCheck(
      figureAndMeasure,
      (claim) => claim.figure === undefined || claim.measure !== undefined,
      'is missing: a claim with a figure needs a measure to be compared',
    ),
    ['measure'],
  ),
  v.forward(
    v.partialCheck(
      figureAndMeasure,
      (claim) => claim.measure === undefined || claim.figure !== undefined,
      'is set, but the claim has no figure to compare',
    ),
    ['measure'],
  ),
);
export type Claim = v.InferOutput<typeof ClaimSchema>;

const NOTE_TARGETS = ['entity', 'claim'] as const;

/** A reader's note on any entity or claim, bundled ones included; cards show it as theirs. */
export const NoteSchema = v.pipe(
  v.strictObject(
    {
      id: text,
      /** The entity or claim the note is about, from any pack. */
      about: v.strictObject(
        { kind: oneOf(NOTE_TARGETS), id: text },
        instead('must be an object with a kind (entity or claim) and an id'),
      ),
      /** The reader's own words; may be empty when the note keeps only a quote. */
      text: anyText,
      /** Words from the source, exactly as written. */
      quote: v.optional(text),
      sourceIds: texts,
    },
    instead(MUST_BE_AN_ENTRY),
  ),
  v.forward(
    v.partialCheck(
      [['text'], ['quote']],
      (note) => note.text.trim() !== '' || note.quote !== undefined,
      'is empty: a note needs your words or a quote',
    ),
    ['text'],
  ),
);
export type Note = v.InferOutput<typeof NoteSchema>;
export type NoteTarget = Note['about'];

/** What a measure counts, in words a reader understands ("North Korea's total crypto theft"). */
const MeasureSchema = v.strictObject(
  {
    /** The id claims give as their `measure`, e.g. "dprk.crypto-theft.usd". */
    id: text,
    label: text,
  },
  instead(MUST_BE_AN_ENTRY),
);
export type Measure = v.InferOutput<typeof MeasureSchema>;

export const FactPackSchema = v.strictObject(
  {
    /** Format version of the pack file. */
    format: v.literal(1, instead('must be 1')),
    name: v.optional(anyText),
    /** Who made the pack (a person or an organisation), as the file says. */
    author: v.optional(text),
    /** Where the pack or its maker can be found. */
    url: v.optional(webUrl),
    sources: v.array(SourceSchema, instead('must be a list')),
    entities: v.array(EntitySchema, instead('must be a list')),
    claims: v.array(ClaimSchema, instead('must be a list')),
    /** Labels of the measures the pack's claims use. */
    measures: v.optional(v.array(MeasureSchema, instead('must be a list'))),
    /** Optional, so packs from before notes (and packs without any) stay valid as they are. */
    notes: v.optional(v.array(NoteSchema, instead('must be a list'))),
  },
  instead(MUST_BE_A_PACK),
);
export type FactPack = v.InferOutput<typeof FactPackSchema>;
