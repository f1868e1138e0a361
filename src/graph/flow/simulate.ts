import { DemandWeights, PaymentGroup, sampleDemand } from './demand';
import type { FlowGraph } from './flow-graph';
import type { DemandParams, RoutingParams, Spread } from './flow.types';
import { Route, RouteSearch, senderRoute } from './routing';

/**
 * The routes of one seed, flat: payment i of the seed is sender `paymentSender[i]` in group `paymentGroup[i]`;
 * its hops are `hop*[hopOffset[i] .. hopOffset[i + 1])` (empty when no route was found).
 */
export interface SeedRoutes {
  seed: number;
  groups: PaymentGroup[];
  /** Payments of group g: `groupOffset[g] .. groupOffset[g + 1]`. */
  groupOffset: Int32Array;
  paymentSender: Int32Array;
  paymentGroup: Int32Array;
  hopOffset: Int32Array;
  hopSlot: Int32Array;
  hopSentMsat: Float64Array;
  hopFeeOutMsat: Float64Array;
  hopFeeInMsat: Float64Array;
}

/** Per node and per slot sums of one seed (counts per seed, not yet per day). */
export interface FlowStats {
  nodeForwards: Float64Array;
  nodeVolumeMsat: Float64Array;
  nodeFeeMsat: Float64Array;
  slotForwards: Float64Array;
  slotVolumeMsat: Float64Array;
  slotFeeMsat: Float64Array;
  payments: number;
  routed: number;
  routedVolumeMsat: number;
  feesMsat: number;
  forwards: number;
  /** Forwarded volume of all hops (Σ nodeVolumeMsat): the denominator of shares. */
  forwardedVolumeMsat: number;
  hops: number;
}

export function emptyStats(nodeCount: number, slotCount: number): FlowStats {
  return {
    nodeForwards: new Float64Array(nodeCount),
    nodeVolumeMsat: new Float64Array(nodeCount),
    nodeFeeMsat: new Float64Array(nodeCount),
    slotForwards: new Float64Array(slotCount),
    slotVolumeMsat: new Float64Array(slotCount),
    slotFeeMsat: new Float64Array(slotCount),
    payments: 0,
    routed: 0,
    routedVolumeMsat: 0,
    feesMsat: 0,
    forwards: 0,
    forwardedVolumeMsat: 0,
    hops: 0,
  };
}

/** Growable flat route storage. */
class RouteBuffer {
  hopSlot: number[] = [];
  hopSent: number[] = [];
  hopOut: number[] = [];
  hopIn: number[] = [];
  hopOffset: number[] = [0];
}

/**
 * Adds (sign = 1) or removes (sign = −1) one routed payment to the stats. The payment's sender and receiver
 * do not forward; every other node on the route forwards once: its volume is what it sends on, its fee the
 * outbound fee of the slot it sends on (booked on that slot) plus the inbound fee of the channel it received
 * on (booked on its own direction of that channel, slot ^ 1).
 */
export function addRoute(
  st: FlowStats,
  fg: FlowGraph,
  amountMsat: number,
  slot: ArrayLike<number>,
  sent: ArrayLike<number>,
  feeOut: ArrayLike<number>,
  feeIn: ArrayLike<number>,
  lo: number,
  hi: number,
  sign: number,
): void {
  st.routed += sign;
  st.routedVolumeMsat += sign * amountMsat;
  st.feesMsat += sign * (sent[lo] - amountMsat);
  st.hops += sign * (hi - lo);
  for (let h = lo; h < hi; h++) {
    const e = slot[h];
    if (h > lo) {
      const u = fg.from[e];
      st.nodeForwards[u] += sign;
      st.nodeVolumeMsat[u] += sign * sent[h];
      st.nodeFeeMsat[u] += sign * feeOut[h];
      st.slotForwards[e] += sign;
      st.slotVolumeMsat[e] += sign * sent[h];
      st.slotFeeMsat[e] += sign * feeOut[h];
      st.forwards += sign;
      st.forwardedVolumeMsat += sign * sent[h];
    }
    if (h < hi - 1) {
      st.nodeFeeMsat[fg.to[e]] += sign * feeIn[h];
      st.slotFeeMsat[e ^ 1] += sign * feeIn[h];
    }
  }
}

/**
 * Routes payments of the given groups on `fg`, appending to `buf` in order: every payment of each group, or only
 * the listed payment indices (seed-wide) of each group when `only` is given.
 */
function routeGroups(fg: FlowGraph, p: RoutingParams, groups: PaymentGroup[], groupIds: Iterable<number>, rs: RouteSearch, buf: RouteBuffer, only?: Map<number, number[]>, r?: SeedRoutes): void {
  for (const g of groupIds) {
    const group = groups[g];
    const picked = only && r ? only.get(g)!.map((i) => r.paymentSender[i]) : null;
    const senders = picked ? Int32Array.from(picked) : group.senders;
    rs.run(fg, p, group.receiver, group.amountMsat, senders);
    // Capacity-weighted senders repeat within a group: one sender step each.
    const memo = new Map<number, Route | null>();
    for (let i = 0; i < senders.length; i++) {
      const s = senders[i];
      let route = memo.get(s);
      if (route === undefined) {
        route = senderRoute(fg, p, rs, s);
        memo.set(s, route);
      }
      if (route) {
        for (let h = 0; h < route.slots.length; h++) {
          buf.hopSlot.push(route.slots[h]);
          buf.hopSent.push(route.sentMsat[h]);
          buf.hopOut.push(route.feeOutMsat[h]);
          buf.hopIn.push(route.feeInMsat[h]);
        }
      }
      buf.hopOffset.push(buf.hopSlot.length);
    }
  }
}

