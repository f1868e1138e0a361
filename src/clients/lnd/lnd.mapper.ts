import { isDescribeGraph, DescribeGraphJson } from '../../graph/loaders/describegraph.loader';
import { scidFromLndChannelId } from '../../graph/model/short-channel-id';
import { MalformedResponseError } from '../common/malformed-response.error';
import { Json, arr, bool, int64, num, obj, optNum, pubkey, str, uint64String } from '../common/wire';
import type { LndChannelBalance, LndChannelFee, LndFeeReport, LndForwardingEvent, LndGraphEdge, LndGraphNode, LndGraphNodeWithChannels, LndGraphPolicy, LndNodeInfo } from './lnd.types';

export function mapGetInfo(json: Json): LndNodeInfo {
  const o = obj(json, 'getinfo');
  const chains = Array.isArray(o.chains) ? o.chains : [];
  const first = chains.length > 0 ? obj(chains[0], 'getinfo.chains[0]') : null;
  return {
    identityPubkey: pubkey(o.identity_pubkey, 'getinfo.identity_pubkey'),
    alias: str(o.alias, 'getinfo.alias'),
    color: str(o.color, 'getinfo.color'),
    version: str(o.version, 'getinfo.version'),
    numActiveChannels: num(o.num_active_channels, 'getinfo.num_active_channels'),
    numInactiveChannels: num(o.num_inactive_channels, 'getinfo.num_inactive_channels'),
    numPendingChannels: num(o.num_pending_channels, 'getinfo.num_pending_channels'),
    numPeers: num(o.num_peers, 'getinfo.num_peers'),
    blockHeight: num(o.block_height, 'getinfo.block_height'),
    syncedToChain: bool(o.synced_to_chain, 'getinfo.synced_to_chain'),
    syncedToGraph: bool(o.synced_to_graph, 'getinfo.synced_to_graph'),
    network: first && typeof first.network === 'string' ? first.network : null,
    uris: arr(o.uris ?? [], 'getinfo.uris').map((u, i) => str(u, `getinfo.uris[${i}]`)),
  };
}

export function mapNodeInfo(json: Json): LndGraphNode {
  const o = obj(json, 'nodeinfo');
  const n = obj(o.node, 'nodeinfo.node');
  return {
    pubkey: pubkey(n.pub_key, 'nodeinfo.node.pub_key'),
    alias: str(n.alias, 'nodeinfo.node.alias'),
    color: str(n.color, 'nodeinfo.node.color'),
    lastUpdate: num(n.last_update, 'nodeinfo.node.last_update'),
    addresses: arr(n.addresses ?? [], 'nodeinfo.node.addresses').map((a, i) => str(obj(a, `addresses[${i}]`).addr, `nodeinfo.node.addresses[${i}].addr`)),
    numChannels: num(o.num_channels, 'nodeinfo.num_channels'),
    totalCapacitySat: int64(o.total_capacity, 'nodeinfo.total_capacity'),
  };
}

function mapGraphPolicy(json: Json, w: string): LndGraphPolicy | null {
  if (json === null || json === undefined) return null;
  const p = obj(json, w);
  const max = typeof p.max_htlc_msat === 'string' && /^\d+$/.test(p.max_htlc_msat) && !Number.isSafeInteger(Number(p.max_htlc_msat)) ? null : int64(p.max_htlc_msat, `${w}.max_htlc_msat`);
  return {
    feeBaseMsat: int64(p.fee_base_msat, `${w}.fee_base_msat`),
    feeRatePpm: int64(p.fee_rate_milli_msat, `${w}.fee_rate_milli_msat`),
    timeLockDelta: num(p.time_lock_delta, `${w}.time_lock_delta`),
    minHtlcMsat: int64(p.min_htlc, `${w}.min_htlc`),
    maxHtlcMsat: max,
    disabled: bool(p.disabled, `${w}.disabled`),
    lastUpdate: num(p.last_update, `${w}.last_update`),
    inboundFeeBaseMsat: optNum(p.inbound_fee_base_msat, `${w}.inbound_fee_base_msat`),
    inboundFeeRatePpm: optNum(p.inbound_fee_rate_milli_msat, `${w}.inbound_fee_rate_milli_msat`),
  };
}

export function mapGraphEdge(json: Json, w: string): LndGraphEdge {
  const e = obj(json, w);
  const channelId = uint64String(e.channel_id, `${w}.channel_id`);
  return {
    channelId,
    shortChannelId: scidFromLndChannelId(channelId),
    chanPoint: str(e.chan_point, `${w}.chan_point`),
    node1Pub: pubkey(e.node1_pub, `${w}.node1_pub`),
    node2Pub: pubkey(e.node2_pub, `${w}.node2_pub`),
    capacitySat: int64(e.capacity, `${w}.capacity`),
    node1Policy: mapGraphPolicy(e.node1_policy, `${w}.node1_policy`),
    node2Policy: mapGraphPolicy(e.node2_policy, `${w}.node2_policy`),
  };
}

export function mapNodeInfoWithChannels(json: Json): LndGraphNodeWithChannels {
  const o = obj(json, 'nodeinfo');
  return { ...mapNodeInfo(json), channels: arr(o.channels ?? [], 'nodeinfo.channels').map((e, i) => mapGraphEdge(e, `nodeinfo.channels[${i}]`)) };
}

