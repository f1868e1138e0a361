import { GraphState } from '../../graph/graph.service';
import { LightningGraph } from '../../graph/model/lightning-graph';
import { median } from '../../graph/stats/ranking';
import { summarizeNode, NodeSummary } from '../../graph/stats/node-stats';
import type { CandidateVetting } from '../candidates/candidate-pool';
import { CompetingFees } from './competing-fees';

/**
 * Everything the recommendation rules look at, as plain data. Built from the graph (and, when configured,
 * from the operator's own node and Sparkseer); the rules never see Nest, HTTP or the graph arrays.
 */
export interface PolicyView {
  baseFeeMsat: number;
  feeRatePpm: number;
  cltvDelta: number;
  minHtlcMsat: number | null;
  maxHtlcMsat: number | null;
  disabled: boolean;
  /** Inbound fee (bLIP-18), when the source carries it; absent in the embedded snapshot. Negative = discount. */
  inboundBaseFeeMsat?: number;
  inboundFeeRatePpm?: number;
}

export interface ChannelView {
  shortChannelId: string | null;
  channelPoint: string | null;
  peerPubkey: string;
  peerAlias: string | null;
  capacitySat: number;
  usable: boolean;
  local: PolicyView | null;
  remote: PolicyView | null;
  /** Enabled fee rates (ppm) that other nodes charge to forward into this peer: the competition. */
  competingFeesPpm: CompetingFees;
  /** Live balances, when the node's own LND is configured. */
  balance?: { localSat: number; remoteSat: number; active: boolean };
  /** Routing fees this channel earned over the forwarding window, when known. */
  forwardedFeesMsat?: number;
}

export interface NetworkFacts {
  snapshotDate: string;
  nodeCount: number;
  routableNodes: number;
  medianFeePpm: number;
  p90FeePpm: number;
  medianBaseFeeMsat: number;
  medianCltvDelta: number;
  medianChannelSat: number;
  /** The best-connected nodes (by distinct usable peers), most connected first. */
  hubs: Array<{ pubkey: string; alias: string | null; degree: number }>;
}

export interface CandidatePeer {
  pubkey: string;
  alias: string | null;
  gainInBetweennessRank: number;
  gainInClosenessRank: number;
  gainInEigenvectorRank: number;
  idealCapacitySat: number;
  minimumViableCapacitySat: number;
  /** The open sized to the node's own capital, and how (see candidates/open-sizing). */
  suggestedCapacitySat: number;
  suggestedCapacityRule: string;
  vetting: CandidateVetting;
}

export interface NodeAnalysis {
  pubkey: string;
  alias: string | null;
  summary: NodeSummary;
  degree: number;
  degreeRank: number;
  capacityRank: number;
  routable: boolean;
  channels: ChannelView[];
  network: NetworkFacts;
  /** Channel candidates from the graph simulation, best first, when computed. */
  candidates?: CandidatePeer[];
  /** Sparkseer suggested fees for this node's peers: only ever present for the key owner's own node. */
  sparkseerSuggestedFees?: Array<{ peerPubkey: string; passiveFeePpm: number; activeFeePpm: number }>;
  /** Days of forwarding history behind `forwardedFeesMsat`, when known. */
  forwardingWindowDays?: number;
  /** Where the facts come from, e.g. `embedded-graph:2026-02-03`. */
  source: string;
  /** Multiplies every finding's confidence (below 1 for a node known only to a live source). */
  confidenceFactor?: number;
  /** Added to every command set's notes (e.g. which policy values are assumed rather than read). */
  commandNote?: string;
}

const HUB_COUNT = 50;

/** Fee rates into every node, and network-wide medians: computed once per graph, shared by every request. */
export interface NetworkFeeIndex {
  /** CSR: enabled fee rates charged toward node v are `inboundFees[inboundOffset[v] .. inboundOffset[v+1])`, ascending. */
  inboundOffset: Uint32Array;
  inboundFees: Float64Array;
  facts: NetworkFacts;
}

const feeIndexCache = new WeakMap<LightningGraph, NetworkFeeIndex>();

