/**
 * The shapes of what a card shows, in the words it prints (built by `card-data.ts`), and the
 * `FactLookup` contract it reads them from.
 */

import type { NumberLineData } from '@/lib/annotator/card/number-line-layout';
import type { FactIndex } from '@/lib/background/match/index';
import type { PackOrigin, SourcedNote } from '@/lib/shared/facts/layers';
import type { Claim, Entity } from '@/lib/shared/facts/schema';
import type { Annotation, Verdict } from '@/lib/shared/match/types';

/**
 * What the card and the popup's summary read from the fact base: the one contract between whoever
 * delivers facts to the page and the card. Every field is a map looked up by key (an id, or a
 * "<list>:<id>" / "<kind>:<id>" key as below), so a slice for a page is the same maps with fewer
 * entries (see `lookupSlice`).
 */
export interface FactLookup
  extends Pick<FactIndex, 'entities' | 'claims' | 'sources' | 'claimsBySubject' | 'measureLabels'> {
  /** Where each entity, claim and source comes from, by "entities:<id>", "claims:<id>", "sources:<id>". */
  origins: Map<string, PackOrigin>;
  /** Notes about an entity or a claim, from every layer, by "entity:<id>" or "claim:<id>". */
  notes: Map<string, SourcedNote[]>;
}

/** Where a fact comes from, in words, and which kind of layer that is (the card styles each apart). */
export interface Origin {
  kind: PackOrigin['kind'];
  /** "Bundled with Backstory", "Yours", "From “Lazarus notes” by Jane Doe, imported 3 May 2026". */
  words: string;
}

/** A source as the card cites it. */
export interface Citation {
  title: string;
  /** Only ever an http(s) link. */
  url?: string;
  /** Its publisher, or the site's name when only a link was given. */
  publisher?: string;
  /** When it was published, in words. */
  date?: string;
}

/** A fact-checker's rating of a claim, with who rated it and where. */
export interface RatingWords {
  /** "Rated “Mostly False”". */
  label: string;
  /** The checker's own words: "Mostly False". */
  words: string;
  /** "2 on a scale from 1 to 6", when the checker gives a scale. */
  scale?: string;
  /** The reviewing organisation. */
  by?: string;
  url?: string;
  date?: string;
}

/** One of the reader's notes (or an imported pack's), as the card shows it. */
export interface NoteWords {
  id: string;
  /** The note's own words (may be empty when it keeps only a quote). */
  text: string;
  /** Words from its source, exactly as written; none when none were given. */
  quote?: string;
  sources: Citation[];
  origin: Origin;
}

/** A claim about an entity, with who made it, when, where and where it comes from. */
export interface RelatedClaim {
  claim: Claim;
  statement: string;
  who?: string;
  date?: string;
  source?: Citation;
  rating?: RatingWords;
  origin?: Origin;
}

export interface EntityCardData {
  kind: 'entity';
  entity: Entity;
  /** "Person", "Organisation". */
  kindWords: string;
  origin?: Origin;
  /** The entity's own sources (its claims cite theirs). */
  sources: Citation[];
  notes: NoteWords[];
  /** Claims about the entity, newest first. */
  claims: RelatedClaim[];
}

/** One source figure beside the page's, in words, with its own relation, quote and origin. */
export interface SourceRow {
  claim: Claim;
  relation: Verdict;
  /** "agrees", "differs", "other period", "other scope", "other unit". */
  relationWords: string;
  /** "about $2 billion". */
  value: string;
  /** "overall", "in the past two years". */
  period: string;
  /** "in total", or "one incident: the Ronin hack". */
  scope: string;
  /** The person or body who gave the figure, when the source attributes it. */
  who?: string;
  /** The publisher, or the site's name when the source gives only a link. */
  publisher?: string;
  /** When it was said or happened (else when the source was published), in words: "July 2023". */
  date?: string;
  /** The source's own words for this figure; none when the claim has no quote (never invented). */
  quote?: string;
  source?: Citation;
  origin?: Origin;
}

/** What the page says, in words. */
interface PageFigure {
  /** As the page writes it: "more than $1 billion", "$3bn (£2.4bn)". */
  text: string;
  /** Normalised: "over $1 billion". */
  value: string;
  period: string;
  scope: string;
}

/** What the source of a restated claim says, who said it, when, and where that comes from. */
interface RestatedClaim {
  /** The claim in the project's words (or as the fact-checker wrote it). */
  statement: string;
  who?: string;
  publisher?: string;
  /** When the source dates the event (or the claim was made), in words. */
  date?: string;
  /** The source's own words; none when the claim has no quote (never invented). */
  quote?: string;
  /** The page's other date for the event ("March"), when it conflicts. */
  pageDate?: string;
  source?: Citation;
  rating?: RatingWords;
  origin?: Origin;
}

/**
 * The card of a claim mark: a figure compared with the sources (`page`, `rows`, `numberLine`), or
 * a sourced claim the page restates (`restated`).
 */
export interface FigureCardData {
  kind: 'claim';
  annotation: Annotation;
  /** The claim the page's figure or sentence speaks about. */
  claim?: Claim;
  verdict: Verdict;
  /** The verdict as a heading: "Conflicts with the sources". */
  verdictLabel: string;
  /** The verdict in one plain sentence (the same as the annotation's reason). */
  sentence: string;
  page?: PageFigure;
  /** Each source figure of the same measure, comparable ones first. */
  rows: SourceRow[];
  /** The page's figure and the sources' on one axis; absent when no source shares its unit. */
  numberLine?: NumberLineData;
  restated?: RestatedClaim;
  /** Notes about the claim. */
  notes: NoteWords[];
}

export type CardData = EntityCardData | FigureCardData;
