/** Who asks for a job: the fingerprint of the API key the request carried, when keys are configured. */
export interface JobRequester {
  /** True when API_KEYS is set: jobs then belong to the key that created them. */
  keysRequired: boolean;
  /** Fingerprint of the request's key (never the key itself); null without keys. */
  key: string | null;
}

/** A requester without keys configured (development, and the in-process callers). */
export const OPEN_REQUESTER: JobRequester = { keysRequired: false, key: null };

/**
 * Whether `requester` may see or cancel a job owned by `owner`. Without API_KEYS every job is everyone's, as
 * before jobs had owners. With keys, only the creating key matches; a job without a recorded owner (created
 * before owners were recorded, or while keys were off) belongs to nobody, so it fails closed: it still runs and
 * expires with its retention time, but no key can read it.
 */
export function mayAccessJob(owner: string | null | undefined, requester: JobRequester): boolean {
  if (!requester.keysRequired) return true;
  return typeof owner === 'string' && requester.key !== null && owner === requester.key;
}