/** Samples and routes the payments of one seed. */
export function simulateSeed(fg: FlowGraph, demand: DemandParams, routing: RoutingParams, seed: number, weights?: DemandWeights): SeedRoutes {
  const sampled = sampleDemand(fg, demand, seed, weights);
  const { groups } = sampled;
  const rs = new RouteSearch(fg.nodeCount);
  const buf = new RouteBuffer();
  routeGroups(fg, routing, groups, groups.keys(), rs, buf);
  const groupOffset = new Int32Array(groups.length + 1);
  groups.forEach((g, i) => (groupOffset[i + 1] = groupOffset[i] + g.senders.length));
  const payments = groupOffset[groups.length];
  const paymentSender = new Int32Array(payments);
  const paymentGroup = new Int32Array(payments);
  groups.forEach((g, i) => {
    paymentSender.set(g.senders, groupOffset[i]);
    paymentGroup.fill(i, groupOffset[i], groupOffset[i + 1]);
  });
  return {
    seed,
    groups,
    groupOffset,
    paymentSender,
    paymentGroup,
    hopOffset: Int32Array.from(buf.hopOffset),
    hopSlot: Int32Array.from(buf.hopSlot),
    hopSentMsat: Float64Array.from(buf.hopSent),
    hopFeeOutMsat: Float64Array.from(buf.hopOut),
    hopFeeInMsat: Float64Array.from(buf.hopIn),
  };
}

/** The stats of a seed's routes on the graph they were routed on. */
export function statsOf(fg: FlowGraph, r: SeedRoutes): FlowStats {
  const st = emptyStats(fg.nodeCount, 2 * fg.channelCount);
  st.payments = r.paymentSender.length;
  for (let i = 0; i < r.paymentSender.length; i++) {
    const lo = r.hopOffset[i];
    const hi = r.hopOffset[i + 1];
    if (hi > lo) addRoute(st, fg, r.groups[r.paymentGroup[i]].amountMsat, r.hopSlot, r.hopSentMsat, r.hopFeeOutMsat, r.hopFeeInMsat, lo, hi, 1);
  }
  return st;
}

/**
 * Stats of the seed on a changed graph `fg2` (same nodes, slots of `base` plus appended ones), re-routing only
 * `groupIds`: their old routes are taken out of the base stats and their new routes put in. With every group
 * listed it equals a full re-simulation of the seed on `fg2`.
 */
export function rerouteGroups(
  fgBase: FlowGraph,
  fg2: FlowGraph,
  routing: RoutingParams,
  r: SeedRoutes,
  base: FlowStats,
  groupIds: number[],
  rs: RouteSearch,
  /** Per group, the seed-wide payment indices to re-route (default: all of the group's payments). */
  only?: Map<number, number[]>,
): FlowStats {
  const paymentsOf = (g: number): Iterable<number> => only?.get(g) ?? range(r.groupOffset[g], r.groupOffset[g + 1]);
  const slots2 = 2 * fg2.channelCount;
  const grow = (a: Float64Array): Float64Array => {
    const out = new Float64Array(slots2);
    out.set(a);
    return out;
  };
  const st: FlowStats = {
    ...base,
    nodeForwards: base.nodeForwards.slice(),
    nodeVolumeMsat: base.nodeVolumeMsat.slice(),
    nodeFeeMsat: base.nodeFeeMsat.slice(),
    slotForwards: grow(base.slotForwards),
    slotVolumeMsat: grow(base.slotVolumeMsat),
    slotFeeMsat: grow(base.slotFeeMsat),
  };
  for (const g of groupIds) {
    const amount = r.groups[g].amountMsat;
    for (const i of paymentsOf(g)) {
      const lo = r.hopOffset[i];
      const hi = r.hopOffset[i + 1];
      if (hi > lo) addRoute(st, fgBase, amount, r.hopSlot, r.hopSentMsat, r.hopFeeOutMsat, r.hopFeeInMsat, lo, hi, -1);
    }
  }
  const buf = new RouteBuffer();
  routeGroups(fg2, routing, r.groups, groupIds, rs, buf, only, r);
  let k = 0;
  for (const g of groupIds) {
    const amount = r.groups[g].amountMsat;
    for (const _i of paymentsOf(g)) {
      const lo = buf.hopOffset[k];
      const hi = buf.hopOffset[k + 1];
      k++;
      if (hi > lo) addRoute(st, fg2, amount, buf.hopSlot, buf.hopSent, buf.hopOut, buf.hopIn, lo, hi, 1);
    }
  }
  return st;
}

function* range(lo: number, hi: number): Iterable<number> {
  for (let i = lo; i < hi; i++) yield i;
}

/** p10/p50/p90 of the values (linear interpolation between order statistics, like numpy's default). */
export function spreadOf(values: ArrayLike<number>): Spread {
  const xs = Array.from(values).sort((a, b) => a - b);
  const q = (p: number): number => {
    if (xs.length === 0) return 0;
    const pos = (xs.length - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
  };
  return { p10: q(0.1), p50: q(0.5), p90: q(0.9) };
}
