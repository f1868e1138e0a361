/** A compressed secp256k1 public key as Lightning node ids are written: 33 bytes, hex, 02/03 prefix. */
const PUBKEY_RE = /^0[23][0-9a-f]{64}$/;

export function isNodePubkey(value: unknown): value is string {
  return typeof value === 'string' && PUBKEY_RE.test(value);
}

/** Explains why a value is not a node pubkey, or returns null when it is one (after lower-casing). */
export function pubkeyProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  const v = value.toLowerCase();
  if (PUBKEY_RE.test(v)) return null;
  if (v.length !== 66) return `must be 66 hexadecimal characters (got ${v.length})`;
  if (!/^[0-9a-f]+$/.test(v)) return 'must contain only hexadecimal characters 0-9 a-f';
  return 'must start with 02 or 03 (a compressed public key)';
}

/** For logs: enough of a pubkey to correlate, not the whole identifier. */
export function truncatePubkey(pubkey: string): string {
  return pubkey.length > 12 ? `${pubkey.slice(0, 8)}…${pubkey.slice(-4)}` : pubkey;
}

/** Replaces every pubkey inside a string (URL, message) by its truncated form. */
export function truncatePubkeysIn(text: string): string {
  return text.replace(/0[23][0-9a-fA-F]{64}/g, (pk) => truncatePubkey(pk));
}
