import type {
  LndChannelEdgeWire,
  LndChannelFeeWire,
  LndChannelWire,
  LndFeeReportWire,
  LndForwardingEventWire,
  LndGetInfoWire,
  LndGraphWire,
  LndLightningNodeWire,
  LndNodeInfoWire,
  LndRoutingPolicyWire,
} from '../../src/clients/lnd/lnd.wire';
import { FakeUpstream, Reply, router } from './fake-upstream';

export const LND_OWN = '02778f4a4eb3a2344b9fd8ee72e7ec5f03f803e5f5273e2e1a2af508910cf2b12b';
export const LND_ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
export const LND_1ML = '0217890e3aad8d35bc054f43acc00084b25229ecff0ab68debd82883ad65ee8266';

/** LND's uint64 channel id for `BLOCKxTXxOUTPUT`. */
export const chanId = (block: number, tx: number, out: number): string => ((BigInt(block) << 40n) | (BigInt(tx) << 16n) | BigInt(out)).toString();
export const CHAN_ACINQ = chanId(790873, 1120, 1);
export const CHAN_1ML = chanId(812345, 2011, 0);

const node = (pub: string, alias: string, color: string): LndLightningNodeWire => ({
  last_update: 1732440000, pub_key: pub, alias, addresses: [{ network: 'tcp', addr: '203.0.113.5:9735' }], color, features: {}, custom_records: {},
});
const policy = (base: string, ppm: string): LndRoutingPolicyWire => ({
  time_lock_delta: 80, min_htlc: '1000', fee_base_msat: base, fee_rate_milli_msat: ppm, disabled: false, max_htlc_msat: '4950000000', last_update: 1732440000, custom_records: {}, inbound_fee_base_msat: 0, inbound_fee_rate_milli_msat: 0,
});

export const LND_NODES = [node(LND_OWN, 'my-node', '#3399ff'), node(LND_ACINQ, 'ACINQ', '#49daaa'), node(LND_1ML, '1ML.com node ALPHA', '#da3e3e')];
/** node1_pub is the lexicographically smaller pubkey, as in LND. One direction has never sent a policy. */
export const LND_EDGES: LndChannelEdgeWire[] = [
  { channel_id: CHAN_ACINQ, chan_point: `${'4f1b'.repeat(16)}:1`, last_update: 1732440000, node1_pub: LND_OWN, node2_pub: LND_ACINQ, capacity: '5000000', node1_policy: policy('1000', '100'), node2_policy: null, custom_records: {} },
  { channel_id: CHAN_1ML, chan_point: `${'9ab2'.repeat(16)}:0`, last_update: 1732440000, node1_pub: LND_1ML, node2_pub: LND_OWN, capacity: '2000000', node1_policy: policy('0', '250'), node2_policy: policy('1000', '50'), custom_records: {} },
];

const constraints = { csv_delay: 144, chan_reserve_sat: '50000', dust_limit_sat: '354', max_pending_amt_msat: '4950000000', min_htlc_msat: '1', max_accepted_htlcs: 483 };
const channel = (id: string, point: string, peer: string, capacity: string, local: string, remote: string, active: boolean): LndChannelWire => ({
  active, remote_pubkey: peer, channel_point: point, chan_id: id, capacity, local_balance: local, remote_balance: remote, commit_fee: '2810', commit_weight: '1116', fee_per_kw: '2500',
  unsettled_balance: '0', total_satoshis_sent: '912000', total_satoshis_received: '730000', num_updates: '1542', pending_htlcs: [], csv_delay: 144, private: false, initiator: true,
  chan_status_flags: 'ChanStatusDefault', commitment_type: 'ANCHORS', lifetime: '2592000', uptime: '2580000', push_amount_sat: '0', local_constraints: constraints, remote_constraints: constraints,
  peer_alias: '', alias_scids: [], zero_conf: false,
});
export const LND_CHANNELS: LndChannelWire[] = [
  channel(CHAN_ACINQ, LND_EDGES[0].chan_point, LND_ACINQ, '5000000', '3120440', '1876310', true),
  channel(CHAN_1ML, LND_EDGES[1].chan_point, LND_1ML, '2000000', '150000', '1846640', false),
];

export interface LndDoubleOptions {
  macaroonHex: string;
  tls: { key: Buffer; cert: Buffer };
  /** "Now" for the forwarding log, unix seconds. */
  nowSec: number;
  /** The node getinfo names as this LND's own (default LND_OWN), e.g. a node of the embedded graph. */
  identityPubkey?: string;
  /**
   * `/v1/fees` channel_fees in place of the default ones (LND_FEES), e.g. policies changed since the gossip the
   * graph holds, or an inbound discount already set.
   */
  channelFees?: LndChannelFeeWire[];
}

/**
 * The own channels' current policies as `/v1/fees` reports them: the 1ML channel carries a 10 ppm inbound
 * discount that the gossiped policy (inbound 0) does not show yet.
 */
export const LND_FEES: LndChannelFeeWire[] = [
  { chan_id: CHAN_ACINQ, channel_point: LND_EDGES[0].chan_point, base_fee_msat: '1000', fee_per_mil: '100', fee_rate: 0.0001, inbound_base_fee_msat: 0, inbound_fee_per_mil: 0 },
  { chan_id: CHAN_1ML, channel_point: LND_EDGES[1].chan_point, base_fee_msat: '1000', fee_per_mil: '50', fee_rate: 0.00005, inbound_base_fee_msat: 0, inbound_fee_per_mil: -10 },
];

