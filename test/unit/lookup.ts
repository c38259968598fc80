/** The card's fact lookup for tests: packs as layers, bundled first unless each says otherwise. */
import type { PackOrigin } from '@/lib/facts/layers';
import { mergePacks } from '@/lib/facts/merge';
import type { FactPack } from '@/lib/facts/schema';
import { buildIndex } from '@/lib/match/index';
import { buildFactLookup, type FactLookup } from '@/lib/ui/card-data';

export const BUNDLED: PackOrigin = { kind: 'bundled', name: 'Backstory’s bundled facts' };

/** A lookup over `pack` alone, as bundled facts. */
export function lookupOf(pack: FactPack): FactLookup {
  return layeredLookup([{ pack, origin: BUNDLED }]);
}

/** A lookup over layers, bottom first (later packs win on id clashes, as in the extension). */
export function layeredLookup(layers: { pack: FactPack; origin: PackOrigin }[]): FactLookup {
  return buildFactLookup(buildIndex(mergePacks(...layers.map((l) => l.pack))), layers);
}
