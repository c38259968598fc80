import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFileName, packToJson } from '@/lib/pages/facts/export';
import {
  type ImportPlan,
  type ImportProgress,
  type ImportSetting,
  planImport,
  planImportInSlices,
  withImport,
  withoutImport,
} from '@/lib/pages/facts/import';
import { addFact, EMPTY_FORM } from '@/lib/pages/facts/reader';
import { bundledPack } from '@/lib/shared/facts/bundled';
import { type ImportedPack, stackLayers } from '@/lib/shared/facts/layers';
import type { FactPack } from '@/lib/shared/facts/schema';

const EMPTY: FactPack = { format: 1, name: 'My facts', sources: [], entities: [], claims: [] };
const NOW = new Date('2026-11-25T10:00:00Z');

/** A pack written the way the bundled pack is: shared sources, claims with figures and measures. */
const PACK: FactPack = {
  format: 1,
  name: 'Hearing notes',
  author: 'Jane Doe',
  url: 'https://example.org/packs',
  sources: [
    {
      id: 'src.hearing',
      title: 'Testimony to the House Committee',
      publisher: 'US Congress',
      url: 'https://example.org/hearing',
      published: '2023-11',
    },
    { id: 'src.blog', title: 'A blog post', publisher: 'Example Blog' },
  ],
  entities: [
    {
      id: 'mayorkas',
      name: 'Alejandro Mayorkas',
      kind: 'person',
      aliases: ['Mayorkas'],
      summary: 'US Secretary of Homeland Security.',
      sourceIds: ['src.hearing'],
    },
    {
      id: 'usa',
      name: 'United States',
      kind: 'country',
      aliases: ['US', 'U.S.'],
      summary: 'The country.',
      sourceIds: ['src.hearing', 'src.blog'],
      generic: true,
    },
  ],
  claims: [
    {
      id: 'claim.theft',
      statement: 'North Korea stole more than a billion dollars in two years.',
      subjects: ['mayorkas'],
      sourceId: 'src.hearing',
      evidence: 'already stolen over $1 billion',
      attributedTo: 'Alejandro Mayorkas',
      when: '2023',
      figure: { value: 1e9, unit: 'USD', qualifier: 'over', period: 'past:2y' },
      measure: 'dprk.crypto-theft.usd',
    },
  ],
  measures: [{ id: 'dprk.crypto-theft.usd', label: 'North Korea’s crypto theft' }],
};

const json = (value: unknown) => JSON.stringify(value);

function setting(parts: { bundled?: FactPack; imported?: ImportedPack[]; yours?: FactPack } = {}) {
  const layers = stackLayers({ imported: [], yours: EMPTY, ...parts });
  return { layers, fileName: 'notes.json', now: NOW } satisfies ImportSetting;
}

/** The preview of an import that must be possible. */
function previewOf(plan: ImportPlan) {
  if (!plan.ok) throw new Error(plan.errors.map((e) => e.message).join('\n'));
  return plan.preview;
}

