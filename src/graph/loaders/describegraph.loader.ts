import { isNodePubkey } from '../../common/validation/pubkey';
import { GraphBuilder, PolicyInput } from '../model/graph-builder';
import { LightningGraph } from '../model/lightning-graph';
import { scidFromLndChannelId } from '../model/short-channel-id';
import { GraphFormatError } from './graph-format.error';
import { SnapshotFile, snapshotDate } from './snapshot-file';
import { toNumber } from './wire-number';

/** LND `lncli describegraph` / `GET /v1/graph`: `{ nodes: LightningNode[], edges: ChannelEdge[] }`. */
export interface DescribeGraphJson {
  nodes: Array<{ pub_key: string; alias?: string; color?: string; features?: Record<string, unknown>; last_update?: number }>;
  edges: Array<{
    channel_id?: string;
    chan_point?: string;
    node1_pub: string;
    node2_pub: string;
    capacity: string | number;
    node1_policy: LndRoutingPolicy | null;
    node2_policy: LndRoutingPolicy | null;
  }>;
}

export interface LndRoutingPolicy {
  time_lock_delta: number;
  min_htlc?: string | number;
  fee_base_msat: string | number;
  fee_rate_milli_msat: string | number;
  disabled?: boolean;
  max_htlc_msat?: string | number;
  last_update?: number;
  /** LND 0.18+: the inbound fee this node charges on HTLCs entering over the channel (negative = discount). */
  inbound_fee_base_msat?: string | number;
  inbound_fee_rate_milli_msat?: string | number;
}

export function isDescribeGraph(json: unknown): json is DescribeGraphJson {
  const j = json as DescribeGraphJson;
  return !!j && Array.isArray(j.nodes) && Array.isArray(j.edges) && (j.edges.length === 0 || 'node1_pub' in (j.edges[0] ?? {}));
}

export function loadDescribeGraph(file: SnapshotFile): LightningGraph {
  const json = file.json as DescribeGraphJson;
  const b = new GraphBuilder();
  let maxUpdate = 0;
  json.nodes.forEach((n, i) => {
    if (!isNodePubkey(n?.pub_key)) throw new GraphFormatError(file.name, `nodes[${i}].pub_key is not a node pubkey`);
    // LND reports an unset colour as "#000000" and no features as {}: both are facts, kept as given.
    b.node(n.pub_key, { alias: n.alias ?? null, color: n.color ?? null, features: n.features ?? null });
    maxUpdate = Math.max(maxUpdate, n.last_update ?? 0);
  });
  json.edges.forEach((e, i) => {
    if (!isNodePubkey(e?.node1_pub) || !isNodePubkey(e.node2_pub)) {
      throw new GraphFormatError(file.name, `edges[${i}] has no valid node1_pub/node2_pub`);
    }
    const capacity = toNumber(e.capacity);
    if (capacity === null || capacity < 0) throw new GraphFormatError(file.name, `edges[${i}].capacity is not a number of sat`);
    const scid = e.channel_id ? scidFromLndChannelId(String(e.channel_id)) : null;
    const key = e.channel_id && e.channel_id !== '0' ? `id:${e.channel_id}` : e.chan_point ? `cp:${e.chan_point}` : `#${i}`;
    const c = b.channel(key, e.node1_pub, e.node2_pub, capacity, scid, e.chan_point || null);
    for (const [pub, pol] of [
      [e.node1_pub, e.node1_policy],
      [e.node2_pub, e.node2_policy],
    ] as const) {
      const p = pol ? lndPolicy(pol, file.name, i) : null;
      b.policy(c, pub, p);
      if (p?.lastUpdate) maxUpdate = Math.max(maxUpdate, p.lastUpdate);
    }
  });
  const { date, source } = snapshotDate(maxUpdate, file);
  return b.build({ format: 'lnd-describegraph', snapshotDate: date, snapshotDateSource: source, sourceFile: file.name, version: file.version });
}

function lndPolicy(p: LndRoutingPolicy, fileName: string, edge: number): PolicyInput {
  const feeBase = toNumber(p.fee_base_msat);
  const feeRate = toNumber(p.fee_rate_milli_msat);
  if (feeBase === null || feeRate === null || typeof p.time_lock_delta !== 'number') {
    throw new GraphFormatError(fileName, `edges[${edge}] has a policy without fee_base_msat/fee_rate_milli_msat/time_lock_delta`);
  }
  return {
    disabled: p.disabled === true,
    feeBaseMsat: feeBase,
    feeRatePpm: feeRate,
    cltvDelta: p.time_lock_delta,
    minHtlcMsat: toNumber(p.min_htlc),
    maxHtlcMsat: toNumber(p.max_htlc_msat),
    lastUpdate: p.last_update ? p.last_update : null,
    inboundFeeBaseMsat: p.inbound_fee_base_msat === undefined ? null : toNumber(p.inbound_fee_base_msat),
    inboundFeeRatePpm: p.inbound_fee_rate_milli_msat === undefined ? null : toNumber(p.inbound_fee_rate_milli_msat),
  };
}