/**
 * Forwarding log: 25 forwards in the last 24 h (fees 1,000..25,000 msat: 325,000 msat in total) and 5 older
 * ones (26-30 h ago), oldest first like LND's log.
 */
export function lndForwards(nowSec: number): LndForwardingEventWire[] {
  const events: LndForwardingEventWire[] = [];
  for (let i = 0; i < 30; i++) {
    const older = i < 5;
    const ts = older ? nowSec - (30 - i) * 3600 : nowSec - 86_000 + (i - 5) * 3000;
    const feeMsat = older ? 99_000 : (i - 4) * 1000;
    const outMsat = 250_000_000 + i;
    events.push({
      timestamp: String(ts), timestamp_ns: `${ts}000000123`, chan_id_in: CHAN_ACINQ, chan_id_out: CHAN_1ML,
      amt_in: String(Math.floor((outMsat + feeMsat) / 1000)), amt_out: String(Math.floor(outMsat / 1000)), fee: String(Math.floor(feeMsat / 1000)),
      fee_msat: String(feeMsat), amt_in_msat: String(outMsat + feeMsat), amt_out_msat: String(outMsat), peer_alias_in: '', peer_alias_out: '',
    });
  }
  return events;
}

const grpcError = (status: number, code: number, message: string): Reply => ({ status, json: { code, message, details: [] } });

/**
 * LND REST (grpc-gateway) over HTTPS with a self-signed certificate, as ../shared/upstreams/lnd-rest.md
 * describes it: snake_case fields, every field present, int64/uint64 as strings, sat vs msat as named,
 * `Grpc-Metadata-macaroon` checked (missing or wrong → 500 with gRPC code 2, LND's long-standing quirk),
 * unknown node → 404 code 5, `/v1/switch` POST paged by index_offset/num_max_events.
 */
export function lndDouble(opts: LndDoubleOptions): FakeUpstream {
  const forwards = lndForwards(opts.nowSec);
  const getinfo: LndGetInfoWire = {
    version: '0.18.3-beta commit=v0.18.3-beta', commit_hash: 'f6c8dd8d0e2f1a5c1e3c5b8d', identity_pubkey: opts.identityPubkey ?? LND_OWN, alias: 'my-node', color: '#3399ff',
    num_pending_channels: 0, num_active_channels: 1, num_inactive_channels: 1, num_peers: 2, block_height: 870123, block_hash: '00000000000000000001a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7',
    best_header_timestamp: '1732450000', synced_to_chain: true, synced_to_graph: true, testnet: false, chains: [{ chain: 'bitcoin', network: 'mainnet' }],
    uris: [`${LND_OWN}@203.0.113.5:9735`], features: { '0': { name: 'data-loss-protect', is_required: true, is_known: true } }, require_htlc_interceptor: false, store_final_htlc_resolutions: false,
  };
  const fees: LndFeeReportWire = {
    channel_fees: opts.channelFees ?? LND_FEES,
    day_fee_sum: '325', week_fee_sum: '820', month_fee_sum: '1290',
  };
  const handler = router(
    [
      ['GET', /^\/v1\/getinfo$/, () => ({ status: 200, json: getinfo })],
      ['GET', /^\/v1\/graph$/, () => ({ status: 200, json: { nodes: LND_NODES, edges: LND_EDGES } satisfies LndGraphWire })],
      ['GET', /^\/v1\/graph\/node\/([0-9a-f]{66})$/, (req, m) => {
        const n = LND_NODES.find((x) => x.pub_key === m[1]);
        if (!n) return grpcError(404, 5, 'unable to find node');
        const edges = LND_EDGES.filter((e) => e.node1_pub === n.pub_key || e.node2_pub === n.pub_key);
        const info: LndNodeInfoWire = {
          node: n, num_channels: edges.length, total_capacity: String(edges.reduce((s, e) => s + Number(e.capacity), 0)),
          channels: req.query.get('include_channels') === 'true' ? edges : [],
        };
        return { status: 200, json: info };
      }],
      ['GET', /^\/v1\/channels$/, (req) => ({ status: 200, json: { channels: req.query.get('active_only') === 'true' ? LND_CHANNELS.filter((c) => c.active) : LND_CHANNELS } })],
      ['GET', /^\/v1\/fees$/, () => ({ status: 200, json: fees })],
      ['POST', /^\/v1\/switch$/, (req) => {
        const b = JSON.parse(req.body || '{}') as { start_time?: string | number; end_time?: string | number; index_offset?: number; num_max_events?: number };
        const start = Number(b.start_time ?? 0);
        const end = b.end_time === undefined || Number(b.end_time) === 0 ? opts.nowSec : Number(b.end_time);
        const offset = b.index_offset ?? 0;
        const max = b.num_max_events || 100;
        const inRange = forwards.map((e, i) => ({ e, index: i + 1 })).filter(({ e }) => Number(e.timestamp) >= start && Number(e.timestamp) <= end && true);
        const page = inRange.filter(({ index }) => index > offset).slice(0, max);
        return { status: 200, json: { forwarding_events: page.map((p) => p.e), last_offset_index: page.length ? page[page.length - 1].index : offset } };
      }],
    ],
    grpcError(404, 5, 'Not Found'),
  );
  return new FakeUpstream((req) => {
    const mac = req.headers['grpc-metadata-macaroon'];
    if (typeof mac !== 'string') return grpcError(500, 2, 'expected 1 macaroon, got 0');
    if (mac.toLowerCase() !== opts.macaroonHex.toLowerCase()) return grpcError(500, 2, 'verification failed: signature mismatch after caveat verification');
    return handler(req);
  }, opts.tls);
}
