import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFileName, packToJson } from '@/lib/facts/export';
import { importPack, saveFailedReport } from '@/lib/facts/import';
import { addFact, EMPTY_FORM } from '@/lib/facts/reader';
import type { FactPack } from '@/lib/facts/schema';
import { fileError } from '@/lib/facts/validate';

const EMPTY: FactPack = { format: 1, name: 'My facts', sources: [], entities: [], claims: [] };

/** A pack written the way the bundled pack is: shared sources, claims with figures and measures. */
const PACK: FactPack = {
  format: 1,
  name: 'Backstory bundled pack',
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
};

const json = (value: unknown) => JSON.stringify(value);

describe('importPack', () => {
  it('adds every entry of a valid pack and reports the counts', () => {
    const { pack, report } = importPack(EMPTY, json(PACK));
    expect(pack).toEqual(PACK);
    expect(report).toEqual({
      added: { sources: 2, entities: 2, claims: 1 },
      duplicates: [],
      errors: [],
    });
  });

  it('round-trips losslessly: export(import(x)) is x', () => {
    const text = packToJson(PACK);
    const { pack } = importPack(EMPTY, text);
    expect(packToJson(pack)).toBe(text);
  });

  it('round-trips the bundled pack file itself byte for byte', () => {
    const text = readFileSync('assets/pack/backstory.json', 'utf8');
    const { pack, report } = importPack(EMPTY, text);
    expect(report.errors).toEqual([]);
    expect(report.added.entities).toBeGreaterThan(10);
    expect(pack).toEqual(JSON.parse(text));
    expect(packToJson(pack)).toBe(packToJson(JSON.parse(text)));
  });

  it('keeps the reader’s pack name once they have facts, and appends after their facts', () => {
    const mine = addFact(EMPTY, { ...EMPTY_FORM, term: 'Kimsuky' }).pack;
    const { pack } = importPack(mine, json(PACK));
    expect(pack.name).toBe('My facts');
    expect(pack.entities.map((e) => e.id)).toEqual(['reader.kimsuky', 'mayorkas', 'usa']);
  });

  it('is atomic: one wrong entry and nothing is added, with entry and field named', () => {
    const broken = {
      ...PACK,
      entities: [PACK.entities[0], { ...PACK.entities[1], kind: 'planet' }],
      claims: [
        {
          ...PACK.claims[0],
          figure: { value: 'lots', unit: 'USD', qualifier: 'over', period: 'total' },
        },
      ],
    };
    const mine = addFact(EMPTY, { ...EMPTY_FORM, term: 'Kimsuky' }).pack;
    const { pack, report } = importPack(mine, json(broken));
    expect(pack).toBe(mine);
    expect(report.added).toEqual({ sources: 0, entities: 0, claims: 0 });
    expect(report.errors.map(({ path, entryId, field }) => ({ path, entryId, field }))).toEqual([
      { path: 'entities[1]', entryId: 'usa', field: 'kind' },
      { path: 'claims[0]', entryId: 'claim.theft', field: 'figure.value' },
    ]);
  });

  it('explains a file that is not JSON, and one that is not a pack', () => {
    const notJson = importPack(EMPTY, '{"format": 1,');
    expect(notJson.pack).toBe(EMPTY);
    expect(notJson.report.errors).toHaveLength(1);
    expect(notJson.report.errors[0]?.message).toMatch(/^The file is not JSON: /);
    const notPack = importPack(EMPTY, '[1, 2]');
    expect(notPack.pack).toBe(EMPTY);
    expect(notPack.report.errors[0]?.message).toBe(
      'The file must be a fact pack (an object with format, sources, entities and claims), not a list',
    );
  });

  it('rejects javascript: and data: source URLs', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>']) {
      const bad = { ...PACK, sources: [{ ...PACK.sources[0], url }, PACK.sources[1]] };
      const { pack, report } = importPack(EMPTY, json(bad));
      expect(pack).toBe(EMPTY);
      // Entries citing the bad source are wrong too, and say why.
      expect(report.errors.map((e) => [e.entryId, e.field])).toEqual([
        ['src.hearing', 'url'],
        ['mayorkas', 'sourceIds.0'],
        ['usa', 'sourceIds.0'],
        ['claim.theft', 'subjects.0'],
        ['claim.theft', 'sourceId'],
      ]);
      expect(report.errors[1]?.problem).toBe('source 1 “src.hearing” has a problem of its own');
    }
  });

  it('reports entries already there as duplicates and adds only the new ones', () => {
    const once = importPack(EMPTY, json(PACK)).pack;
    const changedMayorkas = { ...PACK.entities[0], summary: 'Edited elsewhere.' };
    const newSource = { id: 'src.new', title: 'New', publisher: 'P' };
    const again = importPack(
      once,
      json({
        ...PACK,
        sources: [...PACK.sources, newSource],
        entities: [changedMayorkas, PACK.entities[1]],
      }),
    );
    expect(again.report).toEqual({
      added: { sources: 1, entities: 0, claims: 0 },
      duplicates: [
        { section: 'sources', id: 'src.hearing', identical: true },
        { section: 'sources', id: 'src.blog', identical: true },
        { section: 'entities', id: 'mayorkas', identical: false },
        { section: 'entities', id: 'usa', identical: true },
        { section: 'claims', id: 'claim.theft', identical: true },
      ],
      errors: [],
    });
    expect(again.pack.entities).toEqual(once.entities);
    expect(again.pack.sources.map((s) => s.id)).toEqual(['src.hearing', 'src.blog', 'src.new']);
  });

  it('lets imported claims cite the reader’s sources and the bundled pack', () => {
    const bundled: FactPack = { ...PACK, name: 'bundled' };
    const claim = { ...PACK.claims[0], id: 'mine', sourceId: 'src.blog', subjects: ['usa'] };
    const file = { format: 1, sources: [], entities: [], claims: [claim] };
    expect(importPack(EMPTY, json(file)).report.errors.map((e) => e.field)).toEqual([
      'subjects.0',
      'sourceId',
    ]);
    const { pack, report } = importPack(EMPTY, json(file), bundled);
    expect(report.errors).toEqual([]);
    expect(pack.claims).toEqual([claim]);
  });

  it('imports 5,000 facts at once', () => {
    const big: FactPack = { format: 1, sources: [], entities: [], claims: [] };
    for (let i = 0; i < 5000; i++) {
      big.sources.push({
        id: `s${i}`,
        title: `Source ${i}`,
        publisher: 'P',
        url: `https://e.org/${i}`,
      });
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
    const { pack, report } = importPack(EMPTY, text);
    expect(report.added).toEqual({ sources: 5000, entities: 5000, claims: 0 });
    expect(pack.entities).toHaveLength(5000);
  });
});

describe('saveFailedReport', () => {
  it('reports that nothing was imported, and why', () => {
    expect(saveFailedReport(new Error('Resource::kQuotaBytes quota exceeded'))).toEqual({
      added: { sources: 0, entities: 0, claims: 0 },
      duplicates: [],
      errors: [
        fileError(
          'Your facts could not be saved, so nothing was imported: Resource::kQuotaBytes quota exceeded',
        ),
      ],
    });
  });
});

describe('export', () => {
  it('writes indented JSON ending with a newline', () => {
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
