import type { FlowGraph } from './flow-graph';
import type { RoutingParams } from './flow.types';

/*
 * LND's route choice (lnd routing/pathfind.go `findPath`, probability from routing/probability_apriori.go),
 * re-implemented over a FlowGraph. The search runs from the receiver backwards; each label holds what the
 * node must receive to deliver the payment, the accumulated weight (fees + time-lock penalty), the product
 * of hop success probabilities and the CLTV so far. A label's distance is LND's
 * `getProbabilityBasedDist`: int64(weight + attemptCost / probability), attemptCost = attemptCostMsat +
 * amount × attemptCostPpm / 1e6. The heap orders by distance, then higher probability, then lower node index
 * (the last key only makes pop order total, so the Python reference pops in the same order); an edge replaces
 * a label when its distance is lower, or equal with a higher probability (LND's rule).
 *
 * One search serves every sender of a (receiver, amount) group: the labels do not depend on the sender,
 * because LND's per-sender search only differs at the sender itself (its own channel pays no fee, adds no
 * time lock and has the local probability) and distances never decrease along a path, so no label the
 * sender's best route reads can go through the sender. {@link senderRoute} does the sender's step.
 */

/** Labels of one search; reused between searches (reset by a stamp, not by clearing). */
export class RouteSearch {
  readonly dist: Float64Array;
  readonly weight: Float64Array;
  readonly prob: Float64Array;
  /** Amount the node must receive, msat, excluding the inbound fee it charges on the incoming channel. */
  readonly net: Float64Array;
  /** The node's outbound fee on its next hop, msat (0 at the receiver). */
  readonly outFee: Float64Array;
  readonly cltv: Float64Array;
  /** Slot the node forwards over (−1 at the receiver). */
  readonly next: Int32Array;
  private readonly stamp: Int32Array;
  /** Senders of the current search (stamp), their best source distance so far (bound for early stop). */
  private readonly senderStamp: Int32Array;
  private readonly senderBest: Float64Array;
  private current = 0;
  private heapDist: Float64Array;
  private heapProb: Float64Array;
  private heapNode: Int32Array;
  private heapSize = 0;
  /** Heap pops of the last search (for benchmarks). */
  pops = 0;
  target = -1;
  amountMsat = 0;
  penaltyMsat = 0;

  constructor(nodeCount: number) {
    this.dist = new Float64Array(nodeCount);
    this.weight = new Float64Array(nodeCount);
    this.prob = new Float64Array(nodeCount);
    this.net = new Float64Array(nodeCount);
    this.outFee = new Float64Array(nodeCount);
    this.cltv = new Float64Array(nodeCount);
    this.next = new Int32Array(nodeCount);
    this.stamp = new Int32Array(nodeCount);
    this.senderStamp = new Int32Array(nodeCount);
    this.senderBest = new Float64Array(nodeCount);
    this.heapDist = new Float64Array(1024);
    this.heapProb = new Float64Array(1024);
    this.heapNode = new Int32Array(1024);
  }

  /** Whether node `v` has a label in the last search. */
  has(v: number): boolean {
    return this.stamp[v] === this.current;
  }

