/**
 * Runtime validation of fact packs (schema.ts). Input is untrusted JSON-like data (an imported file,
 * storage): nothing here throws, nothing is copied that the format does not name, and every problem
 * becomes one PackError that says where (list, index, id), which field, and what was expected.
 */
import { isWebUrl } from '@/lib/safe-url';
import {
  type Claim,
  ENTITY_KINDS,
  type Entity,
  type FactPack,
  type Figure,
  QUALIFIERS,
  type Source,
} from './schema';

export interface PackError {
  /** Where the entry is: "entities[3]", or "" for the pack itself. */
  path: string;
  entryId?: string;
  /** The field at fault: "kind", "aliases[2]", "figure.value", or "" for the whole entry. */
  field: string;
  /** A sentence a reader understands, starting with the location. */
  message: string;
}

export type PackValidation = { ok: true; pack: FactPack } | { ok: false; errors: PackError[] };

export interface PackCheck {
  /** Only the entries that passed every check. */
  pack: FactPack;
  errors: PackError[];
}

/** Evidence is "a short verbatim phrase (~12 words)"; a little slack for hyphenated or bracketed words. */
export const MAX_EVIDENCE_WORDS = 14;

const PACK_FIELDS = ['format', 'name', 'sources', 'entities', 'claims'];
const SOURCE_FIELDS = ['id', 'title', 'publisher', 'url', 'published'];
const ENTITY_FIELDS = ['id', 'name', 'kind', 'aliases', 'summary', 'sourceIds', 'generic'];
const CLAIM_FIELDS = [
  'id',
  'statement',
  'subjects',
  'sourceId',
  'evidence',
  'attributedTo',
  'when',
  'figure',
  'measure',
];
const FIGURE_FIELDS = ['value', 'unit', 'qualifier', 'period'];

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const PERIOD = /^(?:total|past:[1-9]\d*[ym]|year:\d{4}|month:\d{4}-(?:0[1-9]|1[0-2])|since:\d{4})$/;

type Json = Record<string, unknown>;

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

/** The checks of one pack, one step per entry, so a caller can run them in slices. */
export interface EntryChecks {
  /** One step per entry (sources, then entities, then claims): run each once, in order. */
  steps: (() => void)[];
  /** What `checkEntries` returns, once every step has run. */
  result(): PackCheck;
}

/** The checks `checkEntries` runs on `input`, as steps that have not run yet. */
export function planChecks(input: unknown, context?: FactPack): EntryChecks {
  const errors: PackError[] = [];
  const top = readTop(input, errors);
  const sources = new ListCheck('sources', errors, checkSource);
  const sourceRefs = new Refs('source', sources, context?.sources);
  const entities = new ListCheck('entities', errors, (e) => checkEntity(e, sourceRefs));
  const entityRefs = new Refs('entity', entities, context?.entities);
  const claims = new ListCheck('claims', errors, (e) => checkClaim(e, entityRefs, sourceRefs));
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
      },
      errors,
    }),
  };
}

interface Top {
  name?: string;
  sources: unknown[];
  entities: unknown[];
  claims: unknown[];
}

function readTop(input: unknown, errors: PackError[]): Top {
  const top: Top = { sources: [], entities: [], claims: [] };
  if (!isRecord(input)) {
    errors.push({
      path: '',
      field: '',
      message: `pack: must be an object with format, sources, entities and claims; got ${describe(input)}`,
    });
    return top;
  }
  const fail = (field: string, problem: string) =>
    errors.push({ path: '', field, message: `pack: field ${quote(field)} ${problem}` });
  for (const key of unknownKeys(input, PACK_FIELDS)) fail(key, notInFormat(PACK_FIELDS));
  const format = own(input, 'format');
  if (format !== 1) fail('format', `must be 1; got ${describe(format)}`);
  const name = own(input, 'name');
  if (typeof name === 'string') top.name = name;
  else if (name !== undefined) fail('name', `must be a string; got ${describe(name)}`);
  for (const list of ['sources', 'entities', 'claims'] as const) {
    const value = own(input, list);
    if (Array.isArray(value)) top[list] = value;
    else fail(list, `must be a list; got ${describe(value)}`);
  }
  return top;
}

