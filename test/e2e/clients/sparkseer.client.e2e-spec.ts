import { SparkseerClient } from '../../../src/clients/sparkseer/sparkseer.client';
import { UpstreamMetrics } from '../../../src/clients/common/upstream-metrics.service';
import { UpstreamError } from '../../../src/clients/common/upstream.error';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { LogCapture, everyRendering } from '../../doubles/log-capture';
import { SPARKSEER_DOCS_PUBKEY, SPARKSEER_OWNER, sparkseerDouble } from '../../doubles/sparkseer.double';

const KEY = 'sk-sparkseer-test-key-0001';
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
/** A channel peer of SPARKSEER_OWNER in the saved suggested-fees answer. */
const OWNER_PEER = '020cd843f3128386ac5551647496d57aeb0b5259611d7ebb9314cae77115653548';

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

describe(SparkseerClient.name, () => {
  const logs = new LogCapture().install();
  let double: FakeUpstream;
  const clients: SparkseerClient[] = [];
  const make = (o: { apiKey?: string | null; nodePubkey?: string | null } = {}) => {
    const c = new SparkseerClient(
      { apiKey: o.apiKey === undefined ? KEY : o.apiKey, baseUrl: double.url, nodePubkey: o.nodePubkey === undefined ? SPARKSEER_OWNER : o.nodePubkey, timeoutMs: 2000 },
      new UpstreamMetrics(),
      { sparkseer: { initialDelayMs: 5, maxDelayMs: 20, probeCacheMs: 100 } },
    );
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    double = sparkseerDouble({ keys: { [KEY]: SPARKSEER_OWNER } });
    await double.start();
  });
  afterAll(async () => {
    clients.forEach((c) => c.onModuleDestroy());
    await double.stop();
  });
  beforeEach(() => {
    double.reset();
    logs.clear();
  });

  describe('keyless statistics', () => {
    it('reads the whole network time series from the saved real answer, without sending the key', async () => {
      const series = await make().getNetworkSummarySeries();
      expect(series).toHaveLength(5603);
      expect(series[0]).toEqual({ time: 1616761983, nodeCount: 10398, channelCount: 41678, totalCapacitySat: 115878705040 });
      expect(series[series.length - 1]).toMatchObject({ nodeCount: 16522, channelCount: 54096, totalCapacitySat: 509836157128 });
      expect(double.requests[0].headers['api-key']).toBeUndefined();
    });

    it('works without any key', async () => {
      const c = make({ apiKey: null });
      expect(c.configured).toBe(false);
      const cent = await c.getCentralities();
      expect(cent).toEqual({
        graphTimestamp: 1592312018,
        nodes: [{ pubkey: SPARKSEER_DOCS_PUBKEY, betweenness: 420, betweennessWeighted: 420, closeness: 69, closenessWeighted: 69, eigenvector: 21, eigenvectorWeighted: 21 }],
      });
    });
  });

  describe('current-stats (key)', () => {
    it('sends the key as the api-key header and maps the one-element array the live API returns', async () => {
      const s = await make().getNodeStats(SPARKSEER_DOCS_PUBKEY);
      expect(double.requests[0].headers['api-key']).toBe(KEY);
      expect(double.requests[0].headers['x-api-key']).toBeUndefined();
      expect(double.requests[0].headers.authorization).toBeUndefined();
      expect(s).toMatchObject({ pubkey: SPARKSEER_DOCS_PUBKEY, totalCapacitySat: 210_000_000, numChannels: 69, meanChannelCapacitySat: 21000000.42, ranks: { betweenness: 420 }, htlcResponseTimeMean: 2.69 });
    });

    it('also accepts the bare object the docs show', async () => {
      const objDouble = sparkseerDouble({ keys: { [KEY]: SPARKSEER_OWNER }, currentStatsShape: 'object' });
      await objDouble.start();
      const c = new SparkseerClient({ apiKey: KEY, baseUrl: objDouble.url, nodePubkey: null, timeoutMs: 2000 }, new UpstreamMetrics());
      try {
        expect((await c.getNodeStats(SPARKSEER_DOCS_PUBKEY))?.numChannels).toBe(69);
      } finally {
        c.onModuleDestroy();
        await objDouble.stop();
      }
    });

    it('returns null for a node Sparkseer does not know (empty array or 404)', async () => {
      expect(await make().getNodeStats(ACINQ)).toBeNull();
      const d404 = sparkseerDouble({ keys: { [KEY]: SPARKSEER_OWNER }, unknownNode: '404' });
      await d404.start();
      const c = new SparkseerClient({ apiKey: KEY, baseUrl: d404.url, nodePubkey: null, timeoutMs: 2000 }, new UpstreamMetrics());
      try {
        expect(await c.getNodeStats(ACINQ)).toBeNull();
        expect(d404.requests).toHaveLength(1);
      } finally {
        c.onModuleDestroy();
        await d404.stop();
      }
    });

    it('fails as not_configured without a key, before any request', async () => {
      expect((await failure(make({ apiKey: null }).getNodeStats(ACINQ))).kind).toBe('not_configured');
      expect(double.requests).toHaveLength(0);
    });

    it('reports a refused key as auth, and never shows the key', async () => {
      const c = make({ apiKey: 'sk-wrong-key-00000000' });
      const err = await failure(c.getNodeStats(ACINQ));
      expect(err).toMatchObject({ kind: 'auth', status: 401, attempts: 1 });
      expect(err.cause?.message).toContain('API key not found');
      expect(everyRendering(err)).not.toContain('sk-wrong-key-00000000');
      expect(logs.text()).not.toContain('sk-wrong-key-00000000');
    });
  });

  describe('services: advice for the key owner only', () => {
    it('answers for the owner with the saved real answers, labelled with the owner', async () => {
      const c = make();
      const recs = await c.getChannelRecommendations(SPARKSEER_OWNER);
      expect(recs?.ownerPubkey).toBe(SPARKSEER_OWNER);
      expect(recs?.items).toHaveLength(15);
      expect(recs?.items[0]).toEqual({
        peerPubkey: '02016a19c7443418d00b1603c3ddefd5c932c8a296859e7e78aff10ed297c87213',
        gainInBetweennessRank: 988,
        gainInClosenessRank: 517,
        gainInEigenvectorRank: 383,
        minimumViableCapacitySat: 1_000_000,
        idealCapacitySat: 5_000_000,
        passiveFeePpm: 16,
        activeFeePpm: 123,
      });
      const fees = await c.getSuggestedFees(SPARKSEER_OWNER.toUpperCase());
      expect(fees?.items[0]).toEqual({ peerPubkey: OWNER_PEER, passiveFeeRatePpm: 7, activeFeeRatePpm: 60 });
      const liq = await c.getOutboundLiquidityValue(SPARKSEER_OWNER);
      expect(liq?.items[0]).toEqual({ peerPubkey: OWNER_PEER, currentOutboundFeePpm: 100, passiveStrategyPpmPercentile: 83.3, activeStrategyPpmPercentile: 57.8 });
      expect(double.requests.every((r) => r.headers['api-key'] === KEY)).toBe(true);
    });

    it('returns null for any other node, without calling Sparkseer', async () => {
      const c = make();
      expect(await c.getChannelRecommendations(ACINQ)).toBeNull();
      expect(await c.getSuggestedFees(ACINQ)).toBeNull();
      expect(await c.getOutboundLiquidityValue(ACINQ)).toBeNull();
      expect(double.requests).toHaveLength(0);
    });

    it('returns null when the owner is not configured (no answer names it)', async () => {
      const c = make({ nodePubkey: null });
      expect(c.ownerPubkey).toBeNull();
      expect(await c.getSuggestedFees(SPARKSEER_OWNER)).toBeNull();
      expect(double.requests).toHaveLength(0);
    });

    it('refuses an answer that lists the configured owner as a peer (the key belongs to another node)', async () => {
      const c = make({ nodePubkey: OWNER_PEER });
      expect(await c.getSuggestedFees(OWNER_PEER)).toBeNull();
      expect(double.requests).toHaveLength(1);
      expect(logs.at('warn').join('\n')).toContain('the API key belongs to another node');
    });
  });

  describe('probe', () => {
    it('is not_configured without a key, connected with one, disconnected when the key is refused', async () => {
      expect(await make({ apiKey: null }).probe()).toBe('not_configured');
      expect(await make().probe()).toBe('connected');
      expect(double.requests[0].path).toBe(`/v1/node/current-stats/${SPARKSEER_OWNER}`);
      expect(await make({ nodePubkey: null }).probe()).toBe('connected');
      expect(double.requests[1].path).toBe('/v1/services/suggested-fees');
      expect(await make({ apiKey: 'sk-wrong-key-00000000' }).probeReport()).toMatchObject({ state: 'disconnected', errorKind: 'auth', status: 401 });
    });
  });
});
