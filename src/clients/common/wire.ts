import { isNodePubkey } from '../../common/validation/pubkey';
import { MalformedResponseError } from './malformed-response.error';

/**
 * Readers for upstream JSON: each returns the value with its TypeScript type or throws a
 * {@link MalformedResponseError} naming the path. Mappers use them instead of casts, so a changed upstream
 * shape fails loudly as `malformed` instead of producing `undefined` deep inside a domain object.
 */
export type Json = unknown;

export function obj(v: Json, where: string): Record<string, Json> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new MalformedResponseError(where, 'an object');
  return v as Record<string, Json>;
}

/** An object, or null when the field is absent or null. */
export function optObj(v: Json, where: string): Record<string, Json> | null {
  return v === undefined || v === null ? null : obj(v, where);
}

export function arr(v: Json, where: string): Json[] {
  if (!Array.isArray(v)) throw new MalformedResponseError(where, 'an array');
  return v;
}

export function str(v: Json, where: string): string {
  if (typeof v !== 'string') throw new MalformedResponseError(where, 'a string');
  return v;
}

/** A string, or null when the field is absent or null. */
export function optStr(v: Json, where: string): string | null {
  return v === undefined || v === null ? null : str(v, where);
}

export function bool(v: Json, where: string): boolean {
  if (typeof v !== 'boolean') throw new MalformedResponseError(where, 'a boolean');
  return v;
}

/** A JSON number (never a string). */
export function num(v: Json, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new MalformedResponseError(where, 'a number');
  return v;
}

export function optNum(v: Json, where: string): number | null {
  return v === undefined || v === null ? null : num(v, where);
}

/** A JSON number or a decimal string (MySQL DECIMAL sums in mempool, e.g. `"31505027"`). */
export function numeric(v: Json, where: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // eslint-disable-next-line security/detect-unsafe-regex -- one optional group, no nested repetition: linear
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  throw new MalformedResponseError(where, 'a number or a decimal string');
}

export function optNumeric(v: Json, where: string): number | null {
  return v === undefined || v === null ? null : numeric(v, where);
}

/**
 * A protobuf 64-bit integer as LND's REST proxy writes it: a decimal string (numbers are accepted too).
 * Values beyond Number.MAX_SAFE_INTEGER are refused rather than silently rounded.
 */
export function int64(v: Json, where: string): number {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^-?\d+$/.test(v)) n = Number(v);
  else throw new MalformedResponseError(where, 'an integer or a decimal integer string');
  if (!Number.isSafeInteger(n)) throw new MalformedResponseError(where, 'an integer within ±2^53');
  return n;
}

/** A uint64 identifier kept as a decimal string (LND channel ids exceed 2^53). */
export function uint64String(v: Json, where: string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^\d+$/.test(v)) return v;
  throw new MalformedResponseError(where, 'an unsigned decimal integer string');
}

export function pubkey(v: Json, where: string): string {
  const s = typeof v === 'string' ? v.toLowerCase() : v;
  if (!isNodePubkey(s)) throw new MalformedResponseError(where, 'a node pubkey');
  return s;
}

/** The single element of a one-row nested table (R/plumber serialises those as one-element arrays). */
export function single(v: Json, where: string): Record<string, Json> {
  if (Array.isArray(v)) {
    if (v.length !== 1) throw new MalformedResponseError(where, 'a one-element array');
    return obj(v[0], `${where}[0]`);
  }
  return obj(v, where);
}
