/**
 * Checks fact packs against schema.ts entry by entry, and adds what a schema of one entry cannot
 * see: ids unique within a list, and references that resolve (in the pack, or in a context such as
 * the bundled pack). Input is untrusted (an imported file, storage): nothing here throws, nothing is
 * copied that the format does not name, and every problem is said once, naming the entry and field:
 * "Source 3 (“Evil”): the link must start with http:// or https://".
 */
import * as v from 'valibot';
import {
  ClaimSchema,
  EntitySchema,
  type FactPack,
  FactPackSchema,
  instead,
  type Measure,
  MUST_BE_A_PACK,
  MUST_BE_AN_ENTRY,
  quoted,
  SourceSchema,
} from './schema';

export interface PackError {
  /** Where the entry is: "entities[3]", or "" for the pack itself. */
  path: string;
  entryId?: string;
  /** The field at fault, as valibot's dot path: "kind", "aliases.2", "figure.value"; "" for the whole entry. */
  field: string;
  /** The problem in that field, without the entry: "the link must start with http:// or https://". */
  problem: string;
  /** The sentence a reader sees: the entry, then the problem. */
  message: string;
}

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

type Json = Record<string, unknown>;
type Section = 'sources' | 'entities' | 'claims';

/** Validates a whole pack: ok only if every entry is valid and every reference resolves within it. */
export function validatePack(input: unknown): PackValidation {
  const { pack, errors } = checkEntries(input);
  return errors.length === 0 ? { ok: true, pack } : { ok: false, errors };
}

/**
 * Checks a pack entry by entry: returns the valid entries and one error per problem. References may
 * also resolve against `context` (e.g. the bundled pack), so a reader's pack can cite bundled sources.
 */
export function checkEntries(input: unknown, context?: FactPack): PackCheck {
  const checks = planChecks(input, context);
  for (const step of checks.steps) step();
  return checks.result();
}

/** The checks `checkEntries` runs on `input`, as steps that have not run yet. */
export function planChecks(input: unknown, context?: FactPack): EntryChecks {
  const errors: PackError[] = [];
  const top = readTop(input, errors);
  const sources = new ListCheck('sources', SourceSchema, errors, []);
  const sourceRefs = new Refs(sources, context?.sources);
  const entities = new ListCheck('entities', EntitySchema, errors, [['sourceIds', sourceRefs]]);
  const entityRefs = new Refs(entities, context?.entities);
  const claims = new ListCheck('claims', ClaimSchema, errors, [
    ['subjects', entityRefs],
    ['sourceId', sourceRefs],
  ]);
  return {
    steps: [
      ...sources.steps(top.sources),
      ...entities.steps(top.entities),
      ...claims.steps(top.claims),
    ],
    result: () => ({
      pack: {
        format: 1,
        ...(top.name === undefined ? {} : { name: top.name }),
        sources: sources.valid,
        entities: entities.valid,
        claims: claims.valid,
        ...(top.measures === undefined ? {} : { measures: top.measures }),
      },
      errors,
    }),
  };
}

const anyList = v.array(v.unknown(), instead('must be a list'));
/** The pack with its lists unchecked: entries are checked one by one, in slices. */
const PackTopSchema = v.strictObject(
  { ...FactPackSchema.entries, sources: anyList, entities: anyList, claims: anyList },
  FactPackSchema.message,
);

interface Top {
  name?: string;
  sources: unknown[];
  entities: unknown[];
  claims: unknown[];
  /** Few and small: checked with the pack's own fields, not entry by entry. */
  measures?: Measure[];
}

/** The pack's own fields; a list that is not a list reads as empty (and is reported). */
function readTop(input: unknown, errors: PackError[]): Top {
  const where = { path: '', label: 'The file' };
  const parsed = parseRecord(PackTopSchema, input, where);
  if (parsed.success) return parsed.output;
  errors.push(...parsed.errors);
  const fields: Json = isRecord(input) ? input : {};
  const list = (key: Section) => {
    const value = own(fields, key);
    return Array.isArray(value) ? value : [];
  };
  const name = own(fields, 'name');
  return {
    ...(typeof name === 'string' ? { name } : {}),
    sources: list('sources'),
    entities: list('entities'),
    claims: list('claims'),
  };
}

