/**
 * Numbers as Lightning tools write them: LND sends int64 as decimal strings, old CLN as "1000msat".
 * Returns null for anything else, never a guessed value.
 */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  // eslint-disable-next-line security/detect-unsafe-regex -- optional groups only, no nested repetition: linear
  const m = /^(-?\d+(?:\.\d+)?)(msat)?$/.exec(v.trim());
  return m ? Number(m[1]) : null;
}
