import { ProbeCache } from './probe-cache';
import { UpstreamProbeReport } from './upstream.types';

describe(ProbeCache.name, () => {
  it('shares one in-flight probe and reuses its answer for the TTL', async () => {
    let runs = 0;
    const cache = new ProbeCache(50, async (): Promise<UpstreamProbeReport> => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return { upstream: 'lnd', state: 'connected', checkedAt: new Date().toISOString(), latencyMs: 10 };
    });
    await Promise.all([cache.get(), cache.get(), cache.get()]);
    await cache.get();
    expect(runs).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    await cache.get();
    expect(runs).toBe(2);
  });
});
