/**
 * The fact base as the background serves it to pages, built once per change of the settings or the
 * stored facts (not once per page): the match index, the card lookups, and the detector's compact
 * matcher. Pages get a yes or no for their text (every page) or their annotations with the slice of
 * the fact base those use (pages the detector passed), never the packs.
 * Ships in: background.
 */
import type { Settings } from '@/lib/defaults';
import { buildMatcher } from '@/lib/detector/build';
import { mentionsFactBase } from '@/lib/detector/check';
import type { Matcher } from '@/lib/detector/matcher';
import type { Layer } from '@/lib/facts/layers';
import { mergePacks } from '@/lib/facts/merge';
import { packSlice } from '@/lib/facts/page-slice';
import { buildIndex, type FactIndex, findAnnotations, mentionsAnyAlias } from '@/lib/match/index';
import type { PageMatch } from '@/lib/messages';
import { shouldAnnotate, siteOf } from '@/lib/sites';
import { buildFactLookup, type FactLookup } from '@/lib/ui/card-data';

export interface FactBase {
  settings: Settings;
  index: FactIndex;
  lookup: FactLookup;
  matcher: Matcher;
}

/** The fact base of `layers` (bottom first; later layers win on id clashes) under `settings`. */
export function buildFactBase(settings: Settings, layers: readonly Layer[]): FactBase {
  const merged = mergePacks(...layers.map((layer) => layer.pack));
  const index = buildIndex(merged);
  return { settings, index, lookup: buildFactLookup(index, layers), matcher: buildMatcher(merged) };
}

/** True when Backstory annotates the page at `url` now (not paused, its site not switched off). */
function annotatesUrl(base: FactBase, url: string | undefined): boolean {
  const site = siteOf(url ?? '');
  return site !== undefined && shouldAnnotate(base.settings, site);
}

/**
 * True when the text of the page at `url` names the fact base (its annotator is worth injecting),
 * null when Backstory does nothing there.
 */
export function detectorVerdict(
  base: FactBase,
  url: string | undefined,
  text: string,
): boolean | null {
  return annotatesUrl(base, url) ? mentionsFactBase(base.matcher, text) : null;
}

/** The annotations in the article text of the page at `url`, with the facts their cards read. */
export function matchPage(base: FactBase, url: string | undefined, text: string): PageMatch {
  const { settings, index, lookup } = base;
  const enabled = annotatesUrl(base, url);
  // The cheap pre-check first: an article that names nothing exactly gets no marks at all.
  const annotations =
    enabled && mentionsAnyAlias(index, text)
      ? findAnnotations(index, text, { markGeneric: settings.markGeneric ? undefined : false })
      : [];
  return {
    enabled,
    cardDelayMs: settings.cardDelayMs,
    annotations,
    facts: packSlice(lookup, annotations),
  };
}