/** One list checked entry by entry: its valid entries, and the ids of entries that failed. */
class ListCheck<T extends { id: string }> {
  readonly valid: T[] = [];
  readonly validIds = new Set<string>();
  readonly invalidIds = new Set<string>();
  private readonly firstPath = new Map<string, string>();

  constructor(
    private readonly list: string,
    private readonly errors: PackError[],
    private readonly checkOne: (entry: EntryCheck) => T | undefined,
  ) {}

  /** One step per item, checking it at its index. */
  steps(items: unknown[]): (() => void)[] {
    return items.map((item, i) => () => this.check(item, i));
  }

  private check(item: unknown, index: number): void {
    const path = `${this.list}[${index}]`;
    if (!isRecord(item)) {
      this.errors.push({
        path,
        field: '',
        message: `${path}: must be an object; got ${describe(item)}`,
      });
      return;
    }
    const rawId = own(item, 'id');
    const id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : undefined;
    const entry = new EntryCheck(item, path, id);
    const earlier = id === undefined ? undefined : this.firstPath.get(id);
    if (earlier)
      entry.fail('id', `${quote(id ?? '')} is already used by ${earlier}; ids must be unique`);
    else if (id !== undefined) this.firstPath.set(id, path);
    const value = this.checkOne(entry);
    if (value && entry.errors.length === 0) {
      this.valid.push(value);
      this.validIds.add(value.id);
    } else if (id !== undefined && !earlier) this.invalidIds.add(id);
    this.errors.push(...entry.errors);
  }
}

/** One entry being checked: reads only its own fields and collects its errors. */
class EntryCheck {
  readonly errors: PackError[] = [];

  constructor(
    readonly fields: Json,
    readonly path: string,
    readonly id: string | undefined,
  ) {}

  get(field: string): unknown {
    return own(this.fields, field);
  }

  fail(field: string, problem: string): void {
    const where = this.id === undefined ? this.path : `${this.path} (id ${quote(this.id)})`;
    this.errors.push({
      path: this.path,
      ...(this.id === undefined ? {} : { entryId: this.id }),
      field,
      message: `${where}: field ${quote(field)} ${problem}`,
    });
  }

  rejectUnknown(allowed: string[], prefix = '', fields = this.fields): void {
    for (const key of unknownKeys(fields, allowed)) this.fail(prefix + key, notInFormat(allowed));
  }
}

/**
 * Ids a reference may point to: valid entries of this pack, then the context pack. Reads the list's
 * ids as they grow: references are only resolved once the list they point into has been checked.
 */
class Refs {
  private readonly context: Set<string>;

  constructor(
    readonly kind: 'source' | 'entity',
    private readonly checked: { validIds: Set<string>; invalidIds: Set<string> },
    context: { id: string }[] = [],
  ) {
    this.context = new Set(context.map((entry) => entry.id));
  }

  /** Why `id` does not resolve, or undefined if it does. */
  problem(id: string): string | undefined {
    if (this.checked.validIds.has(id) || this.context.has(id)) return undefined;
    if (this.checked.invalidIds.has(id))
      return `refers to ${this.kind} ${quote(id)}, which is itself invalid`;
    return `refers to ${this.kind} ${quote(id)}, which does not exist`;
  }
}

function checkSource(entry: EntryCheck): Source | undefined {
  entry.rejectUnknown(SOURCE_FIELDS);
  const id = requireText(entry, 'id');
  const title = requireText(entry, 'title');
  const publisher = requireText(entry, 'publisher');
  const url = optionalUrl(entry, 'url');
  const published = optionalDate(entry, 'published');
  if (id === undefined || title === undefined || publisher === undefined) return undefined;
  return {
    id,
    title,
    publisher,
    ...(url === undefined ? {} : { url }),
    ...(published === undefined ? {} : { published }),
  };
}

