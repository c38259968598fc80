import { describe, expect, it } from 'vitest';
import {
  buildProvenance,
  describeOrigin,
  importedOrigin,
  type PackOrigin,
  stackLayers,
} from '@/lib/shared/facts/layers';
import type { FactPack } from '@/lib/shared/facts/schema';

const BUNDLED: FactPack = {
  format: 1,
  name: 'Bundled',
  sources: [{ id: 's.fbi', title: 'Hearing', publisher: 'Congress' }],
  entities: [
    {
      id: 'wray',
      name: 'Christopher Wray',
      kind: 'person',
      aliases: [],
      summary: 'Head of the FBI.',
      sourceIds: ['s.fbi'],
    },
  ],
  claims: [{ id: 'c', statement: 'Wray said so.', subjects: ['wray'], sourceId: 's.fbi' }],
};

const NOTES: FactPack = {
  format: 1,
  name: 'Hearing notes',
  author: 'Jane Doe',
  sources: [{ id: 's.jane', title: 'Her blog', url: 'https://jane.example/' }],
  entities: [],
  claims: [{ id: 'c', statement: 'Wray said so, twice.', subjects: ['wray'], sourceId: 's.jane' }],
  notes: [
    {
      id: 'n.jane',
      about: { kind: 'entity', id: 'wray' },
      text: 'Jane’s note.',
      sourceIds: ['s.jane'],
    },
  ],
};

const YOURS: FactPack = {
  format: 1,
  name: 'My facts',
  sources: [],
  entities: [],
  claims: [],
  notes: [
    { id: 'n.mine', about: { kind: 'entity', id: 'wray' }, text: 'My note.', sourceIds: ['s.fbi'] },
    { id: 'n.claim', about: { kind: 'claim', id: 'c' }, text: '', quote: 'twice', sourceIds: [] },
  ],
};

const IMPORTED = {
  id: 'p1',
  importedAt: '2026-05-03T12:00:00.000Z',
  fileName: 'jane.json',
  pack: NOTES,
};

const layers = stackLayers({ bundled: BUNDLED, imported: [IMPORTED], yours: YOURS });

describe('stackLayers and origins', () => {
  it('stacks bundled, imported (oldest first), then the reader’s own', () => {
    expect(layers.map((l) => l.origin)).toEqual([
      { kind: 'bundled', name: 'Bundled' },
      {
        kind: 'imported',
        packId: 'p1',
        name: 'Hearing notes',
        author: 'Jane Doe',
        importedAt: '2026-05-03T12:00:00.000Z',
      },
      { kind: 'yours' },
    ]);
    expect(stackLayers({ imported: [], yours: YOURS }).map((l) => l.origin.kind)).toEqual([
      'yours',
    ]);
  });

  it('names an imported pack after its file when it has no name', () => {
    const { name: _name, ...unnamed } = NOTES;
    expect(importedOrigin({ ...IMPORTED, pack: unnamed })).toMatchObject({ name: 'jane.json' });
  });

  it('says where a fact comes from in words', () => {
    const origins = layers.map((l) => describeOrigin(l.origin));
    expect(origins).toEqual([
      'Bundled with Backstory',
      'From “Hearing notes” by Jane Doe, imported 3 May 2026',
      'Yours',
    ]);
  });
});

describe('buildProvenance', () => {
  const provenance = buildProvenance(layers);
  const imported = layers[1]?.origin as PackOrigin;

  it('gives every entry the layer it comes from: the later one on an id clash', () => {
    expect(provenance.originOf('entities', 'wray')).toEqual({ kind: 'bundled', name: 'Bundled' });
    expect(provenance.originOf('claims', 'c')).toEqual(imported);
    expect(provenance.originOf('notes', 'n.mine')).toEqual({ kind: 'yours' });
    expect(provenance.originOf('entities', 'nobody')).toBeUndefined();
  });

  it('gathers the notes about an entity or claim from every layer, with their sources', () => {
    expect(provenance.notesAbout({ kind: 'entity', id: 'wray' })).toEqual([
      { note: NOTES.notes?.[0], origin: imported, sources: NOTES.sources },
      { note: YOURS.notes?.[0], origin: { kind: 'yours' }, sources: BUNDLED.sources },
    ]);
    expect(provenance.notesAbout({ kind: 'claim', id: 'c' })).toEqual([
      { note: YOURS.notes?.[1], origin: { kind: 'yours' }, sources: [] },
    ]);
    expect(provenance.notesAbout({ kind: 'entity', id: 'nobody' })).toEqual([]);
  });

  it('shows a note once when a later layer has one with its id', () => {
    const [janes] = NOTES.notes ?? [];
    if (!janes) throw new Error('no note');
    const again = { ...YOURS, notes: [{ ...janes, text: 'Edited.' }] };
    const stacked = buildProvenance(stackLayers({ imported: [IMPORTED], yours: again }));
    expect(stacked.notesAbout({ kind: 'entity', id: 'wray' }).map((n) => n.note.text)).toEqual([
      'Edited.',
    ]);
  });
});
