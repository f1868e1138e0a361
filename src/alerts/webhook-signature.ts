import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Signature-256';
export const TIMESTAMP_HEADER = 'X-Signature-Timestamp';

/**
 * `sha256=<hex>` of HMAC-SHA256 keyed with SECRET_KEY over `<timestamp>.<raw body>`. The timestamp (Unix
 * seconds, sent in {@link TIMESTAMP_HEADER}) is signed too, so a receiver can refuse replays of old messages.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** Receiver side: the signature matches and the timestamp is within `toleranceSeconds` of `now`. */
export function verifyWebhook(secret: string, body: string, signature: string | undefined, timestamp: string | undefined, toleranceSeconds = 300, nowMs = Date.now()): boolean {
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
