import { GraphState } from '../../graph/graph.service';
import { LightningGraph, PolicyState } from '../../graph/model/lightning-graph';
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
  /** Set when the fees come from the operator's own node (LND `/v1/fees`, Core Lightning `listpeerchannels`) rather than the graph's gossip. */
  source?: 'lnd' | 'cln';
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
  /**
   * Fee rates (ppm) other nodes' enabled channels charge to forward into this peer: the competition. Where the
   * graph carries inbound fees, effective rates (their outbound fee plus the peer's inbound fee on that channel,
   * floored at 0), so that they compare with {@link effectiveFeeRate} of this channel.
   */
  competingFeesPpm: CompetingFees;
  /**
   * The peer's inbound fee rate (bLIP-18) on this channel, applied to what enters the peer through it (negative
   * = discount; 0 where the peer announced none); null when the graph carries no inbound fees at all.
   */
  peerInboundFeeRatePpm?: number | null;
  /** Live balances, when the node's own LND or Core Lightning is configured. */
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
  /** True when the graph carries inbound fees (LND 0.18+ describegraph); the embedded snapshot does not. */
  inboundFeesInGraph?: boolean;
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
  /** The node API behind `balance` and `forwardedFeesMsat` (the operator's own LND or Core Lightning). */
  ownNodeSource?: 'lnd' | 'cln';
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
  /**
   * Same layout, effective rates: each fee plus the inbound fee the target sets on that channel, floored at 0
   * (what a payment really pays to cross into the target); null when the graph carries no inbound fees.
   */
  effectiveFees: Float64Array | null;
  facts: NetworkFacts;
}

/** What a payment pays to cross a channel: its outbound fee rate plus the far end's inbound fee rate, never below 0. */
export function effectiveFeeRate(outboundPpm: number, peerInboundPpm: number | null | undefined): number {
  return peerInboundPpm === null || peerInboundPpm === undefined ? outboundPpm : Math.max(0, outboundPpm + peerInboundPpm);
}

/** Never pushed to: the own fees of a peer the node has no enabled channel to. */
const NO_FEES: number[] = [];

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
  let hasInbound = false;
  for (let s = 0; s < g.inboundFeeRatePpm.length && !hasInbound; s++) hasInbound = !Number.isNaN(g.inboundFeeRatePpm[s]);
  const fill = counts.slice(0, g.nodeCount);
  const fees = new Float64Array(counts[g.nodeCount]);
  const effective = hasInbound ? new Float64Array(counts[g.nodeCount]) : null;
  for (let c = 0; c < g.channelCount; c++) {
    for (const dir of [0, 1]) {
      const slot = 2 * c + dir;
      if (!g.isEnabled(slot)) continue;
      const target = dir === 0 ? g.chanNode2[c] : g.chanNode1[c];
      // The target's inbound fee on this channel sits in its own policy, the other direction's slot.
      if (effective) effective[fill[target]] = effectiveFeeRate(g.feeRatePpm[slot], inboundRate(g, 2 * c + 1 - dir));
      fees[fill[target]++] = g.feeRatePpm[slot];
    }
  }
  for (let v = 0; v < g.nodeCount; v++) {
    fees.subarray(counts[v], counts[v + 1]).sort();
    effective?.subarray(counts[v], counts[v + 1]).sort();
  }
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
    effectiveFees: effective,
    facts: {
      snapshotDate: g.meta.snapshotDate,
      nodeCount: g.nodeCount,
      routableNodes: r.routableNodes,
      medianFeePpm: median(allFees) ?? 0,
      p90FeePpm: allFees.length ? allFees[Math.floor(0.9 * (allFees.length - 1))] : 0,
      medianBaseFeeMsat: median(allBase) ?? 0,
      medianCltvDelta: median(allCltv) ?? 0,
      medianChannelSat: median(sizes) ?? 0,
      ...(hasInbound ? { inboundFeesInGraph: true } : {}),
      hubs,
    },
  };
  feeIndexCache.set(g, index);
  return index;
}

/** The inbound fee rate of a policy slot; 0 where that policy announced none (or is absent). */
function inboundRate(g: LightningGraph, slot: number): number {
  const r = g.inboundFeeRatePpm[slot];
  return Number.isNaN(r) ? 0 : r;
}

/** The analysed view of node `v` on the graph alone (no live data). */
export function analyseNode(state: GraphState, v: number, summary: NodeSummary = summarizeNode(state.graph, v)): NodeAnalysis {
  const g = state.graph;
  const idx = networkFeeIndex(state);
  // Read straight from the graph's arrays: g.policy() builds an object of its own per direction, for every channel of every node.
  const policy = (slot: number): PolicyView | null => {
    const state = g.policyState[slot];
    if (state === PolicyState.None) return null;
    const minHtlc = g.minHtlcMsat[slot];
    const maxHtlc = g.maxHtlcMsat[slot];
    const view: PolicyView = {
      baseFeeMsat: g.feeBaseMsat[slot],
      feeRatePpm: g.feeRatePpm[slot],
      cltvDelta: g.cltvDelta[slot],
      minHtlcMsat: Number.isNaN(minHtlc) ? null : minHtlc,
      maxHtlcMsat: Number.isNaN(maxHtlc) ? null : maxHtlc,
      disabled: state === PolicyState.Disabled,
    };
    const inboundRatePpm = g.inboundFeeRatePpm[slot];
    if (!Number.isNaN(inboundRatePpm)) {
      const inboundBase = g.inboundFeeBaseMsat[slot];
      view.inboundFeeRatePpm = inboundRatePpm;
      view.inboundBaseFeeMsat = Number.isNaN(inboundBase) ? 0 : inboundBase;
    }
    return view;
  };
  const chans = g.channelsOf(v);
  const withInbound = idx.effectiveFees !== null;
  // Per peer: the node's own enabled fees toward it (none of them is competition for its other channels
  // there), then the competition itself, shared by parallel channels. One map for both.
  const perPeer = new Map<number, { own: number[]; comp: CompetingFees | null }>();
  for (let i = 0; i < chans.length; i++) {
    const c = chans[i];
    const out = g.outboundSlot(c, v);
    if (!g.isEnabled(out)) continue;
    const peer = g.peerOf(c, v);
    const fee = withInbound ? effectiveFeeRate(g.feeRatePpm[out], inboundRate(g, g.inboundSlot(c, v))) : g.feeRatePpm[out];
    const entry = perPeer.get(peer);
    if (entry) entry.own.push(fee);
    else perPeer.set(peer, { own: [fee], comp: null });
  }
  const competitionIndex = idx.effectiveFees ?? idx.inboundFees;
  const competing = (peer: number) => {
    let entry = perPeer.get(peer);
    if (!entry) perPeer.set(peer, (entry = { own: NO_FEES, comp: null }));
    return (entry.comp ??= CompetingFees.excluding(competitionIndex.subarray(idx.inboundOffset[peer], idx.inboundOffset[peer + 1]), entry.own));
  };
  const channels: ChannelView[] = [];
  for (let i = 0; i < chans.length; i++) {
    const c = chans[i];
    const peer = g.peerOf(c, v);
    const view: ChannelView = {
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
    if (withInbound) view.peerInboundFeeRatePpm = inboundRate(g, g.inboundSlot(c, v));
    channels.push(view);
  }
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