export function networkFeeIndex(state: GraphState): NetworkFeeIndex {
  const cached = feeIndexCache.get(state.graph);
  if (cached) return cached;
  const g = state.graph;
  const counts = new Uint32Array(g.nodeCount + 1);
  const allFees: number[] = [];
  const allBase: number[] = [];
  const allCltv: number[] = [];
  const sizes: number[] = [];
  for (let c = 0; c < g.channelCount; c++) {
    if (g.isUsable(c)) sizes.push(g.chanCapacitySat[c]);
    for (const dir of [0, 1]) {
      const slot = 2 * c + dir;
      if (!g.isEnabled(slot)) continue;
      // direction 0 is node1's policy: it prices forwarding *into* node2
      const target = dir === 0 ? g.chanNode2[c] : g.chanNode1[c];
      counts[target + 1]++;
      allFees.push(g.feeRatePpm[slot]);
      allBase.push(g.feeBaseMsat[slot]);
      allCltv.push(g.cltvDelta[slot]);
    }
  }
  for (let v = 0; v < g.nodeCount; v++) counts[v + 1] += counts[v];
  const fill = counts.slice(0, g.nodeCount);
  const fees = new Float64Array(counts[g.nodeCount]);
  for (let c = 0; c < g.channelCount; c++) {
    for (const dir of [0, 1]) {
      const slot = 2 * c + dir;
      if (!g.isEnabled(slot)) continue;
      const target = dir === 0 ? g.chanNode2[c] : g.chanNode1[c];
      fees[fill[target]++] = g.feeRatePpm[slot];
    }
  }
  for (let v = 0; v < g.nodeCount; v++) fees.subarray(counts[v], counts[v + 1]).sort();
  const asc = (a: number, b: number) => a - b;
  allFees.sort(asc);
  allBase.sort(asc);
  allCltv.sort(asc);
  sizes.sort(asc);
  const r = state.ranks;
  const hubs = Array.from({ length: g.nodeCount }, (_, v) => v)
    .filter((v) => r.degreeRank[v] <= HUB_COUNT)
    .sort((a, b) => r.degree[b] - r.degree[a] || (g.pubkeys[a] < g.pubkeys[b] ? -1 : 1))
    .map((v) => ({ pubkey: g.pubkeys[v], alias: g.aliases[v], degree: r.degree[v] }));
  const index: NetworkFeeIndex = {
    inboundOffset: counts,
    inboundFees: fees,
    facts: {
      snapshotDate: g.meta.snapshotDate,
      nodeCount: g.nodeCount,
      routableNodes: r.routableNodes,
      medianFeePpm: median(allFees) ?? 0,
      p90FeePpm: allFees.length ? allFees[Math.floor(0.9 * (allFees.length - 1))] : 0,
      medianBaseFeeMsat: median(allBase) ?? 0,
      medianCltvDelta: median(allCltv) ?? 0,
      medianChannelSat: median(sizes) ?? 0,
      hubs,
    },
  };
  feeIndexCache.set(g, index);
  return index;
}

/** The analysed view of node `v` on the graph alone (no live data). */
export function analyseNode(state: GraphState, v: number, summary: NodeSummary = summarizeNode(state.graph, v)): NodeAnalysis {
  const g = state.graph;
  const idx = networkFeeIndex(state);
  const policy = (slot: number): PolicyView | null => {
    const p = g.policy(slot);
    if (!p) return null;
    const view: PolicyView = { baseFeeMsat: p.feeBaseMsat, feeRatePpm: p.feeRatePpm, cltvDelta: p.cltvDelta, minHtlcMsat: p.minHtlcMsat, maxHtlcMsat: p.maxHtlcMsat, disabled: p.disabled };
    if (p.inboundFeeRatePpm !== null) {
      view.inboundFeeRatePpm = p.inboundFeeRatePpm;
      view.inboundBaseFeeMsat = p.inboundFeeBaseMsat ?? 0;
    }
    return view;
  };
  const chans = Array.from(g.channelsOf(v));
  // The node's own enabled fees toward each peer: none of them is competition for its other channels there.
  const ownFeesTo = new Map<number, number[]>();
  for (const c of chans) {
    const out = g.outboundSlot(c, v);
    if (!g.isEnabled(out)) continue;
    const peer = g.peerOf(c, v);
    const own = ownFeesTo.get(peer);
    if (own) own.push(g.feeRatePpm[out]);
    else ownFeesTo.set(peer, [g.feeRatePpm[out]]);
  }
  const competitionCache = new Map<number, CompetingFees>();
  const competing = (peer: number) => {
    let comp = competitionCache.get(peer);
    if (!comp) {
      comp = CompetingFees.excluding(idx.inboundFees.subarray(idx.inboundOffset[peer], idx.inboundOffset[peer + 1]), ownFeesTo.get(peer) ?? []);
      competitionCache.set(peer, comp);
    }
    return comp;
  };
  const channels: ChannelView[] = chans.map((c) => {
    const peer = g.peerOf(c, v);
    return {
      shortChannelId: g.chanScid[c],
      channelPoint: g.chanPoint[c],
      peerPubkey: g.pubkeys[peer],
      peerAlias: g.aliases[peer],
      capacitySat: g.chanCapacitySat[c],
      usable: g.isUsable(c),
      local: policy(g.outboundSlot(c, v)),
      remote: policy(g.inboundSlot(c, v)),
      competingFeesPpm: competing(peer),
    };
  });
  const r = state.ranks;
  return {
    pubkey: g.pubkeys[v],
    alias: g.aliases[v],
    summary,
    degree: r.degree[v],
    degreeRank: r.degreeRank[v],
    capacityRank: r.capacityRank[v],
    routable: r.degree[v] > 0,
    channels,
    network: idx.facts,
    source: state.source,
  };
}
