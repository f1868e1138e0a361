import { LightningGraph } from '../model/lightning-graph';
import { competitionRanks, median, percentiles } from './ranking';

/**
 * Degree and capacity position of every node, on the routable graph: only channels with at least one enabled
 * direction count, and parallel channels to one peer count once for degree. A node without such a channel
 * is unroutable and ties for the last rank.
 */
export interface NetworkRanks {
  /** Distinct peers over usable channels. */
  degree: Uint32Array;
  /** Sum of the capacity of usable channels, sat. */
  capacitySat: Float64Array;
  degreeRank: Uint32Array;
  capacityRank: Uint32Array;
  degreePercentile: Float64Array;
  capacityPercentile: Float64Array;
  routableNodes: number;
}

export function computeNetworkRanks(g: LightningGraph): NetworkRanks {
  const degree = new Uint32Array(g.nodeCount);
  const capacitySat = new Float64Array(g.nodeCount);
  const lastPeerSeen = new Int32Array(g.nodeCount).fill(-1);
  let routableNodes = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    for (const c of g.channelsOf(v)) {
      if (!g.isUsable(c)) continue;
      capacitySat[v] += g.chanCapacitySat[c];
      const peer = g.peerOf(c, v);
      if (lastPeerSeen[peer] !== v) {
        lastPeerSeen[peer] = v;
        degree[v]++;
      }
    }
    if (degree[v] > 0) routableNodes++;
  }
  const degreeRank = competitionRanks(degree);
  const capacityRank = competitionRanks(capacitySat);
  return {
    degree,
    capacitySat,
    degreeRank,
    capacityRank,
    degreePercentile: percentiles(degreeRank, degree),
    capacityPercentile: percentiles(capacityRank, capacitySat),
    routableNodes,
  };
}

export interface NodeSummary {
  /** Every announced channel in the snapshot, zombies included. */
  totalChannels: number;
  totalCapacitySat: number;
  /** Channels with at least one enabled direction (either side): the network's view of "active". */
  activeChannels: number;
  activeCapacitySat: number;
  distinctPeers: number;
  activePeers: number;
  /** Channels whose own direction is enabled: the ones the node itself can forward out through. */
  outboundUsableChannels: number;
  outboundUsableCapacitySat: number;
  /** Channels whose own direction is not enabled (null or disabled) while the peer's is. */
  ownDisabledChannels: number;
  ownDisabledCapacitySat: number;
  /** Distinct peers with at least one channel enabled in both directions: what routing needs. */
  bidirectionalPeers: number;
  meanChannelSat: number | null;
  medianChannelSat: number | null;
  /** Over the node's own enabled outbound policies. */
  medianOutboundFeePpm: number | null;
  medianOutboundBaseFeeMsat: number | null;
}

/**
 * Distinct peers counted without three Sets per call (whole-graph runs summarise every node): per graph, which
 * call last counted each node as a peer, as a distinct, an active and a bidirectional one (3 slots per node).
 */
const peerMarks = new WeakMap<LightningGraph, { call: number; seen: Float64Array }>();

function marksOf(g: LightningGraph) {
  let m = peerMarks.get(g);
  if (!m) peerMarks.set(g, (m = { call: 0, seen: new Float64Array(3 * g.nodeCount) }));
  return m;
}

/**
 * Where the sizes, fee rates and base fees of one call are gathered and sorted (numeric typed-array sort: no
 * comparator call, no array per call); each call reads its medians before the next call reuses it.
 */
let scratch = new Float64Array(3 * 1024);

export function summarizeNode(g: LightningGraph, v: number): NodeSummary {
  const chans = g.channelsOf(v);
  const n = chans.length;
  if (scratch.length < 3 * n) scratch = new Float64Array(3 * n);
  let sizeCount = 0;
  let feeCount = 0;
  const marks = marksOf(g);
  const call = ++marks.call;
  const seen = marks.seen;
  let distinctPeers = 0;
  let activePeers = 0;
  let bidirectionalPeers = 0;
  let outboundUsableChannels = 0;
  let outboundUsableCapacitySat = 0;
  let ownDisabledChannels = 0;
  let ownDisabledCapacitySat = 0;
  let totalCapacitySat = 0;
  let activeChannels = 0;
  let activeCapacitySat = 0;
  for (const c of chans) {
    const cap = g.chanCapacitySat[c];
    const peer = g.peerOf(c, v);
    scratch[sizeCount++] = cap;
    totalCapacitySat += cap;
    if (seen[3 * peer] !== call) {
      seen[3 * peer] = call;
      distinctPeers++;
    }
    if (g.isUsable(c)) {
      activeChannels++;
      activeCapacitySat += cap;
      if (seen[3 * peer + 1] !== call) {
        seen[3 * peer + 1] = call;
        activePeers++;
      }
    }
    const out = g.outboundSlot(c, v);
    const peerEnabled = g.isEnabled(g.inboundSlot(c, v));
    if (g.isEnabled(out)) {
      scratch[n + feeCount] = g.feeRatePpm[out];
      scratch[2 * n + feeCount++] = g.feeBaseMsat[out];
      outboundUsableChannels++;
      outboundUsableCapacitySat += cap;
      if (peerEnabled && seen[3 * peer + 2] !== call) {
        seen[3 * peer + 2] = call;
        bidirectionalPeers++;
      }
    } else if (peerEnabled) {
      ownDisabledChannels++;
      ownDisabledCapacitySat += cap;
    }
  }
  const sizes = scratch.subarray(0, sizeCount).sort();
  const ppm = scratch.subarray(n, n + feeCount).sort();
  const base = scratch.subarray(2 * n, 2 * n + feeCount).sort();
  return {
    totalChannels: chans.length,
    totalCapacitySat,
    activeChannels,
    activeCapacitySat,
    distinctPeers,
    activePeers,
    outboundUsableChannels,
    outboundUsableCapacitySat,
    ownDisabledChannels,
    ownDisabledCapacitySat,
    bidirectionalPeers,
    meanChannelSat: sizes.length ? Math.round(totalCapacitySat / sizes.length) : null,
    medianChannelSat: median(sizes),
    medianOutboundFeePpm: median(ppm),
    medianOutboundBaseFeeMsat: median(base),
  };
}
