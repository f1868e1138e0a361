import type { AppCacheService } from '../../cache/app-cache.service';
import { UpstreamError } from '../../clients/common/upstream.error';
import { LiveNodeResolver } from './live-node.resolver';
import type { LiveNode, LiveNodeSource } from './live-node.types';

const PK = '02' + 'ab'.repeat(32);

/** The cache as liveValue uses it: keys, get and set, in memory. */
function memoryCache(): AppCacheService {
  const m = new Map<string, unknown>();
  return { key: (...parts: string[]) => parts.join(':'), get: async (k: string) => m.get(k), set: async (k: string, v: unknown) => void m.set(k, v) } as unknown as AppCacheService;
}

const node = (alias: string): LiveNode => ({ pubkey: PK, alias, color: null, channels: [], updatedAt: null, complete: true, reportsPeerPolicies: false });

/** A source whose answers are scripted: a node, null (unknown), or 'fail' (an upstream error). */
function source(name: string, answers: Array<LiveNode | null | 'fail'>, configured = true): LiveNodeSource & { calls: number } {
  const s = {
    name,
    configured,
    configuredBy: `${name.toUpperCase()}_URL`,
    calls: 0,
    async lookup(): Promise<LiveNode | null> {
      const a = answers[Math.min(s.calls++, answers.length - 1)];
      if (a === 'fail') throw new UpstreamError('mempool', 'network', { operation: 'node' });
      return a;
    },
  };
  return s;
}

describe('LiveNodeResolver', () => {
  it('asks configured sources in order and answers from the first that knows the node', async () => {
    const off = source('off', [node('never')], false);
    const a = source('a', [null]);
    const b = source('b', [node('from b')]);
    const c = source('c', [node('from c')]);
    const r = await new LiveNodeResolver([off, a, b, c], memoryCache()).resolve(PK, '2026-02-03');
    expect(r).toMatchObject({ source: 'b', stale: false, fetchedAt: null, warnings: [] });
    expect(r.node.alias).toBe('from b');
    expect([off.calls, a.calls, b.calls, c.calls]).toEqual([0, 1, 1, 0]);
  });

  it('a failing source before one that knows the node: its answer, with the failure as a warning', async () => {
    const r = await new LiveNodeResolver([source('a', ['fail']), source('b', [node('b')])], memoryCache()).resolve(PK, '2026-02-03');
    expect(r.source).toBe('b');
    expect(r.warnings).toEqual([expect.stringMatching(/^live source a: mempool /)]);
  });

  it('reuses a fresh answer, and serves the last good one marked stale when the source then fails', async () => {
    const cache = memoryCache();
    const a = source('a', [node('first'), 'fail']);
    const resolver = new LiveNodeResolver([a], cache);
    await resolver.resolve(PK, '2026-02-03');
    await resolver.resolve(PK, '2026-02-03');
    expect(a.calls).toBe(1);
    const stale = await resolver.resolve(PK, '2026-02-03', false);
    expect(a.calls).toBe(2);
    expect(stale).toMatchObject({ source: 'a', stale: true, fetchedAt: expect.any(String) });
    expect(stale.node.alias).toBe('first');
    expect(stale.warnings).toEqual([expect.stringMatching(/^a data is stale \(last fetched .+\): mempool /)]);
  });

  it('404 when every configured source says unknown, 503 when one failed with nothing to serve', async () => {
    await expect(new LiveNodeResolver([source('a', [null]), source('b', [null])], memoryCache()).resolve(PK, '2026-02-03')).rejects.toMatchObject({
      code: 'NODE_NOT_FOUND',
      message: `Node ${PK} is not in the Lightning graph of 2026-02-03, and no live source knows it (asked: a, b)`,
    });
    await expect(new LiveNodeResolver([source('a', [null]), source('b', ['fail'])], memoryCache()).resolve(PK, '2026-02-03')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: expect.stringMatching(/live sources could not be asked: b: mempool /),
    });
  });

  it('no configured source: 404 naming the variables of every source', async () => {
    await expect(new LiveNodeResolver([source('a', [], false), source('b', [], false)], memoryCache()).resolve(PK, '2026-02-03')).rejects.toMatchObject({
      code: 'NODE_NOT_FOUND',
      message: expect.stringMatching(/no live source is configured to look it up: set A_URL, or B_URL$/),
    });
  });
});
