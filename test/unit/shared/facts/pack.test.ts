import { describe, expect, it } from 'vitest';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { validatePack } from '@/lib/shared/facts/validate';
import { allSeeds, normalise, seedBySource } from './pack-seeds';

const { sources, entities, claims } = bundledPack;
const entityIds = new Set(entities.map((e) => e.id));
const sourceIds = new Set(sources.map((s) => s.id));

/** Every run of `n` consecutive words in `text`. */
function wordRuns(text: string, n: number): string[] {
  const words = normalise(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const runs: string[] = [];
  for (let i = 0; i + n <= words.length; i++) runs.push(words.slice(i, i + n).join(' '));
  return runs;
}

describe('the bundled pack', () => {
  it('validates, and validation keeps every field of every entry', () => {
    const result = validatePack(bundledPack);
    expect(result).toEqual({ ok: true, pack: bundledPack });
  });

  it('draws every source from one of the two seed articles', () => {
    expect(sources.map((s) => s.id).sort()).toEqual(Object.keys(seedBySource).sort());
  });

  it('quotes every evidence phrase verbatim from its own source, in at most 12 words', () => {
    for (const claim of claims) {
      const seed = seedBySource[claim.sourceId];
      expect(seed, claim.id).toBeDefined();
      const evidence = claim.evidence ?? '';
      expect(seed?.includes(evidence) && evidence !== '', `${claim.id}: "${evidence}"`).toBe(true);
      expect(evidence.split(/\s+/).length, claim.id).toBeLessThanOrEqual(12);
    }
  });

  it('resolves every reference', () => {
    for (const entity of entities) {
      expect(entity.sourceIds.length, entity.id).toBeGreaterThan(0);
      for (const id of entity.sourceIds)
        expect(sourceIds.has(id), `${entity.id} → ${id}`).toBe(true);
    }
    for (const claim of claims) {
      expect(sourceIds.has(claim.sourceId), claim.id).toBe(true);
      for (const id of claim.subjects) expect(entityIds.has(id), `${claim.id} → ${id}`).toBe(true);
    }
  });

  it('uses short kebab-case ids', () => {
    for (const { id } of [...sources, ...entities, ...claims]) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(id.length, id).toBeLessThanOrEqual(40);
    }
  });

  it('gives each surface form to exactly one entity', () => {
    // One entity per form keeps marks unambiguous. "Seoul" is therefore an alias of South Korea
    // (metonym and capital, where the working group met) rather than a separate place entity.
    const owner = new Map<string, string>();
    for (const entity of entities) {
      for (const form of new Set([entity.name, ...entity.aliases].map(normalise))) {
        expect(owner.get(form), `"${form}" in ${entity.id}`).toBeUndefined();
        owner.set(form, entity.id);
      }
    }
    expect(owner.get('seoul')).toBe('south-korea');
    expect(owner.get('pyongyang')).toBe('north-korea');
    expect(owner.get('washington')).toBe('united-states');
  });

  it('leaves out a lone "Kim", which would also match Kim Jong Un', () => {
    expect(entities.flatMap((e) => e.aliases)).not.toContain('Kim');
  });

  it('marks countries and big agencies generic, and people and specific bodies not', () => {
    const generic = entities.filter((e) => e.generic).map((e) => e.id);
    for (const id of [
      'united-states',
      'south-korea',
      'north-korea',
      'iran',
      'united-nations',
      'fbi',
      'us-justice-department',
      'us-state-department',
      'us-congress',
    ]) {
      expect(generic, id).toContain(id);
    }
    for (const id of [
      'kim-kuk-myong',
      'anne-neuberger',
      'alejandro-mayorkas',
      'christopher-wray',
      'acaic',
      'cdp-bureau',
      'us-rok-cyber-working-group',
    ]) {
      expect(generic, id).not.toContain(id);
    }
  });

  it('gives every measure a single unit across its claims', () => {
    const units = new Map<string, Set<string>>();
    for (const claim of claims) {
      if (!claim.measure || !claim.figure) continue;
      const set = units.get(claim.measure) ?? new Set();
      set.add(claim.figure.unit);
      units.set(claim.measure, set);
    }
    expect(units.size).toBeGreaterThan(0);
    for (const [measure, set] of units) expect([...set], measure).toHaveLength(1);
  });

  it('puts the two crypto revenue figures on one measure, both running totals, with different periods', () => {
    const crypto = claims
      .filter((c) => c.measure === 'dprk.crypto-theft.usd')
      .map((c) => ({ id: c.id, figure: c.figure }));
    expect(crypto).toEqual([
      {
        id: 'nk-crypto-funded-2b',
        figure: {
          value: 2_000_000_000,
          unit: 'USD',
          qualifier: 'about',
          period: 'total',
          scope: 'total',
        },
      },
      {
        id: 'mayorkas-over-1b-two-years',
        figure: {
          value: 1_000_000_000,
          unit: 'USD',
          qualifier: 'over',
          period: 'past:2y',
          scope: 'total',
        },
      },
    ]);
  });

  it('gives every measure a label a reader understands, and no label without a claim', () => {
    const used = new Set(claims.flatMap((c) => (c.measure ? [c.measure] : [])));
    const labels = new Map((bundledPack.measures ?? []).map((m) => [m.id, m.label]));
    expect([...labels.keys()].sort()).toEqual([...used].sort());
    expect(labels.get('dprk.crypto-theft.usd')).toBe("North Korea's total crypto theft");
    for (const label of labels.values()) expect(label).not.toMatch(/[._]|usd/i);
  });

  it('carries every figure in the articles, and no length of time ("for the past 10 years")', () => {
    const figures = claims
      .filter((c) => c.figure)
      .map((c) => [c.id, c.figure, c.measure, c.attributedTo]);
    expect(figures).toEqual([
      [
        'doj-fbi-recovered-half-million',
        { value: 500_000, unit: 'USD', qualifier: 'about', period: 'total' },
        'us.ransom-recovered-from-dprk-2022-07.usd',
        'U.S. Department of Justice',
      ],
      [
        'nk-crypto-funded-2b',
        { value: 2_000_000_000, unit: 'USD', qualifier: 'about', period: 'total', scope: 'total' },
        'dprk.crypto-theft.usd',
        undefined,
      ],
      [
        'mayorkas-over-1b-two-years',
        { value: 1_000_000_000, unit: 'USD', qualifier: 'over', period: 'past:2y', scope: 'total' },
        'dprk.crypto-theft.usd',
        'Alejandro Mayorkas',
      ],
    ]);
  });

  it('dates every dated event', () => {
    // The seeds give months without a year; the year is 2022 (DOJ's Maui ransomware seizure was
    // announced 19 July 2022, Neuberger was in Seoul 25-27 July 2022 after Biden's May 2022 visit,
    // the cyber commands' MOU was signed 18 August 2022, the State Department's training statement
    // came on 7 September 2022, "last week" for the article).
    const when = Object.fromEntries(claims.filter((c) => c.when).map((c) => [c.id, c.when]));
    expect(when).toEqual({
      'nk-accuses-us-of-false-cyber-claims': '2022-09',
      'kim-article-on-foreign-ministry-site': '2022-09',
      'cdp-training-series-announced': '2022-09',
      'doj-fbi-disrupted-ransomware': '2022-07',
      'doj-fbi-recovered-half-million': '2022-07',
      'neuberger-visit-south-korea': '2022-07',
      'presidents-joint-statement': '2022-05',
      'cyber-commands-sign-mou': '2022-08',
    });
  });

  it('attributes what people and bodies said to them', () => {
    const said = Object.fromEntries(
      claims.filter((c) => c.attributedTo).map((c) => [c.id, c.attributedTo]),
    );
    expect(said).toEqual({
      'nk-accuses-us-of-false-cyber-claims': 'North Korea',
      'kim-us-misuses-cyberspace': 'Kim Kuk-myong',
      'kim-ten-years-of-charges': 'Kim Kuk-myong',
      'kim-will-not-stand-by': 'Kim Kuk-myong',
      'cdp-training-series-announced': 'Bureau of Cyberspace and Digital Policy',
      'cdp-cyber-revenue-for-weapons': 'Bureau of Cyberspace and Digital Policy',
      'doj-fbi-disrupted-ransomware': 'U.S. Department of Justice',
      'doj-fbi-recovered-half-million': 'U.S. Department of Justice',
      'mayorkas-over-1b-two-years': 'Alejandro Mayorkas',
      'wray-espionage-ramped-up': 'Christopher Wray',
      'wray-espionage-theft-attack': 'Christopher Wray',
      'wray-likened-to-iran': 'Christopher Wray',
      'wray-targets-finance-crypto': 'Christopher Wray',
      'wray-sanctions-effective': 'Christopher Wray',
    });
  });

  it('writes summaries and statements in its own words (no 8-word run shared with the seeds)', () => {
    const seedRuns = new Set(wordRuns(allSeeds, 8));
    const texts = [
      ...entities.map((e) => [e.id, e.summary]),
      ...claims.map((c) => [c.id, c.statement]),
    ];
    for (const [id, text = ''] of texts) {
      expect(text.length, id).toBeGreaterThan(0);
      const copied = wordRuns(text, 8).filter((run) => seedRuns.has(run));
      expect(copied, id).toEqual([]);
    }
  });
});