/** The schema parts the messages need to walk: an object's fields, an optional's inner schema. */
interface SchemaNode {
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
}

const NOUNS: Record<Section, string> = { sources: 'Source', entities: 'Entity', claims: 'Claim' };
/** The field that names an entry for a reader, before its id. */
const LABEL_FIELDS: Record<Section, string> = {
  sources: 'title',
  entities: 'name',
  claims: 'statement',
};

/** One list checked entry by entry: its valid entries, and the ids of entries that failed. */
class ListCheck<T extends { id: string }> {
  readonly valid: T[] = [];
  readonly validIds = new Set<string>();
  readonly invalidIds = new Set<string>();
  private readonly firstIndex = new Map<string, number>();

  constructor(
    private readonly list: Section,
    private readonly schema: v.GenericSchema<unknown, T>,
    private readonly errors: PackError[],
    /** Fields holding ids of other entries, and where those ids must resolve. */
    private readonly references: [string, Refs][],
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
    for (const [field, refs] of this.references) {
      entryErrors.push(...refs.problems(fields, field, where));
    }
    const saidOnce = onePerField(entryErrors);
    if (parsed.success && saidOnce.length === 0) {
      this.valid.push(parsed.output);
      this.validIds.add(parsed.output.id);
    } else if (id !== undefined && earlier === undefined) this.invalidIds.add(id);
    this.errors.push(...saidOnce);
  }
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
  ) {
    this.context = new Set(context.map((entry) => entry.id));
  }

  /** What is wrong with the ids in `field` of an entry (a list of ids, or one id). */
  problems(fields: Json, field: string, where: Where): PackError[] {
    const value = own(fields, field);
    const ids = Array.isArray(value) ? value : [value];
    return ids.flatMap((id: unknown, i) => {
      const problem = typeof id === 'string' ? this.problem(id) : undefined;
      if (problem === undefined) return [];
      const path = Array.isArray(value) ? [field, i] : [field];
      return [
        errorAt(where, path.join('.'), `${fieldWords(path)} ${quoted(String(id))} ${problem}`),
      ];
    });
  }

  private problem(id: string): string | undefined {
    if (this.checked.validIds.has(id) || this.context.has(id)) return undefined;
    if (this.checked.invalidIds.has(id)) return 'has a problem of its own';
    return 'does not exist';
  }
}

/** Where an entry is, and how a reader recognises it: "Source 3 (“Evil”)". */
interface Where {
  path: string;
  label: string;
  entryId?: string;
}

function labelOf(list: Section, index: number, fields: Json): string {
  const label = [own(fields, LABEL_FIELDS[list]), own(fields, 'id')].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return `${NOUNS[list]} ${index + 1}${label === undefined ? '' : ` (${quoted(label.trim())})`}`;
}

/** An error about the file as a whole (not JSON, not saved): its problem is the whole message. */
export function fileError(problem: string): PackError {
  return { path: '', field: '', problem, message: problem };
}

function errorAt(where: Where, field: string, problem: string): PackError {
  return {
    path: where.path,
    ...(where.entryId === undefined ? {} : { entryId: where.entryId }),
    field,
    problem,
    // A problem with the whole entry reads on from its label: "Claim 2 must be an object, not null".
    message: field === '' ? `${where.label} ${problem}` : `${where.label}: ${problem}`,
  };
}

/**
 * `input` checked by an object schema, with problems as errors. A list is not an object here
 * (valibot's objects accept arrays, whose fields would then all be "missing").
 */
