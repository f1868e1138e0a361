import type { MempoolChannelWire, MempoolLatestStatsWire, MempoolNodeWire } from '../../src/clients/mempool/mempool.wire';
import { FakeUpstream, router } from './fake-upstream';

/** The node in mempool's API documentation example (Red.de.Rayos). */
export const MEMPOOL_NODE = '033ac2f9f7ff643c235cc247c521663924aff73b26b38118a6c6821460afcde1b3';
export const MEMPOOL_CHANNEL_COUNT = 23;

export const MEMPOOL_NODE_WIRE: MempoolNodeWire = {
  public_key: MEMPOOL_NODE, alias: 'Red.de.Rayos', first_seen: 1521504055, updated_at: 1661869523, color: '#68f442', sockets: '84.44.203.181:9735',
  as_number: 8422, city_id: 2886242, country_id: 2921044, subdivision_id: 2861876, longitude: 6.9489, latitude: 50.9298, iso_code: 'DE', as_organization: 'NetCologne GmbH',
  city: { en: 'Cologne' }, country: { en: 'Germany' }, subdivision: { en: 'North Rhine-Westphalia' }, features: null, featuresBits: null,
  active_channel_count: 55, capacity: '31505027', opened_channel_count: 55, closed_channel_count: 111, custom_records: {},
};

/** The real `statistics/latest` body quoted in gateio/proof-of-reserves #154 (2022). */
export const MEMPOOL_STATS_WIRE: MempoolLatestStatsWire = {
  latest: {
    id: 163, added: '2022-08-30T00:00:00.000Z', channel_count: 81690, node_count: 15851, total_capacity: 460820222344, tor_nodes: 11455, clearnet_nodes: 2305, unannounced_nodes: 974,
    avg_capacity: 5641085, avg_fee_rate: 497, avg_base_fee_mtokens: 915, med_capacity: 1500000, med_fee_rate: 40, med_base_fee_mtokens: 100, clearnet_tor_nodes: 1117,
  },
};

/** 23 open channels of MEMPOOL_NODE, largest first (the first one is the docs example). */
export function mempoolChannels(): MempoolChannelWire[] {
  const out: MempoolChannelWire[] = [];
  for (let i = 0; i < MEMPOOL_CHANNEL_COUNT; i++) {
    const peer = `03${(i + 1).toString(16).padStart(2, '0').repeat(32)}`;
    out.push({
      status: i % 7 === 6 ? 0 : 1, closing_reason: null, closing_date: null, capacity: 59_200_000 - i * 1_000_000, short_id: `751361x${1324 + i}x1`, id: (826130156244172801n + BigInt(i) * 65536n).toString(),
      fee_rate: i === 0 ? 1 : 10 * i, node: i === 0
        ? { alias: 'ipayblue.com', public_key: '032fe854a231aeb2357523ee6ca263ae04ce53eee8a13767ecbb911b69fefd8ace', channels: 65, capacity: '856675361' }
        : { alias: `peer-${i}`, public_key: peer, channels: 10 + i, capacity: String(100_000_000 + i) },
    });
  }
  return out;
}

/**
 * `extraChannels` gives channel lists (any status; sorted as given) for other nodes, by pubkey.
 *
 * mempool's Lightning API as ../shared/upstreams/mempool-lightning.md describes it, served under `/api` (so the
 * base URL is `<double>/api`): unknown node → 500 `{"error":"Failed to get node"}`; channel pages of 10 with
 * X-Total-Count; DECIMAL sums as strings; 400s for missing or bad parameters.
 */
export function mempoolDouble(extraNodes: MempoolNodeWire[] = [], extraChannels: Record<string, MempoolChannelWire[]> = {}): FakeUpstream {
  const channels = mempoolChannels();
  const nodes = new Map([MEMPOOL_NODE_WIRE, ...extraNodes].map((n) => [n.public_key, n]));
  return new FakeUpstream(
    router(
      [
        ['GET', /^\/api\/v1\/lightning\/statistics\/latest$/, () => ({ status: 200, json: MEMPOOL_STATS_WIRE })],
        ['GET', /^\/api\/v1\/lightning\/nodes\/([0-9a-fA-F]+)$/, (_req, m) =>
          nodes.has(m[1]) ? { status: 200, json: nodes.get(m[1]) } : { status: 500, json: { error: 'Failed to get node' } }],
        ['GET', /^\/api\/v1\/lightning\/channels$/, (req) => {
          const pk = req.query.get('public_key');
          if (!pk) return { status: 400, text: 'Missing parameter: public_key' };
          const status = req.query.get('status');
          if (!status || !['open', 'active', 'closed'].includes(status)) return { status: 400, json: { error: 'Invalid status' } };
          const index = Number(req.query.get('index') ?? 0);
          if (index < -1) return { status: 400, json: { error: 'Invalid index' } };
          const own = pk === MEMPOOL_NODE ? channels : (extraChannels[pk] ?? []);
          const all = own.filter((c) => (status === 'closed' ? c.status === 2 : status === 'active' ? c.status === 1 : c.status !== 2));
          return { status: 200, json: all.slice(index, index + 10), headers: { 'X-Total-Count': String(all.length) } };
        }],
      ],
      { status: 404, text: 'Not Found' },
    ),
  );
}
