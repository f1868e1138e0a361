import type { AppCacheService } from '../../cache/app-cache.service';
import { UpstreamError } from '../../clients/common/upstream.error';
import type { OwnNodeData, OwnNodeProvider, OwnNodeSourceName } from './own-node-provider';
import { feesByChannel } from './own-node-provider';
import { OwnNodeService } from './own-node.service';

const LND_ID = '02778f4a4eb3a2344b9fd8ee72e7ec5f03f803e5f5273e2e1a2af508910cf2b12b';
const CLN_ID = '033845802d25b4e074ccfd7cd8b339a41dc75bf9978a034800444b51d42b07799a';

/** The cache surface liveValue uses, in memory. */
function memoryCache(): AppCacheService {
  const m = new Map<string, unknown>();
  return { key: (...p: string[]) => p.join(':'), get: async (k: string) => m.get(k), set: async (k: string, v: unknown) => void m.set(k, v) } as unknown as AppCacheService;
}

function provider(name: OwnNodeSourceName, id: string | Error, configured = true): OwnNodeProvider & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    name,
    configured,
    fetched,
    identity: async () => {
      if (id instanceof Error) throw id;
      return { identityPubkey: id };
    },
    fetch: async (pubkey: string): Promise<OwnNodeData> => {
      fetched.push(pubkey);
      return { source: name, identityPubkey: pubkey, channels: [], revenue24hMsat: 1, forwards24h: 1, feesByChanIdMsat: {}, windowDays: 30, complete: true };
    },
  };
}

describe('OwnNodeService: which node API describes the operator’s node', () => {
  it('with LND and Core Lightning both configured, each serves the node its getinfo reports', async () => {
    const lnd = provider('lnd', LND_ID);
    const cln = provider('cln', CLN_ID);
    const s = new OwnNodeService([lnd, cln], memoryCache());
    expect(await s.dataFor(CLN_ID, false)).toMatchObject({ source: 'cln', data: { ok: true, value: { source: 'cln', identityPubkey: CLN_ID } }, unavailable: [] });
    expect(await s.dataFor(LND_ID, false)).toMatchObject({ source: 'lnd', data: { ok: true, value: { source: 'lnd' } } });
    expect(lnd.fetched).toEqual([LND_ID]);
    expect(cln.fetched).toEqual([CLN_ID]);
  });

  it('if both claimed the same identity, LND (first in precedence) wins and Core Lightning is not asked for data', async () => {
    const lnd = provider('lnd', CLN_ID);
    const cln = provider('cln', CLN_ID);
    const r = await new OwnNodeService([lnd, cln], memoryCache()).dataFor(CLN_ID, false);
    expect(r?.source).toBe('lnd');
    expect(cln.fetched).toEqual([]);
  });

  it('another node: no data; a provider that cannot say who it is is reported, the other still serves', async () => {
    const down = new UpstreamError('lnd', 'network', { operation: 'getinfo' });
    const s = new OwnNodeService([provider('lnd', down), provider('cln', CLN_ID)], memoryCache());
    expect(await s.dataFor(LND_ID, false)).toEqual({ source: null, data: null, unavailable: [{ source: 'lnd', reason: down.message }] });
    expect((await s.dataFor(CLN_ID, false))?.source).toBe('cln');
  });

  it('nothing configured: null, and no provider is asked', async () => {
    const cln = provider('cln', CLN_ID, false);
    const s = new OwnNodeService([provider('lnd', LND_ID, false), cln], memoryCache());
    expect(s.configured).toBe(false);
    expect(await s.dataFor(CLN_ID, false)).toBeNull();
    expect(cln.fetched).toEqual([]);
  });

  it('fees per channel: a zero for every channel, forwards summed by their outgoing channel', () => {
    const ch = (chanId: string) => ({ chanId, shortChannelId: chanId, channelPoint: null, remotePubkey: CLN_ID, capacitySat: 1, localBalanceSat: 0, remoteBalanceSat: 1, active: true });
    expect(feesByChannel([ch('1x1x1'), ch('2x2x2')], [{ outChannel: '2x2x2', feeMsat: 5 }, { outChannel: '2x2x2', feeMsat: 7 }, { outChannel: null, feeMsat: 100 }, { outChannel: '9x9x9', feeMsat: 1 }])).toEqual({
      '1x1x1': 0, '2x2x2': 12, '9x9x9': 1,
    });
  });
});