  /**
   * Runs the backward search for `amountMsat` to `target`. With `senders`, it stops as soon as no sender's
   * route can change any more: every sender has a candidate first hop and the smallest distance left in the
   * heap exceeds every sender's best candidate (distances strictly grow along a path, so no later label can
   * give a sender a better route). Without, it labels the whole graph.
   */
  run(fg: FlowGraph, p: RoutingParams, target: number, amountMsat: number, senders?: ArrayLike<number>): void {
    this.current++;
    if (this.current === 0x7fffffff) {
      this.stamp.fill(0);
      this.senderStamp.fill(0);
      this.current = 1;
    }
    const senderStamp = this.senderStamp;
    const senderBest = this.senderBest;
    let unresolved = 0;
    const distinctSenders: number[] = [];
    if (senders) {
      for (let i = 0; i < senders.length; i++) {
        const s = senders[i];
        if (s === target || senderStamp[s] === this.current) continue;
        senderStamp[s] = this.current;
        senderBest[s] = Number.POSITIVE_INFINITY;
        distinctSenders.push(s);
        unresolved++;
      }
    }
    let maxCandidate = Number.NEGATIVE_INFINITY;
    const localProb = p.localChannelProbability;
    this.target = target;
    this.amountMsat = amountMsat;
    this.penaltyMsat = attemptPenaltyMsat(p, amountMsat);
    this.pops = 0;
    this.heapSize = 0;
    const { dist, weight, prob, net, outFee, cltv, next, stamp } = this;
    const cur = this.current;
    const penalty = this.penaltyMsat;
    stamp[target] = cur;
    weight[target] = 0;
    prob[target] = 1;
    net[target] = amountMsat;
    outFee[target] = 0;
    cltv[target] = p.finalCltvDelta + p.blockPadding;
    next[target] = -1;
    dist[target] = Math.trunc(penalty);
    this.push(dist[target], 1, target);
    const { fwdInOffset, fwdInSlots, from, feeBaseMsat, feeRatePpm, inboundFeeBaseMsat, inboundFeeRatePpm, minHtlcMsat, maxHtlcMsat, capacityMsat, cltvDelta } = fg;
    const apriori = p.aprioriHopProbability;
    const cutoffFraction = p.capacityFraction;
    const risk = p.riskFactorBillionths;
    const cltvLimit = p.cltvLimit;
    const minProb = p.minRouteProbability;
    while (this.heapSize > 0) {
      const d = this.heapDist[0];
      const pr = this.heapProb[0];
      const v = this.heapNode[0];
      this.pop();
      if (d !== dist[v] || pr !== prob[v]) continue;
      if (senders && unresolved === 0 && d > maxCandidate) {
        maxCandidate = 0;
        for (const s of distinctSenders) if (senderBest[s] > maxCandidate) maxCandidate = senderBest[s];
        if (d > maxCandidate) break;
      }
      this.pops++;
      const netV = net[v];
      const isTarget = v === target;
      if (unresolved > 0) {
        // Candidate first hops of senders into v: a bound only (the sender's step picks the route at the end).
        // Once every sender has one, the candidates stop improving; the stop test stays valid, only later.
        for (let k = fg.inOffset[v]; k < fg.inOffset[v + 1]; k++) {
          const e = fg.inSlots[k];
          const s = from[e];
          if (senderStamp[s] !== cur || s === v) continue;
          let inFee = 0;
          if (!isTarget) {
            const r = e ^ 1;
            inFee = inboundFeeBaseMsat[r] + Math.trunc((netV * inboundFeeRatePpm[r]) / 1e6);
            if (inFee < -outFee[v]) inFee = -outFee[v];
          }
          const sent = netV + inFee;
          if (sent < minHtlcMsat[e] || sent > maxHtlcMsat[e] || sent > capacityMsat[e]) continue;
          const ps = prob[v] * localProb;
          if (ps < minProb) continue;
          // The sender pays no fee and no time lock on its own hop, but a positive inbound fee of v counts (LND).
          const ds = Math.trunc(weight[v] + (inFee > 0 ? inFee : 0) + penalty / ps);
          if (ds < senderBest[s]) {
            if (senderBest[s] === Number.POSITIVE_INFINITY) unresolved--;
            senderBest[s] = ds;
          }
        }
      }
      // No edge out of v can give a distance below this (weight only grows, probability only shrinks), so
      // tails already labelled below it are skipped without computing the edge: an exact shortcut.
      const bound = Math.trunc(weight[v] + penalty / (prob[v] * apriori));
      for (let k = fwdInOffset[v]; k < fwdInOffset[v + 1]; k++) {
        const e = fwdInSlots[k];
        const u = from[e];
        if (u === target) continue;
        if (stamp[u] === cur && bound > dist[u]) continue;
        // v's inbound fee on this channel sits in v's own direction of it (slot e ^ 1); the receiver charges none.
        let inFee = 0;
        if (!isTarget) {
          const r = e ^ 1;
          inFee = inboundFeeBaseMsat[r] + Math.trunc((netV * inboundFeeRatePpm[r]) / 1e6);
          if (inFee < -outFee[v]) inFee = -outFee[v];
        }
        const sent = netV + inFee;
        if (sent < minHtlcMsat[e] || sent > maxHtlcMsat[e]) continue;
        const cap = capacityMsat[e];
        const edgeProb = apriori * capacityFactor(sent, cap, cutoffFraction);
        if (edgeProb === 0) continue;
        const cltvU = cltv[v] + cltvDelta[e];
        if (cltvU > cltvLimit) continue;
        const fee = feeBaseMsat[e] + Math.floor((sent * feeRatePpm[e]) / 1e6);
        const pu = prob[v] * edgeProb;
        if (pu < minProb) continue;
        const netU = sent + fee;
        const signedFee = inFee + fee;
        // LND's edgeWeight locks the amount the next node receives (amountToSend), not what u receives.
        const w = weight[v] + (signedFee > 0 ? signedFee : 0) + Math.floor((sent * cltvDelta[e] * risk) / 1e9);
        const du = Math.trunc(w + penalty / pu);
        if (stamp[u] === cur) {
          if (du > dist[u]) continue;
          if (du === dist[u] && pu <= prob[u]) continue;
        }
        stamp[u] = cur;
        dist[u] = du;
        weight[u] = w;
        prob[u] = pu;
        net[u] = netU;
        outFee[u] = fee;
        cltv[u] = cltvU;
        next[u] = e;
        this.push(du, pu, u);
      }
    }
  }

