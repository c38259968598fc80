/** The card's fact lookup for tests: packs as layers, bundled first unless each says otherwise. */

import { buildIndex } from '@/lib/background/match/index';
import { buildFactLookup, type FactLookup } from '@/lib/shared/card/card-data';
import type { PackOrigin } from '@/lib/shared/facts/layers';
import { mergePacks } from '@/lib/shared/facts/merge';
import type { FactPack } from '@/lib/shared/facts/schema';

export const BUNDLED: PackOrigin = { kind: 'bundled', name: 'Backstory’s bundled facts' };

/** A lookup over `pack` alone, as bundled facts. */
export function lookupOf(pack: FactPack): FactLookup {
  return layeredLookup([{ pack, origin: BUNDLED }]);
}

/** A lookup over layers, bottom first (later packs win on id clashes, as in the extension). */
export function layeredLookup(layers: { pack: FactPack; origin: PackOrigin }[]): FactLookup {
  return buildFactLookup(buildIndex(mergePacks(...layers.map((l) => l.pack))), layers);
}
