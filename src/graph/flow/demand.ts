import type { FlowGraph } from './flow-graph';
import type { DemandParams, DemandVariant } from './flow.types';

/**
 * mulberry32: a 32-bit seeded PRNG (Tommy Ettinger's public-domain generator). Small, fast and fully
 * determined by the seed on every platform, which is all the model needs (not cryptographic).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Payments of one (receiver, amount) group: one route search from the receiver serves them all. */
export interface PaymentGroup {
  receiver: number;
  amountMsat: number;
  /** One entry per payment (a sender may repeat). */
  senders: Int32Array;
}

/** The payments of one seed. */
export interface SampledDemand {
  seed: number;
  groups: PaymentGroup[];
  payments: number;
}

/** The amount grid: `levels` log-spaced values from min to max (sat, rounded), in msat. */
export function amountGridMsat(p: Pick<DemandParams, 'minAmountSat' | 'maxAmountSat' | 'amountLevels'>): Float64Array {
  const levels = Math.max(1, Math.floor(p.amountLevels));
  const out = new Float64Array(levels);
  const lo = Math.log(p.minAmountSat);
  const hi = Math.log(p.maxAmountSat);
  for (let i = 0; i < levels; i++) {
    const x = levels === 1 ? lo : lo + ((hi - lo) * i) / (levels - 1);
    out[i] = Math.round(Math.exp(x)) * 1000;
  }
  return out;
}

/** Cumulative weights for sampling: senders need an enabled outbound direction, receivers an inbound one. */
export interface DemandWeights {
  senderCum: Float64Array;
  receiverCum: Float64Array;
}

export function demandWeights(fg: FlowGraph, variant: DemandVariant): DemandWeights {
  const n = fg.nodeCount;
  const send = new Float64Array(n);
  const recv = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (variant === 'uniform') {
      send[v] = fg.outOffset[v + 1] > fg.outOffset[v] ? 1 : 0;
      recv[v] = fg.inOffset[v + 1] > fg.inOffset[v] ? 1 : 0;
    } else {
      for (let k = fg.outOffset[v]; k < fg.outOffset[v + 1]; k++) send[v] += fg.capacityMsat[fg.outSlots[k]] / 1000;
      for (let k = fg.inOffset[v]; k < fg.inOffset[v + 1]; k++) recv[v] += fg.capacityMsat[fg.inSlots[k]] / 1000;
    }
  }
  return { senderCum: cumulative(send), receiverCum: cumulative(recv) };
}

function cumulative(w: Float64Array): Float64Array {
  const out = new Float64Array(w.length);
  let acc = 0;
  for (let i = 0; i < w.length; i++) out[i] = acc += w[i];
  return out;
}

/** Index i with cum[i-1] ≤ x < cum[i] (binary search), for x uniform in [0, total). */
function draw(cum: Float64Array, rnd: () => number): number {
  const x = rnd() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The payments of one seed: `ceil(paymentsPerSeed / sendersPerReceiver)` groups, each a receiver and an amount
 * level drawn independently, then `sendersPerReceiver` senders drawn independently (never the receiver). The
 * last group is cut so the total is exactly `paymentsPerSeed`.
 */
export function sampleDemand(fg: FlowGraph, params: DemandParams, seed: number, weights = demandWeights(fg, params.variant)): SampledDemand {
  const rnd = mulberry32(seed);
  const grid = amountGridMsat(params);
  const per = Math.max(1, Math.floor(params.sendersPerReceiver));
  const total = Math.max(0, Math.floor(params.paymentsPerSeed));
  const groups: PaymentGroup[] = [];
  if (weights.senderCum.length === 0 || !(weights.senderCum[weights.senderCum.length - 1] > 0) || !(weights.receiverCum[weights.receiverCum.length - 1] > 0)) {
    return { seed, groups, payments: 0 };
  }
  let left = total;
  while (left > 0) {
    const k = Math.min(per, left);
    const receiver = draw(weights.receiverCum, rnd);
    const amountMsat = grid[Math.min(grid.length - 1, Math.floor(rnd() * grid.length))];
    const senders = new Int32Array(k);
    for (let i = 0; i < k; i++) {
      let s = draw(weights.senderCum, rnd);
      // A node does not pay itself; a graph where only the receiver can send gives up after a few tries.
      for (let tries = 0; s === receiver && tries < 64; tries++) s = draw(weights.senderCum, rnd);
      senders[i] = s;
    }
    groups.push({ receiver, amountMsat, senders });
    left -= k;
  }
  return { seed, groups, payments: total };
}
