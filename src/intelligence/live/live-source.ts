import { AppCacheService } from '../../cache/app-cache.service';
import { UpstreamError } from '../../clients/common/upstream.error';

/** A value from an upstream, or why there is none. */
export type LiveResult<T> =
  | { ok: true; value: T; stale: false }
  | { ok: true; value: T; stale: true; fetchedAt: string; reason: string }
  | { ok: false; reason: string };

/**
 * Cache-aside with stale-while-revalidate for one upstream answer: a fresh copy is reused for a minute; when
 * the upstream fails, the last good answer (kept a day) is served and marked stale instead of an error.
 */
export async function liveValue<T>(cache: AppCacheService, key: string, fetch: () => Promise<T>, opts: { useCache: boolean }): Promise<LiveResult<T>> {
  const freshKey = cache.key('upstream', key);
  const staleKey = cache.key('upstream_stale', key);
  if (opts.useCache) {
    const fresh = await cache.get<{ value: T }>(freshKey);
    if (fresh) return { ok: true, value: fresh.value, stale: false };
  }
  try {
    const value = await fetch();
    const fetchedAt = new Date().toISOString();
    await cache.set(freshKey, { value }, 'upstream');
    await cache.set(staleKey, { value, fetchedAt }, 'upstream_stale');
    return { ok: true, value, stale: false };
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    const last = await cache.get<{ value: T; fetchedAt: string }>(staleKey);
    if (last) return { ok: true, value: last.value, stale: true, fetchedAt: last.fetchedAt, reason: err.message };
    return { ok: false, reason: err.message };
  }
}