describe('planImport', () => {
  it('previews a valid pack: what it adds, and where it says it comes from', () => {
    const preview = previewOf(planImport(json(PACK), setting()));
    expect(preview.origin).toEqual({
      kind: 'imported',
      packId: 'pack.mwvycsg0',
      name: 'Hearing notes',
      author: 'Jane Doe',
      url: 'https://example.org/packs',
      importedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(preview.imported).toEqual({
      id: 'pack.mwvycsg0',
      importedAt: '2026-11-25T10:00:00.000Z',
      fileName: 'notes.json',
      pack: PACK,
    });
    expect(preview.added.map((a) => a.label)).toEqual([
      'Source “Testimony to the House Committee”',
      'Source “A blog post”',
      'Entity “Alejandro Mayorkas”',
      'Entity “United States”',
      'Claim “North Korea stole more than a billion dollars in two years.”',
    ]);
    expect([preview.replaced, preview.unchanged, preview.refused]).toEqual([[], 0, []]);
  });

  it('names a pack without a name after its file', () => {
    const { name: _name, ...unnamed } = PACK;
    expect(previewOf(planImport(json(unnamed), setting())).origin.name).toBe('notes.json');
  });

  it('says what it replaces, what is already there, and refuses to override the reader’s own', () => {
    const bundled = { ...PACK, name: 'Bundled' };
    const { pack: yours } = addFact(EMPTY, { ...EMPTY_FORM, term: 'Kimsuky' });
    const file = {
      ...PACK,
      entities: [
        { ...PACK.entities[0], summary: 'Changed.' },
        PACK.entities[1],
        { ...(yours.entities[0] as FactPack['entities'][0]), summary: 'Theirs.' },
      ],
    };
    const preview = previewOf(planImport(json(file), setting({ bundled, yours })));
    expect(preview.added).toEqual([]);
    expect(preview.replaced).toEqual([
      {
        section: 'entities',
        id: 'mayorkas',
        label: 'Entity “Alejandro Mayorkas”',
        replaces: { kind: 'bundled', name: 'Bundled' },
      },
    ]);
    expect(preview.unchanged).toBe(4);
    expect(preview.refused).toEqual([
      { label: 'Entity “Kimsuky”', reason: 'you have your own entry with this id; yours is kept' },
    ]);
    // What is refused is not stored; the reader's own entry stays theirs.
    expect(preview.imported.pack.entities.map((e) => e.id)).toEqual(['mayorkas', 'usa']);
  });

  it('replaces an earlier import of the same pack, saying what of it goes', () => {
    const earlier = { id: 'pack.old', importedAt: '2026-01-01T00:00:00.000Z', pack: PACK };
    const newer = { ...PACK, claims: [] };
    const preview = previewOf(planImport(json(newer), setting({ imported: [earlier] })));
    expect(preview.replacesPack).toEqual(earlier);
    expect(preview.dropped).toBe(1);
    expect(preview.unchanged).toBe(4);
    const other = { id: 'pack.other', importedAt: '2026-02-01T00:00:00.000Z', pack: EMPTY };
    const stored = withImport([earlier, other], preview);
    expect(stored.map((p) => p.id)).toEqual(['pack.other', preview.imported.id]);
    expect(withoutImport(stored, preview).map((p) => p.id)).toEqual(['pack.other', 'pack.old']);
  });

  it('is atomic: one wrong entry and nothing can be imported, with entry and field named', () => {
    const broken = {
      ...PACK,
      entities: [PACK.entities[0], { ...PACK.entities[1], kind: 'planet' }],
      claims: [{ ...PACK.claims[0], figure: { ...PACK.claims[0]?.figure, value: 'lots' } }],
    };
    const plan = planImport(json(broken), setting());
    expect(plan.ok ? [] : plan.errors.map((e) => e.message)).toEqual([
      'Entity 2 (“United States”): the kind must be one of person, organisation, country, place, programme, event, concept, not “planet”',
      'Claim 1 (“North Korea stole more than a billion do…”): the figure’s value must be a number, not “lots”',
    ]);
  });

  it('explains a file that is not JSON, one that is not a pack, and one with nothing in it', () => {
    const notJson = planImport('{"format": 1,', setting());
    expect(notJson.ok ? '' : notJson.errors[0]?.message).toMatch(
      /^The file is not JSON, so nothing was imported: /,
    );
    const notPack = planImport('[1, 2]', setting());
    expect(notPack.ok ? '' : notPack.errors[0]?.message).toBe(
      'The file must be a fact pack (an object with format, sources, entities and claims), not a list',
    );
    const nothing = planImport(json(EMPTY), setting());
    expect(nothing.ok ? '' : nothing.errors[0]?.message).toBe(
      'Nothing was imported: the file has no entries that can be used.',
    );
  });

  it('lets imported entries cite the bundled pack, the reader’s facts and other imports', () => {
    const claim = { ...PACK.claims[0], id: 'mine', sourceId: 'src.blog', subjects: ['usa'] };
    const file = { format: 1, sources: [], entities: [], claims: [claim] };
    const alone = planImport(json(file), setting());
    expect(alone.ok ? [] : alone.errors.map((e) => e.field)).toEqual(['subjects.0', 'sourceId']);
    const imported = [{ id: 'p', importedAt: NOW.toISOString(), pack: PACK }];
    expect(planImport(json(file), setting({ imported })).ok).toBe(true);
    expect(planImport(json(file), setting({ bundled: PACK })).ok).toBe(true);
  });

  it('imports the bundled pack file itself, unchanged', () => {
    const text = readFileSync('assets/pack/backstory.json', 'utf8');
    const preview = previewOf(planImport(text, setting()));
    expect(preview.imported.pack).toEqual(JSON.parse(text));
    // Beside the bundled pack, every entry is already there.
    const again = previewOf(planImport(text, setting({ bundled: bundledPack })));
    expect([again.added.length, again.replaced.length]).toEqual([0, 0]);
  });

  it('checks 5,000 facts, in slices with progress, to the same result', async () => {
    const big: FactPack = { format: 1, name: 'Big', sources: [], entities: [], claims: [] };
    for (let i = 0; i < 5000; i++) {
      big.sources.push({ id: `s${i}`, title: `Source ${i}`, url: `https://e.org/${i}` });
      big.entities.push({
        id: `e${i}`,
        name: `Entity ${i}`,
        kind: 'concept',
        aliases: [`Alias ${i}`],
        summary: 'x'.repeat(500),
        sourceIds: [`s${i}`],
      });
    }
    const text = packToJson(big);
    const progress: ImportProgress[] = [];
    const sliced = await planImportInSlices(text, setting(), (p) => progress.push(p));
    expect(sliced).toEqual(planImport(text, setting()));
    expect(previewOf(sliced).added).toHaveLength(10_000);
    expect(progress.at(-1)).toEqual({ checked: 10_000, total: 10_000 });
    for (const [i, p] of progress.entries()) {
      expect(p.checked).toBeGreaterThan(progress[i - 1]?.checked ?? 0);
    }
  });
});

describe('export', () => {
  it('writes indented JSON ending with a newline, which imports back to the same pack', () => {
    const text = packToJson(PACK);
    expect(text.endsWith('}\n')).toBe(true);
    expect(previewOf(planImport(text, setting())).imported.pack).toEqual(PACK);
    expect(packToJson(EMPTY)).toBe(
      '{\n  "format": 1,\n  "name": "My facts",\n  "sources": [],\n  "entities": [],\n  "claims": []\n}\n',
    );
  });

  it('names the file after the day', () => {
    expect(exportFileName(new Date('2026-11-24T00:30:00Z'))).toBe(
      'backstory-facts-2026-11-24.json',
    );
  });
});