const reserve = (c: Json, w: string): number | null => {
  if (c === null || c === undefined) return null;
  return int64(obj(c, w).chan_reserve_sat, `${w}.chan_reserve_sat`);
};

export function mapChannels(json: Json): LndChannelBalance[] {
  const o = obj(json, 'listchannels');
  return arr(o.channels, 'listchannels.channels').map((raw, i) => {
    const w = `channels[${i}]`;
    const c = obj(raw, w);
    const chanId = uint64String(c.chan_id, `${w}.chan_id`);
    return {
      chanId,
      shortChannelId: scidFromLndChannelId(chanId),
      channelPoint: str(c.channel_point, `${w}.channel_point`),
      remotePubkey: pubkey(c.remote_pubkey, `${w}.remote_pubkey`),
      capacitySat: int64(c.capacity, `${w}.capacity`),
      localBalanceSat: int64(c.local_balance, `${w}.local_balance`),
      remoteBalanceSat: int64(c.remote_balance, `${w}.remote_balance`),
      commitFeeSat: int64(c.commit_fee, `${w}.commit_fee`),
      unsettledBalanceSat: int64(c.unsettled_balance, `${w}.unsettled_balance`),
      totalSatoshisSent: int64(c.total_satoshis_sent, `${w}.total_satoshis_sent`),
      totalSatoshisReceived: int64(c.total_satoshis_received, `${w}.total_satoshis_received`),
      pendingHtlcCount: arr(c.pending_htlcs ?? [], `${w}.pending_htlcs`).length,
      active: bool(c.active, `${w}.active`),
      private: bool(c.private, `${w}.private`),
      initiator: bool(c.initiator, `${w}.initiator`),
      lifetimeSec: c.lifetime === undefined ? 0 : int64(c.lifetime, `${w}.lifetime`),
      uptimeSec: c.uptime === undefined ? 0 : int64(c.uptime, `${w}.uptime`),
      localChanReserveSat: reserve(c.local_constraints, `${w}.local_constraints`),
      remoteChanReserveSat: reserve(c.remote_constraints, `${w}.remote_constraints`),
    };
  });
}

export function mapFeeReport(json: Json): LndFeeReport {
  const o = obj(json, 'feereport');
  return {
    channelFees: arr(o.channel_fees, 'feereport.channel_fees').map((raw, i): LndChannelFee => {
      const w = `channel_fees[${i}]`;
      const f = obj(raw, w);
      return {
        chanId: uint64String(f.chan_id, `${w}.chan_id`),
        channelPoint: str(f.channel_point, `${w}.channel_point`),
        baseFeeMsat: int64(f.base_fee_msat, `${w}.base_fee_msat`),
        feeRatePpm: int64(f.fee_per_mil, `${w}.fee_per_mil`),
        inboundBaseFeeMsat: optNum(f.inbound_base_fee_msat, `${w}.inbound_base_fee_msat`) ?? 0,
        inboundFeeRatePpm: optNum(f.inbound_fee_per_mil, `${w}.inbound_fee_per_mil`) ?? 0,
      };
    }),
    dayFeeSumSat: int64(o.day_fee_sum, 'feereport.day_fee_sum'),
    weekFeeSumSat: int64(o.week_fee_sum, 'feereport.week_fee_sum'),
    monthFeeSumSat: int64(o.month_fee_sum, 'feereport.month_fee_sum'),
  };
}

/** Unix seconds of an event: from `timestamp_ns` when present (exact), else the deprecated `timestamp`. */
function eventSeconds(e: Record<string, Json>, w: string): number {
  const ns = e.timestamp_ns;
  if (typeof ns === 'string' && /^\d+$/.test(ns) && ns !== '0') return Number(BigInt(ns) / 1_000_000_000n);
  return int64(e.timestamp, `${w}.timestamp`);
}

export function mapForwardingHistory(json: Json): { events: LndForwardingEvent[]; lastOffsetIndex: number } {
  const o = obj(json, 'forwardinghistory');
  const events = arr(o.forwarding_events ?? [], 'forwarding_events').map((raw, i) => {
    const w = `forwarding_events[${i}]`;
    const e = obj(raw, w);
    return {
      timestamp: eventSeconds(e, w),
      chanIdIn: uint64String(e.chan_id_in, `${w}.chan_id_in`),
      chanIdOut: uint64String(e.chan_id_out, `${w}.chan_id_out`),
      amtInMsat: int64(e.amt_in_msat, `${w}.amt_in_msat`),
      amtOutMsat: int64(e.amt_out_msat, `${w}.amt_out_msat`),
      feeMsat: int64(e.fee_msat, `${w}.fee_msat`),
    };
  });
  return { events, lastOffsetIndex: num(o.last_offset_index, 'forwardinghistory.last_offset_index') };
}

export function checkDescribeGraph(json: Json): DescribeGraphJson {
  if (!isDescribeGraph(json)) throw new MalformedResponseError('graph', '{ nodes: [...], edges: [...] } with node1_pub/node2_pub');
  return json;
}

/** grpc-gateway's message for a refused macaroon (sent with HTTP 500, gRPC code 2 "Unknown"). */
export function isLndAuthFailure(status: number, message: string): boolean {
  return status === 500 && /macaroon|permission denied|verification failed/i.test(message);
}