function checkEntity(entry: EntryCheck, sources: Refs): Entity | undefined {
  entry.rejectUnknown(ENTITY_FIELDS);
  const id = requireText(entry, 'id');
  const name = requireText(entry, 'name');
  const kind = requireOneOf(entry, 'kind', ENTITY_KINDS);
  const aliases = requireTextList(entry, 'aliases');
  // A reader's fact may have no details yet: the card then shows the name and sources only.
  const summary = requireString(entry, 'summary');
  const sourceIds = requireRefs(entry, 'sourceIds', sources);
  const generic = entry.get('generic');
  if (generic !== undefined && typeof generic !== 'boolean') {
    entry.fail('generic', `must be true or false; got ${describe(generic)}`);
  }
  if (
    id === undefined ||
    name === undefined ||
    kind === undefined ||
    aliases === undefined ||
    summary === undefined ||
    sourceIds === undefined
  ) {
    return undefined;
  }
  return {
    id,
    name,
    kind,
    aliases,
    summary,
    sourceIds,
    ...(typeof generic === 'boolean' ? { generic } : {}),
  };
}

function checkClaim(entry: EntryCheck, entities: Refs, sources: Refs): Claim | undefined {
  entry.rejectUnknown(CLAIM_FIELDS);
  const id = requireText(entry, 'id');
  const statement = requireText(entry, 'statement');
  const subjects = requireRefs(entry, 'subjects', entities);
  if (subjects?.length === 0) entry.fail('subjects', 'must name at least one entity');
  const sourceId = requireText(entry, 'sourceId');
  const sourceProblem = sourceId === undefined ? undefined : sources.problem(sourceId);
  if (sourceProblem) entry.fail('sourceId', sourceProblem);
  const evidence = requireText(entry, 'evidence');
  const words = evidence?.trim().split(/\s+/).length ?? 0;
  if (words > MAX_EVIDENCE_WORDS) {
    entry.fail(
      'evidence',
      `must be a short verbatim phrase of at most ${MAX_EVIDENCE_WORDS} words; got ${words} words`,
    );
  }
  const attributedTo = optionalText(entry, 'attributedTo');
  const when = optionalDate(entry, 'when');
  const figure = optionalFigure(entry);
  const measure = optionalText(entry, 'measure');
  if (entry.get('figure') !== undefined && entry.get('measure') === undefined) {
    entry.fail('measure', 'is missing; a claim with a figure needs a measure to be compared');
  }
  if (entry.get('figure') === undefined && measure !== undefined) {
    entry.fail('measure', 'is set but the claim has no figure to compare');
  }
  if (
    id === undefined ||
    statement === undefined ||
    subjects === undefined ||
    sourceId === undefined ||
    evidence === undefined
  ) {
    return undefined;
  }
  return {
    id,
    statement,
    subjects,
    sourceId,
    evidence,
    ...(attributedTo === undefined ? {} : { attributedTo }),
    ...(when === undefined ? {} : { when }),
    ...(figure === undefined ? {} : { figure }),
    ...(measure === undefined ? {} : { measure }),
  };
}

function optionalFigure(entry: EntryCheck): Figure | undefined {
  const raw = entry.get('figure');
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) {
    entry.fail(
      'figure',
      `must be an object with value, unit, qualifier and period; got ${describe(raw)}`,
    );
    return undefined;
  }
  entry.rejectUnknown(FIGURE_FIELDS, 'figure.', raw);
  const value = own(raw, 'value');
  const valueOk = typeof value === 'number' && Number.isFinite(value);
  if (!valueOk) entry.fail('figure.value', `must be a finite number; got ${describe(value)}`);
  const unit = own(raw, 'unit');
  const unitOk = typeof unit === 'string' && unit.trim() !== '';
  if (!unitOk) {
    entry.fail(
      'figure.unit',
      `must be a non-empty string such as "USD" or "years"; got ${describe(unit)}`,
    );
  }
  const qualifier = own(raw, 'qualifier');
  const qualifierOk = isOneOf(qualifier, QUALIFIERS);
  if (!qualifierOk) {
    entry.fail(
      'figure.qualifier',
      `must be one of ${QUALIFIERS.join(', ')}; got ${describe(qualifier)}`,
    );
  }
  const period = own(raw, 'period');
  const periodOk = typeof period === 'string' && PERIOD.test(period);
  if (!periodOk) {
    entry.fail(
      'figure.period',
      `must be "total", "past:<n>y", "past:<n>m", "year:YYYY", "month:YYYY-MM" or "since:YYYY"; got ${describe(period)}`,
    );
  }
  if (!valueOk || !unitOk || !qualifierOk || !periodOk) return undefined;
  return { value, unit, qualifier, period };
}

