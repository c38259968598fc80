/**
 * Checks fact packs against schema.ts entry by entry, and adds what a schema of one entry cannot
 * see: ids unique within a list, and references that resolve (in the pack, or in a context such as
 * the bundled pack). Input is untrusted (an imported file, storage): nothing here throws, nothing is
 * copied that the format does not name, and every problem is said once, naming the entry and field:
 * "Source 3 (“Evil”): the link must start with http:// or https://".
 */
import * as v from 'valibot';
import { isRecord, type Json, own } from './json';
import {
  errorAt,
  fieldWords,
  labelOf,
  NOUNS,
  onePerField,
  type PackError,
  parseRecord,
  type Where,
} from './pack-errors';
import { instead, quoted } from './rule-words';
import {
  ClaimSchema,
  EntitySchema,
  type FactPack,
  FactPackSchema,
  type Measure,
  NoteSchema,
  type PackList,
  SourceSchema,
} from './schema';

export { fileError, type PackError } from './pack-errors';

export type PackValidation = { ok: true; pack: FactPack } | { ok: false; errors: PackError[] };

export interface PackCheck {
  /** Only the entries that passed every check. */
  pack: FactPack;
  errors: PackError[];
}

/** The checks of one pack, one step per entry, so a caller can run them in slices. */
export interface EntryChecks {
  /** One step per entry (sources, then entities, then claims): run each once, in order. */
  steps: (() => void)[];
  /** What `checkEntries` returns, once every step has run. */
  result(): PackCheck;
}

export interface CheckOptions {
  /**
   * Whether ids that other entries refer to must exist (default true). Stored facts are read
   * without: an entry that was valid when saved stays usable after what it cites is deleted.
   */
  references?: boolean;
}

/** Validates a whole pack: ok only if every entry is valid and every reference resolves within it. */
export function validatePack(input: unknown): PackValidation {
  const { pack, errors } = checkEntries(input);
  return errors.length === 0 ? { ok: true, pack } : { ok: false, errors };
}

/**
 * Checks a pack entry by entry: returns the valid entries and one error per problem. References may
 * also resolve against `context` (e.g. the bundled pack), so a reader's pack can cite bundled sources.
 */
export function checkEntries(
  input: unknown,
  context?: FactPack,
  options?: CheckOptions,
): PackCheck {
  const checks = planChecks(input, context, options);
  for (const step of checks.steps) step();
  return checks.result();
}

/** The checks `checkEntries` runs on `input`, as steps that have not run yet. */
export function planChecks(
  input: unknown,
  context?: FactPack,
  options: CheckOptions = {},
): EntryChecks {
  const errors: PackError[] = [];
  const top = readTop(input, errors);
  const resolveAll = options.references === false;
  const sources = new ListCheck('sources', SourceSchema, errors, () => []);
  const sourceRefs = new Refs(sources, context?.sources, resolveAll);
  const entities = new ListCheck('entities', EntitySchema, errors, (fields) =>
    idsAt(fields, 'sourceIds', sourceRefs),
  );
  const entityRefs = new Refs(entities, context?.entities, resolveAll);
  const claims = new ListCheck('claims', ClaimSchema, errors, (fields) => [
    ...idsAt(fields, 'subjects', entityRefs),
    ...idsAt(fields, 'sourceId', sourceRefs),
  ]);
  const claimRefs = new Refs(claims, context?.claims, resolveAll);
  const notes = new ListCheck('notes', NoteSchema, errors, (fields) => [
    ...targetOf(fields, { entity: entityRefs, claim: claimRefs }),
    ...idsAt(fields, 'sourceIds', sourceRefs),
  ]);
  return {
    steps: [
      ...sources.steps(top.sources),
      ...entities.steps(top.entities),
      ...claims.steps(top.claims),
      ...notes.steps(top.notes),
    ],
    result: () => ({
      pack: {
        format: 1,
        ...(top.name === undefined ? {} : { name: top.name }),
        ...(top.author === undefined ? {} : { author: top.author }),
        ...(top.url === undefined ? {} : { url: top.url }),
        sources: sources.valid,
        entities: entities.valid,
        claims: claims.valid,
        ...(top.measures === undefined ? {} : { measures: top.measures }),
        ...(notes.valid.length === 0 ? {} : { notes: notes.valid }),
      },
      errors,
    }),
  };
}

const anyList = v.array(v.unknown(), instead('must be a list'));
/** The pack with its lists unchecked: entries are checked one by one, in slices. */
const PackTopSchema = v.strictObject(
  {
    ...FactPackSchema.entries,
    sources: anyList,
    entities: anyList,
    claims: anyList,
    notes: v.optional(anyList),
  },
  FactPackSchema.message,
);

interface Top {
  name?: string;
  author?: string;
  url?: string;
  sources: unknown[];
  entities: unknown[];
  claims: unknown[];
  /** Few and small: checked with the pack's own fields, not entry by entry. */
  measures?: Measure[];
  notes: unknown[];
}