  private less(d1: number, p1: number, n1: number, d2: number, p2: number, n2: number): boolean {
    if (d1 !== d2) return d1 < d2;
    if (p1 !== p2) return p1 > p2;
    return n1 < n2;
  }

  private push(d: number, pr: number, v: number): void {
    if (this.heapSize === this.heapDist.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as { new (n: number): T })(a.length * 2);
        b.set(a);
        return b;
      };
      this.heapDist = grow(this.heapDist);
      this.heapProb = grow(this.heapProb);
      this.heapNode = grow(this.heapNode);
    }
    const hd = this.heapDist;
    const hp = this.heapProb;
    const hn = this.heapNode;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(d, pr, v, hd[parent], hp[parent], hn[parent])) break;
      hd[i] = hd[parent];
      hp[i] = hp[parent];
      hn[i] = hn[parent];
      i = parent;
    }
    hd[i] = d;
    hp[i] = pr;
    hn[i] = v;
  }

  private pop(): void {
    const hd = this.heapDist;
    const hp = this.heapProb;
    const hn = this.heapNode;
    const size = --this.heapSize;
    if (size === 0) return;
    const d = hd[size];
    const pr = hp[size];
    const v = hn[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.less(hd[c + 1], hp[c + 1], hn[c + 1], hd[c], hp[c], hn[c])) c++;
      if (!this.less(hd[c], hp[c], hn[c], d, pr, v)) break;
      hd[i] = hd[c];
      hp[i] = hp[c];
      hn[i] = hn[c];
      i = c;
    }
    hd[i] = d;
    hp[i] = pr;
    hn[i] = v;
  }
}

/** LND's absolute attempt cost for an amount, msat: `AttemptCost + amt × AttemptCostPPM / 1e6` (integer msat). */
export function attemptPenaltyMsat(p: RoutingParams, amountMsat: number): number {
  return p.attemptCostMsat + Math.floor((amountMsat * p.attemptCostPpm) / 1e6);
}

