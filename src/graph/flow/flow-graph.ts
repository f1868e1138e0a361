import { LightningGraph } from '../model/lightning-graph';

/**
 * The routable view the payment-flow model runs on: one slot per channel direction, indexed like
 * {@link LightningGraph} (`2 * chan + 0` is node1 → node2, set by node1), with every policy field the route
 * choice reads in flat typed arrays. Unknown fields get LND's reading of a missing value: no min_htlc = 0,
 * no max_htlc = the capacity, no inbound fee = 0. Only enabled directions appear in the adjacency; disabled or
 * unknown ones keep their slot (so indices stay stable for what-if copies) but are never traversed.
 *
 * Plain data (typed arrays and string arrays), so it crosses to a worker thread by structured clone.
 */
export interface FlowGraph {
  nodeCount: number;
  /** Channels, including what-if channels appended after the snapshot's ones. */
  channelCount: number;
  /** Channels of the snapshot; channels at or above this index are what-if additions. */
  snapshotChannelCount: number;
  pubkeys: string[];
  /** Per channel: short channel id, channel point, or `new:<peer pubkey>` for a what-if channel. */
  channelIds: string[];
  /** Per slot (2 × channelCount). */
  from: Int32Array;
  to: Int32Array;
  enabled: Uint8Array;
  feeBaseMsat: Float64Array;
  feeRatePpm: Float64Array;
  inboundFeeBaseMsat: Float64Array;
  inboundFeeRatePpm: Float64Array;
  cltvDelta: Int32Array;
  minHtlcMsat: Float64Array;
  maxHtlcMsat: Float64Array;
  capacityMsat: Float64Array;
  /** Enabled slots into `v`: `inSlots[inOffset[v] .. inOffset[v + 1])`, ascending slot id. */
  inOffset: Int32Array;
  inSlots: Int32Array;
  /** Enabled slots out of `v`, ascending slot id. */
  outOffset: Int32Array;
  outSlots: Int32Array;
  /**
   * 1 when `v` can be an intermediate hop: an enabled slot in from some peer and an enabled slot out to a
   * different peer. Route searches never expand other nodes (they can only send or receive).
   */
  canForward: Uint8Array;
  /**
   * The enabled slots into `v` whose tail can forward (the only ones a backward search relaxes):
   * `fwdInSlots[fwdInOffset[v] .. fwdInOffset[v + 1])`, ascending slot id.
   */
  fwdInOffset: Int32Array;
  fwdInSlots: Int32Array;
}

/** Builds the flow view of a snapshot. */
export function buildFlowGraph(g: LightningGraph): FlowGraph {
  const m = g.channelCount;
  const slots = 2 * m;
  const from = new Int32Array(slots);
  const to = new Int32Array(slots);
  const enabled = new Uint8Array(slots);
  const capacityMsat = new Float64Array(slots);
  const minHtlcMsat = new Float64Array(slots);
  const maxHtlcMsat = new Float64Array(slots);
  const inboundFeeBaseMsat = new Float64Array(slots);
  const inboundFeeRatePpm = new Float64Array(slots);
  const cltvDelta = new Int32Array(slots);
  for (let c = 0; c < m; c++) {
    const cap = g.chanCapacitySat[c] * 1000;
    for (let d = 0; d < 2; d++) {
      const s = 2 * c + d;
      from[s] = d === 0 ? g.chanNode1[c] : g.chanNode2[c];
      to[s] = d === 0 ? g.chanNode2[c] : g.chanNode1[c];
      // A self-channel never routes; a zero-capacity channel cannot carry any amount.
      enabled[s] = g.isEnabled(s) && from[s] !== to[s] && cap > 0 ? 1 : 0;
      capacityMsat[s] = cap;
      minHtlcMsat[s] = Number.isNaN(g.minHtlcMsat[s]) ? 0 : g.minHtlcMsat[s];
      maxHtlcMsat[s] = Number.isNaN(g.maxHtlcMsat[s]) ? cap : g.maxHtlcMsat[s];
      inboundFeeBaseMsat[s] = Number.isNaN(g.inboundFeeBaseMsat[s]) ? 0 : g.inboundFeeBaseMsat[s];
      inboundFeeRatePpm[s] = Number.isNaN(g.inboundFeeRatePpm[s]) ? 0 : g.inboundFeeRatePpm[s];
      cltvDelta[s] = g.cltvDelta[s];
    }
  }
  const channelIds = Array.from({ length: m }, (_, c) => g.chanScid[c] ?? g.chanPoint[c] ?? `#${c}`);
  return withAdjacency({
    nodeCount: g.nodeCount,
    channelCount: m,
    snapshotChannelCount: m,
    pubkeys: g.pubkeys,
    channelIds,
    from,
    to,
    enabled,
    feeBaseMsat: Float64Array.from(g.feeBaseMsat),
    feeRatePpm: Float64Array.from(g.feeRatePpm),
    inboundFeeBaseMsat,
    inboundFeeRatePpm,
    cltvDelta,
    minHtlcMsat,
    maxHtlcMsat,
    capacityMsat,
  });
}

