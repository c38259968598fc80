/**
 * What a figure counts (its measure), as the options form offers it: every measure of the fact base
 * by its label, with how many figures it holds and in which units, so a reader's figure can be set
 * beside bundled and imported ones. A measure nobody labelled is named after what its figures are
 * about. Measures the reader names get ids of their own ("my.<words>"), whose words say what is
 * counted, as the bundled ids do, so pages speaking of it find it.
 */

import type { FactPack } from '@/lib/shared/facts/schema';
import { normaliseName, slug } from './edit';

/** A measure the form offers. */
export interface MeasureChoice {
  id: string;
  label: string;
  /** The reader's own: labelled in their facts, or counted only by their figures. */
  yours: boolean;
  /** How many figures of the fact base count it. */
  figures: number;
  /** The units those figures are given in ("USD", "count"). */
  units: string[];
}

/** Ids of measures the reader named start with this ("my" is too short to count as a word of the measure). */
const OWN_PREFIX = 'my.';

/** Every measure of `base` (bundled, imported and the reader's facts merged), by label. */
export function measureChoices(base: FactPack, yours: FactPack): MeasureChoice[] {
  const labels = new Map((base.measures ?? []).map((m) => [m.id, m.label]));
  const yourClaims = new Set(yours.claims.map((c) => c.id));
  const entityNames = new Map(base.entities.map((e) => [e.id, e.name]));
  const counted = new Map<string, { figures: number; units: Set<string>; others: boolean }>();
  for (const claim of base.claims) {
    if (!claim.measure || !claim.figure) continue;
    const seen = counted.get(claim.measure) ?? { figures: 0, units: new Set(), others: false };
    seen.figures++;
    seen.units.add(claim.figure.unit);
    seen.others ||= !yourClaims.has(claim.id);
    counted.set(claim.measure, seen);
  }
  const ids = new Set([...labels.keys(), ...counted.keys()]);
  const yourLabels = new Set((yours.measures ?? []).map((m) => m.id));
  return [...ids]
    .map((id) => {
      const seen = counted.get(id);
      const label = labels.get(id);
      return {
        id,
        // Unlabelled: named after what its figures are about (the reader's earlier facts used their term).
        label: label ?? entityNames.get(id) ?? `“${shorter(firstStatement(base, id))}”`,
        yours: yourLabels.has(id) || (label === undefined && seen?.others === false),
        figures: seen?.figures ?? 0,
        units: [...(seen?.units ?? [])],
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }));
}

function firstStatement(pack: FactPack, measureId: string): string {
  return pack.claims.find((c) => c.measure === measureId)?.statement ?? measureId;
}

function shorter(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The choice labelled `label` (whatever its case and spacing), if any. */
export function choiceLabelled(
  choices: readonly MeasureChoice[],
  label: string,
): MeasureChoice | undefined {
  const wanted = normaliseName(label);
  return wanted ? choices.find((c) => normaliseName(c.label) === wanted) : undefined;
}

/** A fresh id for a measure the reader names `label`, unused by `pack`'s measures and claims. */
export function ownMeasureId(pack: FactPack, label: string): string {
  const taken = new Set([
    ...(pack.measures ?? []).map((m) => m.id),
    ...pack.claims.flatMap((c) => c.measure ?? []),
  ]);
  const base = `${OWN_PREFIX}${slug(label)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** `pack` without the labels of measures the reader named that none of its figures counts any more. */
export function dropUnusedMeasures(pack: FactPack): FactPack {
  if (!pack.measures) return pack;
  const used = new Set(pack.claims.flatMap((c) => c.measure ?? []));
  const measures = pack.measures.filter((m) => !m.id.startsWith(OWN_PREFIX) || used.has(m.id));
  if (measures.length === pack.measures.length) return pack;
  const { measures: _all, ...rest } = pack;
  return measures.length > 0 ? { ...rest, measures } : rest;
}