function parseRecord<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
  where: Where,
): { success: true; output: T } | { success: false; errors: PackError[] } {
  if (Array.isArray(input)) {
    const expected = where.path === '' ? MUST_BE_A_PACK : MUST_BE_AN_ENTRY;
    return { success: false, errors: [errorAt(where, '', instead(expected)({ input }))] };
  }
  const parsed = v.safeParse(schema, input);
  return parsed.success
    ? { success: true, output: parsed.output }
    : { success: false, errors: describeIssues(parsed.issues, where, schema) };
}

/** valibot's issues for one entry (checked with `schema`) as errors in a reader's words. */
function describeIssues(
  issues: readonly v.BaseIssue<unknown>[],
  where: Where,
  schema: v.GenericSchema,
): PackError[] {
  return issues.flatMap((issue) => {
    const keys = (issue.path ?? []).map((item) => item.key as string | number);
    const last = issue.path?.at(-1);
    if (last?.origin !== 'key') {
      const problem = keys.length > 0 ? `${fieldWords(keys)} ${issue.message}` : issue.message;
      return [errorAt(where, keys.join('.'), problem)];
    }
    if (issue.expected !== 'never') {
      const verb = PLURAL_FIELDS.has(String(keys.at(-1))) ? 'are' : 'is';
      return [errorAt(where, keys.join('.'), `${fieldWords(keys)} ${verb} missing`)];
    }
    // valibot names the first unknown field of an object; name them all at once.
    const parent = keys.slice(0, -1);
    const allowed = fieldsAt(schema, parent);
    const unknown = isRecord(last.input) ? Object.keys(last.input) : [];
    return unknown
      .filter((key) => !allowed.includes(key))
      .map((key) =>
        errorAt(
          where,
          [...parent, key].join('.'),
          `${quoted(key)} is not part of the format (allowed here: ${allowed.join(', ')})`,
        ),
      );
  });
}

/** The fields the object at `keys` inside `schema` may have. */
function fieldsAt(schema: v.GenericSchema, keys: (string | number)[]): string[] {
  // Object schemas have `entries`, optional ones `wrapped`: all this walk needs of valibot's types.
  let node = schema as SchemaNode | undefined;
  for (const key of keys) {
    node = node?.entries?.[key];
    while (node?.wrapped) node = node.wrapped;
  }
  return Object.keys(node?.entries ?? {});
}

const FIELD_WORDS: Record<string, string> = {
  format: 'the format',
  name: 'the name',
  sources: 'the sources',
  entities: 'the entities',
  claims: 'the claims',
  measures: 'the measures',
  label: 'the label',
  id: 'the id',
  title: 'the title',
  publisher: 'the publisher',
  url: 'the link',
  published: 'the date published',
  kind: 'the kind',
  aliases: 'the aliases',
  summary: 'the summary',
  sourceIds: 'the sources',
  generic: '“generic”',
  statement: 'the statement',
  subjects: 'the subjects',
  sourceId: 'the source',
  evidence: 'the quote',
  attributedTo: 'who said it',
  when: 'the date',
  figure: 'the figure',
  measure: 'the measure',
};
const PLURAL_FIELDS = new Set([
  'sources',
  'entities',
  'claims',
  'aliases',
  'sourceIds',
  'subjects',
]);
/** One item of a list field: "alias 2", "source 1". */
const ITEM_WORDS: Record<string, string> = {
  aliases: 'alias',
  sourceIds: 'source',
  subjects: 'subject',
  measures: 'measure',
};

/** A field path in words: "the link", "alias 2", "the figure's value". */
function fieldWords(keys: (string | number)[]): string {
  const [first = '', second] = keys.map(String);
  if (typeof keys[1] === 'number') return `${ITEM_WORDS[first] ?? 'item'} ${keys[1] + 1}`;
  if (second !== undefined) return `${FIELD_WORDS[first] ?? quoted(first)}’s ${second}`;
  return FIELD_WORDS[first] ?? quoted(first);
}

/** The first error about each field: one wrong value is one message. */
function onePerField(errors: PackError[]): PackError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (seen.has(error.field)) return false;
    seen.add(error.field);
    return true;
  });
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: an inherited or `__proto__`-planted value is never read as a field. */
function own(fields: Json, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}