type FlowGraphData = Omit<FlowGraph, 'inOffset' | 'inSlots' | 'outOffset' | 'outSlots' | 'canForward' | 'fwdInOffset' | 'fwdInSlots'>;

/** (Re)builds the adjacency and `canForward` of a flow graph from its slot arrays. */
export function withAdjacency(d: FlowGraphData): FlowGraph {
  const n = d.nodeCount;
  const slots = 2 * d.channelCount;
  const inOffset = new Int32Array(n + 1);
  const outOffset = new Int32Array(n + 1);
  for (let s = 0; s < slots; s++) {
    if (!d.enabled[s]) continue;
    inOffset[d.to[s] + 1]++;
    outOffset[d.from[s] + 1]++;
  }
  for (let v = 0; v < n; v++) {
    inOffset[v + 1] += inOffset[v];
    outOffset[v + 1] += outOffset[v];
  }
  const inSlots = new Int32Array(inOffset[n]);
  const outSlots = new Int32Array(outOffset[n]);
  const inFill = inOffset.slice(0, n);
  const outFill = outOffset.slice(0, n);
  // Ascending slot order within each node, because slots are visited in ascending order.
  for (let s = 0; s < slots; s++) {
    if (!d.enabled[s]) continue;
    inSlots[inFill[d.to[s]]++] = s;
    outSlots[outFill[d.from[s]]++] = s;
  }
  const canForward = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const i0 = inOffset[v];
    const i1 = inOffset[v + 1];
    const o0 = outOffset[v];
    const o1 = outOffset[v + 1];
    if (i0 === i1 || o0 === o1) continue;
    const firstIn = d.from[inSlots[i0]];
    let ok = false;
    for (let k = o0; k < o1 && !ok; k++) if (d.to[outSlots[k]] !== firstIn) ok = true;
    for (let k = i0 + 1; k < i1 && !ok; k++) if (d.from[inSlots[k]] !== firstIn) ok = true;
    canForward[v] = ok ? 1 : 0;
  }
  const fwdInOffset = new Int32Array(n + 1);
  const fwd: number[] = [];
  for (let v = 0; v < n; v++) {
    for (let k = inOffset[v]; k < inOffset[v + 1]; k++) if (canForward[d.from[inSlots[k]]]) fwd.push(inSlots[k]);
    fwdInOffset[v + 1] = fwd.length;
  }
  return { ...d, inOffset, inSlots, outOffset, outSlots, canForward, fwdInOffset, fwdInSlots: Int32Array.from(fwd) };
}

/** A policy change resolved to slots: only the listed fields change. */
export interface SlotPolicyPatch {
  slot: number;
  feeRatePpm?: number;
  feeBaseMsat?: number;
  inboundFeeRatePpm?: number;
  inboundFeeBaseMsat?: number;
  maxHtlcMsat?: number;
  disabled?: boolean;
}

export interface ResolvedNewChannel {
  a: number;
  b: number;
  capacitySat: number;
  /** Policy of a → b and b → a; every field resolved. */
  ab: FullPolicy;
  ba: FullPolicy;
}

export interface FullPolicy {
  feeRatePpm: number;
  feeBaseMsat: number;
  cltvDelta: number;
  minHtlcMsat: number;
  maxHtlcMsat: number;
  inboundFeeRatePpm: number;
  inboundFeeBaseMsat: number;
}

/** Changes in slot terms: what {@link applyFlowChanges} applies and the what-if rule reads. */
export interface ResolvedChanges {
  patches: SlotPolicyPatch[];
  newChannels: ResolvedNewChannel[];
}

