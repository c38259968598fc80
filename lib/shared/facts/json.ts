/** Reading untrusted JSON-like values (files, storage) without trusting their shape. */

export type Json = Record<string, unknown>;

/** A plain object: not null, not a list. */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: an inherited or `__proto__`-planted value is never read as a field. */
export function own(fields: Json, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** Whether two JSON values are equal, whatever the key order of their objects. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // Both are plain JSON objects or arrays here: indexing them by their own keys is safe.
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}
