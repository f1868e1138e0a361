import type { ChannelRef } from '../commands/command-templates';
import type { ChannelView, NodeAnalysis } from '../node-analysis';
import type { Evidence, Finding } from '../recommendation.types';

/** The node's own policy on a channel when the channel can route and that direction is enabled. */
export function enabledLocal(ch: ChannelView) {
  return ch.usable && ch.local && !ch.local.disabled ? ch.local : null;
}

export function channelRef(ch: ChannelView): ChannelRef {
  return { peerPubkey: ch.peerPubkey, shortChannelId: ch.shortChannelId, channelPoint: ch.channelPoint };
}

/** A name for a peer in messages: its alias as data, or a truncated pubkey when it has none. */
export function peerName(ch: { peerAlias: string | null; peerPubkey: string }): string {
  const alias = ch.peerAlias?.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return alias ? alias.slice(0, 64) : `${ch.peerPubkey.slice(0, 10)}…`;
}

export function channelId(ch: ChannelView): string | null {
  return ch.shortChannelId ?? ch.channelPoint;
}

/** Evidence taken from the graph snapshot. */
export function graphEvidence(node: NodeAnalysis, name: string, value: number | string | null, unit: string): Evidence {
  return { name, value, unit, source: node.source, date: node.network.snapshotDate };
}

/** The fields every finding shares, so rules only say what is particular to them. */
export function baseFinding(f: Pick<Finding, 'rule' | 'type' | 'category' | 'priority' | 'message' | 'params'> & Partial<Finding>): Finding {
  return {
    channel: null,
    targetNodes: [],
    currentValue: null,
    suggestedValue: null,
    channelsAffected: f.channel ? 1 : 0,
    amountSuggestion: null,
    direction: null,
    evidence: [],
    confidence: 0.7,
    impactScore: 0,
    commands: null,
    ...f,
  };
}

/** Rounds a fee suggestion to a value an operator would set: whole ppm, 2 significant digits above 100. */
export function niceFee(ppm: number): number {
  if (ppm <= 100) return Math.max(1, Math.round(ppm));
  const magnitude = 10 ** (Math.floor(Math.log10(ppm)) - 1);
  return Math.round(ppm / magnitude) * magnitude;
}

/** Like niceFee, rounded up (never below x): a floor that must hold after rounding stays held. */
export function niceCeil(ppm: number): number {
  if (ppm <= 100) return Math.max(1, Math.ceil(ppm));
  const magnitude = 10 ** (Math.floor(Math.log10(ppm)) - 1);
  return Math.ceil(ppm / magnitude) * magnitude;
}

/** Like niceFee, rounded down (never above x, never below 0). */
export function niceFloor(ppm: number): number {
  if (ppm <= 100) return Math.max(0, Math.floor(ppm));
  const magnitude = 10 ** (Math.floor(Math.log10(ppm)) - 1);
  return Math.floor(ppm / magnitude) * magnitude;
}

/** Fee changes smaller than this (ppm, and 20 %) are noise: each update is gossip that peers rate-limit. */
export const MIN_FEE_DELTA_PPM = 10;
export const MIN_FEE_DELTA_RATIO = 0.2;

export function worthChanging(current: number, next: number): boolean {
  const delta = Math.abs(next - current);
  return delta >= MIN_FEE_DELTA_PPM && delta >= MIN_FEE_DELTA_RATIO * Math.max(current, 1);
}

/**
 * PRACTICE: operators move fees roughly 10–25 % at a time and watch forwards in between (LNDg AF and Autofees
 * work in bounded steps). Below 80 ppm a 25 % step is under the 20 ppm floor, so low fees move by that floor
 * instead (a change under 10 ppm is gossip noise).
 */
export const FEE_STEP_FACTOR = 1.25;
export const MIN_FEE_STEP_PPM = 20;
/**
 * A move that would take more than this many 25 % steps takes this many larger ones, up to ×2 / ÷2 each: far
 * from the market (1,000,000 ppm, a "do not route" stance) there is no flow to watch between small steps, and a
 * plan of fifty changes is not advice.
 */
export const MAX_FEE_STEPS = 10;
export const MAX_FEE_STEP_FACTOR = 2;

/** The factor each step of a move from `current` to `target` may change the fee by. */
export function feeStepFactor(current: number, target: number): number {
  const lo = Math.min(current, target) + MIN_FEE_STEP_PPM;
  const hi = Math.max(current, target) + MIN_FEE_STEP_PPM;
  return Math.min(MAX_FEE_STEP_FACTOR, Math.max(FEE_STEP_FACTOR, (hi / lo) ** (1 / MAX_FEE_STEPS)));
}

/**
 * The fees to set one after another, a few days apart, to go from `current` to `target` (the last entry is
 * the target). Each step is rounded to a fee an operator would set and stays worth a gossip update; a
 * remainder smaller than the minimum change is folded into the step before it.
 */
export function feePath(current: number, target: number): number[] {
  const factor = feeStepFactor(current, target);
  const steps: number[] = [];
  let c = current;
  while (c !== target && steps.length < 4 * MAX_FEE_STEPS) {
    let next: number;
    if (target > c) {
      const raw = Math.max(c * factor, c + MIN_FEE_STEP_PPM);
      next = niceFloor(raw);
      if (!worthChanging(c, next)) next = niceCeil(raw);
      next = Math.min(target, next);
    } else {
      const raw = Math.min(c / factor, c - MIN_FEE_STEP_PPM);
      next = niceCeil(raw);
      if (!worthChanging(c, next)) next = niceFloor(raw);
      next = Math.max(target, next);
    }
    if (next !== target && !worthChanging(next, target)) next = target;
    steps.push(next);
    c = next;
  }
  return steps;
}
