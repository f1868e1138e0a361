import type { ClnErrorWire, ClnForwardWire, ClnGetInfoWire, ClnGossipChannelWire, ClnNodeWire, ClnPeerChannelWire } from '../../src/clients/cln/cln.wire';
import { FakeUpstream, RecordedRequest, Reply } from './fake-upstream';

export const CLN_OWN = '033845802d25b4e074ccfd7cd8b339a41dc75bf9978a034800444b51d42b07799a';
export const CLN_PEER_A = '038194b5f32bdf0aa59812c86c4ef7ad2f294104fa027d1ace9b469bb6f88cf37b';
export const CLN_PEER_B = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
/** Known from channels only: it never sent a node_announcement, so listnodes has its id and nothing else. */
export const CLN_SILENT = '02a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

export const SCID_A = '800000x100x0';
export const SCID_B = '810000x200x1';
export const SCID_AB = '805000x300x0';
export const SCID_SILENT = '806000x400x2';

const dir = (source: string, destination: string, scid: string, sat: number, base: number, ppm: number, lastUpdate: number, active = true): ClnGossipChannelWire => ({
  source, destination, short_channel_id: scid, direction: source < destination ? 0 : 1, public: true, amount_msat: sat * 1000, message_flags: 1, channel_flags: source < destination ? 0 : 1,
  active, last_update: lastUpdate, base_fee_millisatoshi: base, fee_per_millionth: ppm, delay: 34, htlc_minimum_msat: 1000, htlc_maximum_msat: sat * 990, features: '',
});

/** Every public channel, one entry per direction, as `listchannels` returns them; `lastUpdate` dates the graph. */
export function clnGossipChannels(lastUpdate: number): ClnGossipChannelWire[] {
  return [
    dir(CLN_OWN, CLN_PEER_A, SCID_A, 5_000_000, 1000, 100, lastUpdate),
    dir(CLN_PEER_A, CLN_OWN, SCID_A, 5_000_000, 0, 250, lastUpdate - 60),
    dir(CLN_OWN, CLN_PEER_B, SCID_B, 2_000_000, 1000, 50, lastUpdate),
    dir(CLN_PEER_B, CLN_OWN, SCID_B, 2_000_000, 1000, 900, lastUpdate - 120),
    dir(CLN_PEER_A, CLN_PEER_B, SCID_AB, 10_000_000, 500, 300, lastUpdate - 30),
    dir(CLN_PEER_B, CLN_PEER_A, SCID_AB, 10_000_000, 500, 320, lastUpdate - 30),
    dir(CLN_SILENT, CLN_PEER_A, SCID_SILENT, 1_500_000, 1000, 2000, lastUpdate - 500),
    dir(CLN_PEER_A, CLN_SILENT, SCID_SILENT, 1_500_000, 1000, 10, lastUpdate - 500, false),
  ];
}

export const CLN_NODES: ClnNodeWire[] = [
  { nodeid: CLN_OWN, alias: 'SILENTARTIST-v26.09', color: '033845', last_timestamp: 1764900000, features: '808898882a8a59a1', addresses: [{ type: 'ipv4', address: '203.0.113.7', port: 9735 }] },
  { nodeid: CLN_PEER_A, alias: 'peer-a', color: '038194', last_timestamp: 1764900100, features: '808898882a8a59a1', addresses: [] },
  { nodeid: CLN_PEER_B, alias: 'ACINQ', color: '49daaa', last_timestamp: 1764900200, features: '808898882a8a59a1', addresses: [{ type: 'dns', address: 'node.acinq.co', port: 9735 }] },
  { nodeid: CLN_SILENT },
];

const peerChannel = (peer: string, scid: string | undefined, state: string, totalSat: number, toUsMsat: number, connected: boolean, txByte: string, outnum: number): ClnPeerChannelWire => ({
  peer_id: peer, peer_connected: connected, state, ...(scid ? { short_channel_id: scid, direction: CLN_OWN < peer ? 0 : 1 } : {}),
  channel_id: txByte.repeat(32), funding_txid: txByte.repeat(32).split('').reverse().join(''), funding_outnum: outnum, private: false, opener: 'local',
  features: ['option_static_remotekey', 'option_anchors'], funding: { local_funds_msat: totalSat * 1000, remote_funds_msat: 0, pushed_msat: 0 },
  to_us_msat: toUsMsat, total_msat: totalSat * 1000, fee_base_msat: 1000, fee_proportional_millionths: scid === SCID_A ? 100 : 50,
  spendable_msat: Math.max(0, toUsMsat - 50_000_000), receivable_msat: Math.max(0, totalSat * 1000 - toUsMsat - 50_000_000), our_reserve_msat: 50_000_000, their_reserve_msat: 50_000_000,
  updates: { local: { htlc_minimum_msat: 1000, htlc_maximum_msat: totalSat * 990, cltv_expiry_delta: 34, fee_base_msat: 1000, fee_proportional_millionths: scid === SCID_A ? 100 : 50 }, remote: { htlc_minimum_msat: 1000, htlc_maximum_msat: totalSat * 990, cltv_expiry_delta: 34, fee_base_msat: 0, fee_proportional_millionths: 250 } },
  in_fulfilled_msat: 730_000_000, out_fulfilled_msat: 912_000_000, htlcs: [],
} as ClnPeerChannelWire);