/** The pack's own fields; a list that is not a list reads as empty (and is reported). */
function readTop(input: unknown, errors: PackError[]): Top {
  const where = { path: '', label: 'The file' };
  const parsed = parseRecord(PackTopSchema, input, where);
  if (parsed.success) return { ...parsed.output, notes: parsed.output.notes ?? [] };
  errors.push(...parsed.errors);
  const fields: Json = isRecord(input) ? input : {};
  const list = (key: PackList) => {
    const value = own(fields, key);
    return Array.isArray(value) ? value : [];
  };
  // The pack's own details are left out when wrong: they are reported, and only describe the pack.
  const name = own(fields, 'name');
  return {
    ...(typeof name === 'string' ? { name } : {}),
    sources: list('sources'),
    entities: list('entities'),
    claims: list('claims'),
    notes: list('notes'),
  };
}

/** One list checked entry by entry: its valid entries, and the ids of entries that failed. */
class ListCheck<T extends { id: string }> {
  readonly valid: T[] = [];
  readonly validIds = new Set<string>();
  readonly invalidIds = new Set<string>();
  private readonly firstIndex = new Map<string, number>();

  constructor(
    private readonly list: PackList,
    private readonly schema: v.GenericSchema<unknown, T>,
    private readonly errors: PackError[],
    /** The ids an entry cites, and where each must resolve. */
    private readonly references: (fields: Json) => Reference[],
  ) {}

  /** One step per item, checking it at its index. */
  steps(items: unknown[]): (() => void)[] {
    return items.map((item, i) => () => this.check(item, i));
  }

  private check(item: unknown, index: number): void {
    const fields: Json = isRecord(item) ? item : {};
    const rawId = own(fields, 'id');
    const id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : undefined;
    const where: Where = {
      path: `${this.list}[${index}]`,
      label: labelOf(this.list, index, fields),
      ...(id === undefined ? {} : { entryId: id }),
    };
    const entryErrors: PackError[] = [];
    const earlier = id === undefined ? undefined : this.firstIndex.get(id);
    if (id !== undefined && earlier !== undefined) {
      const first = `${NOUNS[this.list].toLowerCase()} ${earlier + 1}`;
      entryErrors.push(errorAt(where, 'id', `the id ${quoted(id)} is already used by ${first}`));
    } else if (id !== undefined) this.firstIndex.set(id, index);
    const parsed = parseRecord(this.schema, item, where);
    if (!parsed.success) entryErrors.push(...parsed.errors);
    for (const reference of this.references(fields)) {
      entryErrors.push(...reference.refs.problems(reference, where));
    }
    const saidOnce = onePerField(entryErrors);
    if (parsed.success && saidOnce.length === 0) {
      this.valid.push(parsed.output);
      this.validIds.add(parsed.output.id);
    } else if (id !== undefined && earlier === undefined) this.invalidIds.add(id);
    this.errors.push(...saidOnce);
  }
}

/** An id an entry cites, where it sits in the entry, and where it must resolve. */
interface Reference {
  path: (string | number)[];
  id: unknown;
  refs: Refs;
}

/** The ids in `field` of an entry: a list of ids, or one id. */
function idsAt(fields: Json, field: string, refs: Refs): Reference[] {
  const value = own(fields, field);
  if (!Array.isArray(value)) return [{ path: [field], id: value, refs }];
  return value.map((id: unknown, i) => ({ path: [field, i], id, refs }));
}

/** The entity or claim a note is about. */
function targetOf(fields: Json, refs: Record<'entity' | 'claim', Refs>): Reference[] {
  const about = own(fields, 'about');
  const kind = isRecord(about) ? own(about, 'kind') : undefined;
  if (!isRecord(about) || (kind !== 'entity' && kind !== 'claim')) return [];
  return [{ path: ['about', 'id'], id: own(about, 'id'), refs: refs[kind] }];
}

/**
 * Ids a reference may point to: valid entries of this pack, then the context pack. Reads the list's
 * ids as they grow: references are only resolved once the list they point into has been checked.
 */
class Refs {
  private readonly context: Set<string>;

  constructor(
    private readonly checked: { validIds: Set<string>; invalidIds: Set<string> },
    context: { id: string }[] = [],
    /** Accept every id (stored facts: see CheckOptions). */
    private readonly resolveAll = false,
  ) {
    this.context = new Set(context.map((entry) => entry.id));
  }

  /** What is wrong with one cited id, if anything. */
  problems({ path, id }: Reference, where: Where): PackError[] {
    const problem = typeof id === 'string' ? this.problem(id) : undefined;
    if (problem === undefined) return [];
    const words = `${fieldWords(path)} ${quoted(String(id))} ${problem}`;
    return [errorAt(where, path.join('.'), words)];
  }

  private problem(id: string): string | undefined {
    if (this.resolveAll) return undefined;
    if (this.checked.validIds.has(id) || this.context.has(id)) return undefined;
    if (this.checked.invalidIds.has(id)) return 'has a problem of its own';
    return 'does not exist';
  }
}
