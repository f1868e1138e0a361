/** What the queue's Redis says about keeping keys under memory pressure. */
export type EvictionCheck =
  | { state: 'safe'; policy: 'noeviction' }
  | { state: 'evicting'; policy: string }
  | { state: 'unknown'; reason: string };

/**
 * Judges a `CONFIG GET maxmemory-policy` answer. Every policy but `noeviction` may delete keys: the `volatile-*`
 * ones too, since every job key carries a TTL. BullMQ's own keys and a job's spec or chunks, once evicted, leave
 * the job stuck without an error.
 */
export function judgeEvictionPolicy(answer: Record<string, string> | string[] | null | undefined): EvictionCheck {
  const policy = Array.isArray(answer) ? answer[answer.indexOf('maxmemory-policy') + 1] : answer?.['maxmemory-policy'];
  if (typeof policy !== 'string' || policy === '') return { state: 'unknown', reason: 'CONFIG GET maxmemory-policy gave no answer' };
  return policy === 'noeviction' ? { state: 'safe', policy } : { state: 'evicting', policy };
}

export function evictionWarning(check: EvictionCheck): string | null {
  if (check.state !== 'evicting') return null;
  return (
    `the bulk queue's Redis has maxmemory-policy ${check.policy}: under memory pressure it can delete queued chunks and job results, ` +
    'leaving jobs stuck; give the queue a Redis with maxmemory-policy noeviction and appendonly yes (QUEUE_REDIS_URL)'
  );
}