/** Capacity factor of lnd routing/probability_apriori.go `capacityFactor` (smearing 0.025, floor 0.5). */
export function capacityFactor(amountMsat: number, capacityMsat: number, cutoffFraction: number): number {
  if (capacityMsat === 0) return 1;
  if (amountMsat > capacityMsat) return 0;
  const cutoff = cutoffFraction * capacityMsat;
  const smearing = CAPACITY_SMEARING_FRACTION * capacityMsat;
  const x = -(amountMsat - cutoff) / smearing;
  // Past x = 40 the term below is under 2^-54 and the formula rounds to exactly 1: skip the exp.
  if (x > 40) return 1;
  return 1 - (1 - MIN_CAPACITY_FACTOR) / (1 + Math.exp(x));
}

/** lnd routing/probability_apriori.go `capacitySmearingFraction`. */
export const CAPACITY_SMEARING_FRACTION = 0.025;
/** lnd routing/probability_apriori.go `minCapacityFactor`. */
export const MIN_CAPACITY_FACTOR = 0.5;

/** A route: slots from the sender to the receiver, with the amounts and fees of every hop. */
export interface Route {
  slots: number[];
  /** Amount sent over each slot, msat. */
  sentMsat: number[];
  /** Outbound fee the slot's owner charges for forwarding over it (0 on the sender's own first hop). */
  feeOutMsat: number[];
  /** Inbound fee the slot's far end charges for receiving over it (0 at the receiver). */
  feeInMsat: number[];
  dist: number;
  probability: number;
}

/**
 * The sender's step of LND's search on the labels of a finished {@link RouteSearch}: over the sender's enabled
 * channels to a labelled node, no fee and no time lock on its own hop, the local probability, the amount
 * limits still checked. Lowest distance wins, then higher probability, then the lower slot. Null when none.
 */
export function senderRoute(fg: FlowGraph, p: RoutingParams, rs: RouteSearch, sender: number): Route | null {
  const target = rs.target;
  if (sender === target) return null;
  let best = -1;
  let bestDist = 0;
  let bestProb = 0;
  let bestSent = 0;
  let bestIn = 0;
  for (let k = fg.outOffset[sender]; k < fg.outOffset[sender + 1]; k++) {
    const e = fg.outSlots[k];
    const u = fg.to[e];
    if (u === sender || !rs.has(u)) continue;
    let inFee = 0;
    if (u !== target) {
      const r = e ^ 1;
      inFee = fg.inboundFeeBaseMsat[r] + Math.trunc((rs.net[u] * fg.inboundFeeRatePpm[r]) / 1e6);
      if (inFee < -rs.outFee[u]) inFee = -rs.outFee[u];
    }
    const sent = rs.net[u] + inFee;
    if (sent < fg.minHtlcMsat[e] || sent > fg.maxHtlcMsat[e] || sent > fg.capacityMsat[e]) continue;
    const pr = rs.prob[u] * p.localChannelProbability;
    if (pr === 0 || pr < p.minRouteProbability) continue;
    const d = Math.trunc(rs.weight[u] + (inFee > 0 ? inFee : 0) + rs.penaltyMsat / pr);
    if (best >= 0 && (d > bestDist || (d === bestDist && pr <= bestProb))) continue;
    best = e;
    bestDist = d;
    bestProb = pr;
    bestSent = sent;
    bestIn = inFee;
  }
  if (best < 0) return null;
  const route: Route = { slots: [best], sentMsat: [bestSent], feeOutMsat: [0], feeInMsat: [bestIn], dist: bestDist, probability: bestProb };
  let v = fg.to[best];
  while (v !== target) {
    const e = rs.next[v];
    const w = fg.to[e];
    const sent = rs.net[v] - rs.outFee[v];
    route.slots.push(e);
    route.sentMsat.push(sent);
    route.feeOutMsat.push(rs.outFee[v]);
    route.feeInMsat.push(w === target ? 0 : sent - rs.net[w]);
    v = w;
  }
  return route;
}

/** LND-like route for one payment (a whole search; for tests and single look-ups). */
export function findRoute(fg: FlowGraph, p: RoutingParams, sender: number, receiver: number, amountMsat: number, rs = new RouteSearch(fg.nodeCount)): Route | null {
  rs.run(fg, p, receiver, amountMsat);
  return senderRoute(fg, p, rs, sender);
}
