/**
 * Problems with a fact pack in a reader's words, each said once and naming its entry and field:
 * "Source 3 (“Evil”): the link must start with http:// or https://". The rules' own words come
 * from schema.ts and rule-words.ts; this module says where they apply.
 */
import * as v from 'valibot';
import { isRecord, type Json, own } from './json';
import { instead, MUST_BE_A_PACK, MUST_BE_AN_ENTRY, quoted } from './rule-words';
import type { PackList } from './schema';

export interface PackError {
  /** Where the entry is: "entities[3]", or "" for the pack itself. */
  path: string;
  entryId?: string;
  /** The field at fault, as valibot's dot path: "kind", "aliases.2", "figure.value"; "" for the whole entry. */
  field: string;
  /** The entry as a reader recognises it: "Source 3 (“Evil”)", or "The file". */
  entry: string;
  /** The problem in that field, without the entry: "the link must start with http:// or https://". */
  problem: string;
  /** The sentence a reader sees: the entry, then the problem. */
  message: string;
}

/** Where an entry is, and how a reader recognises it: "Source 3 (“Evil”)". */
export interface Where {
  path: string;
  label: string;
  entryId?: string;
}

export function labelOf(list: PackList, index: number, fields: Json): string {
  const label = [...LABEL_FIELDS[list], 'id']
    .map((field) => own(fields, field))
    .find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return `${NOUNS[list]} ${index + 1}${label === undefined ? '' : ` (${quoted(label.trim())})`}`;
}

/** An error about the file as a whole (not JSON, not saved): its problem is the whole message. */
export function fileError(problem: string): PackError {
  return { path: '', entry: 'The file', field: '', problem, message: problem };
}

export function errorAt(where: Where, field: string, problem: string): PackError {
  return {
    path: where.path,
    ...(where.entryId === undefined ? {} : { entryId: where.entryId }),
    entry: where.label,
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
export function parseRecord<T>(
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

/** The schema parts the messages need to walk: an object's fields, an optional's inner schema. */
interface SchemaNode {
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
}

export const NOUNS: Record<PackList, string> = {
  sources: 'Source',
  entities: 'Entity',
  claims: 'Claim',
  notes: 'Note',
};
/** The fields that name an entry for a reader, in order of preference, before its id. */
const LABEL_FIELDS: Record<PackList, string[]> = {
  sources: ['title'],
  entities: ['name'],
  claims: ['statement'],
  notes: ['text', 'quote'],
};

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
  rating: 'the rating',
  author: 'the author',
  notes: 'the notes',
  about: 'what it is about',
  text: 'the note',
  quote: 'the quote',
};
/** Fields inside a field, where "the figure’s value" would not read well. */
const NESTED_WORDS: Record<string, string> = {
  'about.kind': 'the kind of what it is about',
  'about.id': 'the entity or claim it is about',
};
const PLURAL_FIELDS = new Set([
  'sources',
  'entities',
  'claims',
  'notes',
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
export function fieldWords(keys: (string | number)[]): string {
  const [first = '', second] = keys.map(String);
  const nested = NESTED_WORDS[keys.join('.')];
  if (nested !== undefined) return nested;
  if (typeof keys[1] === 'number') return `${ITEM_WORDS[first] ?? 'item'} ${keys[1] + 1}`;
  if (second !== undefined) return `${FIELD_WORDS[first] ?? quoted(first)}’s ${second}`;
  return FIELD_WORDS[first] ?? quoted(first);
}

/** The first error about each field: one wrong value is one message. */
export function onePerField(errors: PackError[]): PackError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (seen.has(error.field)) return false;
    seen.add(error.field);
    return true;
  });
}
