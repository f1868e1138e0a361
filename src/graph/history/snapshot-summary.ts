import { GraphMeta, LightningGraph } from '../model/lightning-graph';
import { computeNetworkRanks, summarizeNode } from '../stats/node-stats';

/** What the history needs of one snapshot: a handful of numbers per node, in typed arrays. */
export interface SnapshotSummary {
  meta: GraphMeta;
  nodeCount: number;
  routableNodes: number;
  pubkeys: string[];
  totalChannels: Uint32Array;
  totalCapacitySat: Float64Array;
  activeChannels: Uint32Array;
  distinctPeers: Uint32Array;
  /** NaN where the node has no enabled outbound policy. */
  medianFeePpm: Float64Array;
  degreeRank: Uint32Array;
  capacityRank: Uint32Array;
}

export function summarizeSnapshot(g: LightningGraph): SnapshotSummary {
  const n = g.nodeCount;
  const ranks = computeNetworkRanks(g);
  const s: SnapshotSummary = {
    meta: g.meta,
    nodeCount: n,
    routableNodes: ranks.routableNodes,
    pubkeys: g.pubkeys,
    totalChannels: new Uint32Array(n),
    totalCapacitySat: new Float64Array(n),
    activeChannels: new Uint32Array(n),
    distinctPeers: new Uint32Array(n),
    medianFeePpm: new Float64Array(n),
    degreeRank: ranks.degreeRank,
    capacityRank: ranks.capacityRank,
  };
  for (let v = 0; v < n; v++) {
    const node = summarizeNode(g, v);
    s.totalChannels[v] = node.totalChannels;
    s.totalCapacitySat[v] = node.totalCapacitySat;
    s.activeChannels[v] = node.activeChannels;
    s.distinctPeers[v] = node.distinctPeers;
    s.medianFeePpm[v] = node.medianOutboundFeePpm ?? NaN;
  }
  return s;
}

export function summaryBuffers(s: SnapshotSummary): ArrayBuffer[] {
  return [s.totalChannels, s.totalCapacitySat, s.activeChannels, s.distinctPeers, s.medianFeePpm, s.degreeRank, s.capacityRank].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
