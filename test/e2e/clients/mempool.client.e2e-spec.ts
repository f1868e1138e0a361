import { MempoolClient } from '../../../src/clients/mempool/mempool.client';
import { UpstreamMetrics } from '../../../src/clients/common/upstream-metrics.service';
import { UpstreamError } from '../../../src/clients/common/upstream.error';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { LogCapture } from '../../doubles/log-capture';
import { MEMPOOL_CHANNEL_COUNT, MEMPOOL_NODE, mempoolDouble } from '../../doubles/mempool.double';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';

describe(MempoolClient.name, () => {
  new LogCapture().install();
  let double: FakeUpstream;
  let metrics: UpstreamMetrics;
  const clients: MempoolClient[] = [];
  const make = (baseUrl: string | null = `${double.url}/api`) => {
    const c = new MempoolClient({ baseUrl, timeoutMs: 2000 }, metrics, { mempool: { initialDelayMs: 5, maxDelayMs: 20, breakerThreshold: 2 } });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    double = mempoolDouble();
    await double.start();
  });
  afterAll(async () => {
    clients.forEach((c) => c.onModuleDestroy());
    await double.stop();
  });
  beforeEach(() => {
    double.reset();
    metrics = new UpstreamMetrics();
  });

  it('maps node details (DECIMAL capacity as a string, sockets list, localised names)', async () => {
    expect(await make().getNode(MEMPOOL_NODE)).toEqual({
      pubkey: MEMPOOL_NODE,
      alias: 'Red.de.Rayos',
      color: '#68f442',
      firstSeen: 1521504055,
      updatedAt: 1661869523,
      sockets: ['84.44.203.181:9735'],
      activeChannelCount: 55,
      capacitySat: 31_505_027,
      openedChannelCount: 55,
      closedChannelCount: 111,
      asNumber: 8422,
      asOrganization: 'NetCologne GmbH',
      isoCode: 'DE',
      country: 'Germany',
      city: 'Cologne',
    });
    expect(double.requests[0].path).toBe(`/api/v1/lightning/nodes/${MEMPOOL_NODE}`);
  });

  it('maps the 500 mempool answers for an unknown node to null: not retried, breaker untouched', async () => {
    const c = make();
    for (let i = 0; i < 4; i++) expect(await c.getNode(ACINQ)).toBeNull();
    expect(double.requests).toHaveLength(4);
    expect(c.breakerState).toBe('closed');
    expect(metrics.snapshot().upstreams.mempool).toMatchObject({ calls: 4, not_found: 4, errors: 0, retries: 0 });
  });

  it('reads one page of channels with the total from X-Total-Count', async () => {
    const page = await make().getChannelsPage(MEMPOOL_NODE, { index: 10 });
    expect(page.total).toBe(MEMPOOL_CHANNEL_COUNT);
    expect(page.index).toBe(10);
    expect(page.channels).toHaveLength(10);
    expect(double.requests[0].query.toString()).toBe(`public_key=${MEMPOOL_NODE}&status=open&index=10`);
  });

  it('pages through all channels until the total', async () => {
    const list = await make().getChannels(MEMPOOL_NODE);
    expect(list).toMatchObject({ total: MEMPOOL_CHANNEL_COUNT, complete: true });
    expect(list.channels).toHaveLength(MEMPOOL_CHANNEL_COUNT);
    expect(double.requests.map((r) => r.query.get('index'))).toEqual(['0', '10', '20']);
    expect(list.channels[0]).toEqual({
      id: '826130156244172801',
      shortId: '751361x1324x1',
      status: 'active',
      capacitySat: 59_200_000,
      feeRatePpm: 1,
      closingDate: null,
      closingReason: null,
      peer: { pubkey: '032fe854a231aeb2357523ee6ca263ae04ce53eee8a13767ecbb911b69fefd8ace', alias: 'ipayblue.com', channelCount: 65, capacitySat: 856_675_361 },
    });
  });

  it('stops at maxPages and says so', async () => {
    const list = await make().getChannels(MEMPOOL_NODE, { maxPages: 2 });
    expect(list).toMatchObject({ total: MEMPOOL_CHANNEL_COUNT, complete: false });
    expect(list.channels).toHaveLength(20);
  });

  it('returns an empty list for a node without channels', async () => {
    expect(await make().getChannels(ACINQ)).toEqual({ channels: [], total: 0, complete: true });
  });

  it('maps network statistics (latest, and no previous row)', async () => {
    const s = await make().getNetworkStats();
    expect(s.previous).toBeNull();
    expect(s.latest).toMatchObject({ nodeCount: 15851, channelCount: 81690, totalCapacitySat: 460_820_222_344, medFeeRatePpm: 40, avgBaseFeeMsat: 915 });
  });

  it('rate limiting (nginx 429, no Retry-After) is retried, then surfaces as rate_limited', async () => {
    double.inject({ type: 'status', status: 429, text: '<html>429 Too Many Requests</html>', headers: { 'content-type': 'text/html' } }, 5);
    const err = (await make().getNetworkStats().catch((e) => e)) as UpstreamError;
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ kind: 'rate_limited', status: 429, attempts: 3 });
  });

  it('is not configured without MEMPOOL_BASE_URL; probes statistics/latest otherwise', async () => {
    expect(await make(null).probe()).toBe('not_configured');
    expect((await make(null).getNode(MEMPOOL_NODE).catch((e) => e)).kind).toBe('not_configured');
    expect(await make().probe()).toBe('connected');
  });
});