function requireString(entry: EntryCheck, field: string): string | undefined {
  const value = entry.get(field);
  if (typeof value === 'string') return value;
  entry.fail(
    field,
    value === undefined ? 'is missing' : `must be a string; got ${describe(value)}`,
  );
  return undefined;
}

function requireText(entry: EntryCheck, field: string): string | undefined {
  const value = entry.get(field);
  if (value === undefined) {
    entry.fail(field, 'is missing');
    return undefined;
  }
  return checkText(entry, field, value);
}

function optionalText(entry: EntryCheck, field: string): string | undefined {
  const value = entry.get(field);
  return value === undefined ? undefined : checkText(entry, field, value);
}

function checkText(entry: EntryCheck, field: string, value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  entry.fail(field, `must be a non-empty string; got ${describe(value)}`);
  return undefined;
}

function requireOneOf<T extends string>(
  entry: EntryCheck,
  field: string,
  allowed: readonly T[],
): T | undefined {
  const value = entry.get(field);
  if (isOneOf(value, allowed)) return value;
  const problem = value === undefined ? 'is missing' : `got ${describe(value)}`;
  entry.fail(field, `must be one of ${allowed.join(', ')}; ${problem}`);
  return undefined;
}

function requireTextList(entry: EntryCheck, field: string): string[] | undefined {
  const value = entry.get(field);
  if (!Array.isArray(value)) {
    entry.fail(
      field,
      value === undefined ? 'is missing' : `must be a list of strings; got ${describe(value)}`,
    );
    return undefined;
  }
  const texts: string[] = [];
  value.forEach((item: unknown, i) => {
    const text = checkText(entry, `${field}[${i}]`, item);
    if (text !== undefined) texts.push(text);
  });
  return texts.length === value.length ? texts : undefined;
}

function requireRefs(entry: EntryCheck, field: string, refs: Refs): string[] | undefined {
  const ids = requireTextList(entry, field);
  ids?.forEach((id, i) => {
    const problem = refs.problem(id);
    if (problem) entry.fail(`${field}[${i}]`, problem);
  });
  return ids;
}

function optionalUrl(entry: EntryCheck, field: string): string | undefined {
  const value = optionalText(entry, field);
  if (value === undefined) return undefined;
  if (isWebUrl(value)) return value;
  entry.fail(field, `must be an http: or https: URL; got ${describe(value)}`);
  return undefined;
}

function optionalDate(entry: EntryCheck, field: string): string | undefined {
  const value = entry.get(field);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isPartialDate(value)) return value;
  entry.fail(field, `must be a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; got ${describe(value)}`);
  return undefined;
}

function isPartialDate(text: string): boolean {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  // Day 0 of the next month is the last day of this one.
  return d >= 1 && d <= new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: an inherited or `__proto__`-planted value is never read as a field. */
function own(fields: Json, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

function unknownKeys(fields: Json, allowed: string[]): string[] {
  return Object.keys(fields).filter((key) => !allowed.includes(key));
}

function notInFormat(allowed: string[]): string {
  return `is not part of the format (allowed: ${allowed.join(', ')})`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** A short description of any value for messages; never calls the value's own methods. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
