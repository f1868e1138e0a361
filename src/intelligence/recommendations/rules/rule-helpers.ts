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
 * One fee step moves by at most ×2 or ÷2 (PRACTICE: operators move in bounded steps and watch forwards in
 * between; LNDg and Autofees do the same), or by 100 ppm where that is the larger move, so that a 1 ppm
 * fee does not crawl up one doubling at a time.
 */
export const MAX_FEE_STEP_FACTOR = 2;
export const MIN_FEE_STEP_PPM = 100;

/**
 * The fees to set one after another, a few days apart, to go from `current` to `target` (the last entry is
 * the target). A remainder smaller than the minimum change is folded into the step before it, which may then
 * exceed the bound by at most that minimum (20 % or 10 ppm).
 */
export function feePath(current: number, target: number): number[] {
  const steps: number[] = [];
  let c = current;
  while (c !== target && steps.length < 64) {
    let next = target > c ? Math.min(target, niceFloor(Math.max(c * MAX_FEE_STEP_FACTOR, c + MIN_FEE_STEP_PPM))) : Math.max(target, niceCeil(Math.min(c / MAX_FEE_STEP_FACTOR, c - MIN_FEE_STEP_PPM)));
    if (next !== target && !worthChanging(next, target)) next = target;
    steps.push(next);
    c = next;
  }
  return steps;
}
