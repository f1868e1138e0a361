import type { ApiClient } from './api/client';
import type { NetworkStats } from './api/types';

/** The network distributions change only with the graph: fetched once per page load, shared by every page. */
let cached: Promise<NetworkStats> | null = null;

export function networkStats(api: ApiClient, signal: AbortSignal): Promise<NetworkStats> {
  if (!cached) {
    // Not tied to one page's signal: the next page reuses the same answer.
    cached = api.getNetworkStats().catch((err: unknown) => {
      cached = null;
      throw err;
    });
  }
  return new Promise((resolve, reject) => {
    cached!.then(resolve, reject);
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
  });
}
