/**
 * The fact-pack format (DESIGN.md, "The fact base"). Types only: validation lives in validate.ts.
 */

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

export const QUALIFIERS = ['exact', 'over', 'about', 'under', 'up-to'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** Only http: or https: URLs are ever rendered as links. */
  url?: string;
  /** ISO date, possibly partial: "2023", "2023-08", "2023-08-17". */
  published?: string;
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  /** Surface forms a page may use, besides `name`. Short forms (a surname) count only after the full name appears. */
  aliases: string[];
  /** One paragraph in the project's own words. */
  summary: string;
  sourceIds: string[];
  /** So common (countries, big agencies) that it is only marked on pages that are on-topic. */
  generic?: boolean;
}

/**
 * A normalised period, so figures can be compared:
 * - "total": no period stated (a running or overall total)
 * - "past:<n>y" / "past:<n>m": "in the past two years" → "past:2y"
 * - "year:2024", "month:2023-07": a calendar period
 * - "since:2017": from that year until the source's date
 * - "range:2017-2023": from the start of one year to the end of another
 */
export type Period = string;

/** What a figure counts: a running total (the default), or one incident (one theft, one attack). */
export const SCOPES = ['total', 'incident'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Figure {
  value: number;
  /** "USD", "GBP", "EUR", "count", "percent", … Figures with different units are never compared. */
  unit: string;
  qualifier: Qualifier;
  period: Period;
  /** "total" when absent. An incident figure is compared only with figures of the same incident. */
  scope?: Scope;
  /** For an incident figure: the id of the entity (kind "event") naming the incident. */
  incident?: string;
}

export interface Claim {
  id: string;
  /** The project's own words. */
  statement: string;
  /** Entity ids the claim is about. */
  subjects: string[];
  sourceId: string;
  /** A short verbatim phrase from the source (at most ~12 words) so a reader can find it. */
  evidence: string;
  /** Who said it, if someone did (an entity name or a plain description). */
  attributedTo?: string;
  /** As precise as the source allows: "2023-07", "2023". */
  when?: string;
  figure?: Figure;
  /** Names what is counted, e.g. "dprk.crypto-theft.usd". Claims with the same measure are compared. */
  measure?: string;
}

/** What a measure counts, in words a reader understands ("North Korea's total crypto theft"). */
export interface Measure {
  /** The id claims name in `measure`, e.g. "dprk.crypto-theft.usd". */
  id: string;
  label: string;
}

export interface FactPack {
  /** Format version of the pack file. */
  format: 1;
  name?: string;
  sources: Source[];
  entities: Entity[];
  claims: Claim[];
  /** Labels of the measures the pack's claims use. */
  measures?: Measure[];
}