/**
 * The own node's channels: A (62 % local, peer connected), B (7.5 % local: depleted, peer offline), plus a
 * closed one and one still opening (no short channel id yet), which balances must leave out.
 */
export const CLN_PEER_CHANNELS: ClnPeerChannelWire[] = [
  peerChannel(CLN_PEER_A, SCID_A, 'CHANNELD_NORMAL', 5_000_000, 3_120_440_123, true, 'a1', 0),
  peerChannel(CLN_PEER_B, SCID_B, 'CHANNELD_NORMAL', 2_000_000, 150_000_999, false, 'b2', 1),
  peerChannel(CLN_PEER_B, '700000x1x0', 'ONCHAIN', 1_000_000, 0, false, 'c3', 0),
  peerChannel(CLN_PEER_A, undefined, 'CHANNELD_AWAITING_LOCKIN', 3_000_000, 3_000_000_000, true, 'd4', 0),
];

/**
 * The forwarding log, oldest first: 5 settled forwards 26-30 h ago (99,000 msat each), then 25 settled in the
 * last 24 h (fees 1,000..25,000 msat: 325,000 msat), all out through B, with failed and local_failed forwards
 * in between that a `status: settled` query must not return.
 */
export function clnForwards(nowSec: number): ClnForwardWire[] {
  const out: ClnForwardWire[] = [];
  let index = 0;
  for (let i = 0; i < 30; i++) {
    const older = i < 5;
    const received = older ? nowSec - (30 - i) * 3600 : nowSec - 86_000 + (i - 5) * 3000;
    const fee = older ? 99_000 : (i - 4) * 1000;
    const outMsat = 250_000_000 + i;
    out.push({
      created_index: ++index, updated_index: index, in_channel: SCID_A, in_htlc_id: i, out_channel: SCID_B, out_htlc_id: i, in_msat: outMsat + fee, out_msat: outMsat, fee_msat: fee,
      status: 'settled', style: 'tlv', received_time: received + 0.25, resolved_time: received + 1.5,
    });
    if (i % 4 === 0) {
      out.push({ created_index: ++index, in_channel: SCID_A, in_htlc_id: 1000 + i, out_channel: SCID_B, in_msat: 10_000_000, out_msat: 9_999_000, fee_msat: 1000, status: 'failed', style: 'tlv', received_time: received + 2.0, resolved_time: received + 3.0, failcode: 16392, failreason: 'WIRE_PERMANENT_CHANNEL_FAILURE' });
      out.push({ created_index: ++index, in_channel: SCID_A, in_htlc_id: 2000 + i, in_msat: 10_000_000, status: 'local_failed', style: 'tlv', received_time: received + 4.0, failcode: 4103, failreason: 'WIRE_TEMPORARY_CHANNEL_FAILURE' });
    }
  }
  return out;
}

export interface ClnDoubleOptions {
  rune: string;
  tls: { key: Buffer; cert: Buffer };
  /** "Now" for the forwarding log, unix seconds. */
  nowSec: number;
  /** A second rune that only permits these methods (a restricted rune), e.g. ['getinfo']. */
  restricted?: { rune: string; methods: string[] };
  /** Replaces the gossip channels (e.g. to make a refresh see a changed graph). */
  channels?: () => ClnGossipChannelWire[];
  /** Replaces the forwarding log (oldest first, created_index ascending), e.g. a busy node's year for a bench. */
  forwards?: ClnForwardWire[];
}

const rpcError = (status: number, code: number | null, message: string): Reply => ({ status, json: { code, message, data: null } satisfies ClnErrorWire });

/**
 * Core Lightning's clnrest plugin over HTTPS with a self-signed certificate, as ../shared/upstreams/clnrest.md
 * describes it: `POST /v1/<method>` with JSON params, success **201**, msat amounts as JSON integers; the `Rune`
 * header checked (missing → 403 code 1501, not derived from the master → 401, a restricted rune used for another
 * method → 401 code 1502), GET on an RPC path → 405, unknown method → 404, bad params → 500 with the RPC code.
 */