/**
 * A copy of `fg` with the changes applied: patched slots and new channels appended (their slots are
 * `2 * channelCount + …`). The adjacency is rebuilt, so the copy is a complete flow graph.
 */
export function applyFlowChanges(fg: FlowGraph, changes: ResolvedChanges): FlowGraph {
  const m = fg.channelCount + changes.newChannels.length;
  const slots = 2 * m;
  const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
    const out = new (a.constructor as { new (n: number): T })(slots);
    out.set(a);
    return out;
  };
  const d: FlowGraphData = {
    nodeCount: fg.nodeCount,
    channelCount: m,
    snapshotChannelCount: fg.snapshotChannelCount,
    pubkeys: fg.pubkeys,
    channelIds: fg.channelIds.slice(),
    from: grow(fg.from),
    to: grow(fg.to),
    enabled: grow(fg.enabled),
    feeBaseMsat: grow(fg.feeBaseMsat),
    feeRatePpm: grow(fg.feeRatePpm),
    inboundFeeBaseMsat: grow(fg.inboundFeeBaseMsat),
    inboundFeeRatePpm: grow(fg.inboundFeeRatePpm),
    cltvDelta: grow(fg.cltvDelta),
    minHtlcMsat: grow(fg.minHtlcMsat),
    maxHtlcMsat: grow(fg.maxHtlcMsat),
    capacityMsat: grow(fg.capacityMsat),
  };
  for (const p of changes.patches) {
    if (p.feeRatePpm !== undefined) d.feeRatePpm[p.slot] = p.feeRatePpm;
    if (p.feeBaseMsat !== undefined) d.feeBaseMsat[p.slot] = p.feeBaseMsat;
    if (p.inboundFeeRatePpm !== undefined) d.inboundFeeRatePpm[p.slot] = p.inboundFeeRatePpm;
    if (p.inboundFeeBaseMsat !== undefined) d.inboundFeeBaseMsat[p.slot] = p.inboundFeeBaseMsat;
    if (p.maxHtlcMsat !== undefined) d.maxHtlcMsat[p.slot] = p.maxHtlcMsat;
    if (p.disabled !== undefined) d.enabled[p.slot] = p.disabled || d.capacityMsat[p.slot] <= 0 ? 0 : 1;
  }
  changes.newChannels.forEach((nc, i) => {
    const c = fg.channelCount + i;
    d.channelIds[c] = `new:${fg.pubkeys[nc.b]}`;
    const cap = nc.capacitySat * 1000;
    for (const [dir, u, v, pol] of [[0, nc.a, nc.b, nc.ab], [1, nc.b, nc.a, nc.ba]] as const) {
      const s = 2 * c + dir;
      d.from[s] = u;
      d.to[s] = v;
      d.enabled[s] = cap > 0 && u !== v ? 1 : 0;
      d.capacityMsat[s] = cap;
      d.feeRatePpm[s] = pol.feeRatePpm;
      d.feeBaseMsat[s] = pol.feeBaseMsat;
      d.cltvDelta[s] = pol.cltvDelta;
      d.minHtlcMsat[s] = pol.minHtlcMsat;
      d.maxHtlcMsat[s] = Math.min(pol.maxHtlcMsat, cap);
      d.inboundFeeRatePpm[s] = pol.inboundFeeRatePpm;
      d.inboundFeeBaseMsat[s] = pol.inboundFeeBaseMsat;
    }
  });
  return withAdjacency(d);
}

/** Median policy of the enabled directions: the default of a what-if channel's unspecified fields. */
export function medianPolicy(fg: FlowGraph): FullPolicy {
  const pick = (a: Float64Array | Int32Array): number => {
    const xs: number[] = [];
    for (let s = 0; s < 2 * fg.snapshotChannelCount; s++) if (fg.enabled[s]) xs.push(a[s]);
    if (xs.length === 0) return 0;
    xs.sort((x, y) => x - y);
    return xs[xs.length >> 1];
  };
  return {
    feeRatePpm: pick(fg.feeRatePpm),
    feeBaseMsat: pick(fg.feeBaseMsat),
    cltvDelta: pick(fg.cltvDelta),
    minHtlcMsat: pick(fg.minHtlcMsat),
    maxHtlcMsat: Number.POSITIVE_INFINITY,
    inboundFeeRatePpm: 0,
    inboundFeeBaseMsat: 0,
  };
}
