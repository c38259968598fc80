/**
 * The names Backstory's highlights have in `CSS.highlights`, apart from the drawing code so the
 * detector (which removes what an ended instance left) carries only the names.
 * Ships in: detector and annotator.
 */

/** How an annotation is drawn. */
export type HighlightKind = 'entity' | 'claim' | 'conflict';

/** The `CSS.highlights` name of each kind; each annotated range is in exactly one of them. */
export const HIGHLIGHT_NAMES: Readonly<Record<HighlightKind, string>> = {
  entity: 'backstory-entity',
  claim: 'backstory-claim',
  conflict: 'backstory-conflict',
};

/** UI state, not an annotation: the annotation whose card is open. */
export const ACTIVE_HIGHLIGHT = 'backstory-active';

/** Every highlight name Backstory registers (the page contract reserves `backstory-*`; docs/architecture.md). */
export const OUR_HIGHLIGHTS: readonly string[] = [
  ...Object.values(HIGHLIGHT_NAMES),
  ACTIVE_HIGHLIGHT,
];
