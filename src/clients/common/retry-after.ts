/**
 * Parses an HTTP `Retry-After` value (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Returns the
 * wait in milliseconds (0 for a date in the past), capped at `capMs`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | string[] | undefined, capMs: number, now = Date.now()): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  let ms: number;
  if (/^\d+$/.test(v)) {
    ms = Number(v) * 1000;
  } else {
    const at = Date.parse(v);
    // Date.parse also accepts things like "2" or ISO strings; an HTTP-date always names a weekday or month.
    if (Number.isNaN(at) || !/[A-Za-z]{3}/.test(v)) return undefined;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, capMs);
}