export function clnDouble(opts: ClnDoubleOptions): FakeUpstream {
  const forwards = opts.forwards ?? clnForwards(opts.nowSec);
  const byStatus = new Map<string, ClnForwardWire[]>();
  for (const f of forwards) {
    const list = byStatus.get(f.status) ?? [];
    list.push(f);
    byStatus.set(f.status, list);
  }
  const channels = () => (opts.channels ?? (() => clnGossipChannels(opts.nowSec - 600)))();
  const getinfo: ClnGetInfoWire = {
    id: CLN_OWN, alias: 'SILENTARTIST-v26.09', color: '033845', num_peers: 2, num_pending_channels: 1, num_active_channels: 2, num_inactive_channels: 0,
    address: [{ type: 'ipv4', address: '203.0.113.7', port: 9735 }], binding: [{ type: 'ipv4', address: '127.0.0.1', port: 9735 }], version: 'v26.09', blockheight: 925_000,
    network: 'bitcoin', fees_collected_msat: 820_000, 'lightning-dir': '/home/cln/.lightning/bitcoin', our_features: { init: '800898882a8a59a1', node: '808898882a8a59a1', channel: '', invoice: '02000002024100' },
  };
  const methods: Record<string, (p: Record<string, unknown>) => Reply> = {
    getinfo: () => ({ status: 201, json: getinfo }),
    listpeerchannels: (p) => ({ status: 201, json: { channels: CLN_PEER_CHANNELS.filter((c) => (p.id === undefined || c.peer_id === p.id) && (p.short_channel_id === undefined || c.short_channel_id === p.short_channel_id)) } }),
    listchannels: (p) => ({
      status: 201,
      json: { channels: channels().filter((c) => (p.source === undefined || c.source === p.source) && (p.destination === undefined || c.destination === p.destination) && (p.short_channel_id === undefined || c.short_channel_id === p.short_channel_id)) },
    }),
    listnodes: (p) => ({ status: 201, json: { nodes: CLN_NODES.filter((n) => p.id === undefined || n.nodeid === p.id) } }),
    listforwards: (p) => {
      // lightningd/forwards.c: start and limit need index.
      if (p.start !== undefined && Number(p.start) !== 0 && p.index === undefined) return rpcError(500, -32602, 'Can only specify {start} with {index}');
      if (p.limit !== undefined && p.index === undefined) return rpcError(500, -32602, 'Can only specify {limit} with {index}');
      if (p.status !== undefined && !['offered', 'settled', 'local_failed', 'failed'].includes(String(p.status))) return rpcError(500, -32602, 'status: Unrecognized status');
      // Like lightningd's indexed SQL: filtered by status, from the first created_index >= start (binary search).
      const list = p.status === undefined ? forwards : (byStatus.get(String(p.status)) ?? []);
      let lo = 0;
      if (p.index === 'created') {
        const start = Number(p.start ?? 0);
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((list[mid].created_index ?? 0) < start) lo = mid + 1;
          else hi = mid;
        }
      }
      return { status: 201, json: { forwards: list.slice(lo, p.limit !== undefined ? lo + Number(p.limit) : undefined) } };
    },
  };
  const handle = (req: RecordedRequest): Reply => {
    const m = /^\/v1\/([a-z_-]+)$/.exec(req.path);
    if (!m) return rpcError(404, -32601, `Unknown command '${req.path}'`);
    const method = m[1];
    if (req.method !== 'POST') return rpcError(405, -32601, 'Path invalid, http_method must be POST for CLN methods');
    const rune = req.headers.rune;
    if (typeof rune !== 'string' || rune === '') return rpcError(403, 1501, 'Not authorized: Missing rune');
    if (opts.restricted && rune === opts.restricted.rune) {
      if (!opts.restricted.methods.includes(method)) return rpcError(401, 1502, `Not permitted: method is not equal to ${opts.restricted.methods[0]}`);
    } else if (rune !== opts.rune) {
      return rpcError(401, 1502, 'Not authorized: Not derived from master');
    }
    const fn = Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : undefined;
    if (!fn) return rpcError(404, -32601, `Unknown command '${method}'`);
    let params: Record<string, unknown>;
    try {
      params = req.body.trim() === '' ? {} : (JSON.parse(req.body) as Record<string, unknown>);
    } catch {
      return rpcError(500, -32602, 'Invalid JSON params');
    }
    return fn(params);
  };
  return new FakeUpstream(handle, opts.tls);
}
