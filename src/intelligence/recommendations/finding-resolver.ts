import { closeChannelCommands, enableChannelCommands, FeePolicy, peerPolicyCommands } from './commands/command-templates';
import type { ChannelView, NodeAnalysis } from './node-analysis';
import { Finding, PRIORITIES, Priority } from './recommendation.types';
import { channelRef } from './rules/rule-helpers';

/**
 * Findings come from the rules per channel; the operator acts per peer relationship. This turns the first
 * into the second: at most one policy decision per peer (never a raise beside a lower), nothing else (no
 * re-pricing, no rebalancing) for a channel the advice also closes, one decision for a disabled channel the
 * rules would also close (its "re-enable, or close it if it stays disabled" item), and parallel channels
 * covered by one recommendation whose commands touch only the channels that change.
 */

/** Rules whose advice closes the channel: any other advice on the same channel is dropped. */
const CLOSING_RULES = new Set(['small_channel', 'idle_channel']);
/**
 * Rules whose advice opens a channel to `targetNodes[0]` (at the one amount the pool sizes for that peer): one
 * recommendation per peer, the diagnosis first (few peers, then no hub, then the candidate simulation) at equal
 * priority, the others' reasons riding along.
 */
export const OPEN_RULES = new Set(['few_channels', 'no_hub', 'channel_candidate']);
const OPEN_PREFERENCE: Record<string, number> = { few_channels: 0, no_hub: 1, channel_candidate: 2 };
/** Findings grouped per peer and rule into one recommendation covering the parallel channels. */
const GROUPED_RULES = new Set(['channel_disabled', 'small_channel', 'max_htlc_small', 'idle_channel']);

const PRIORITY_ORDER = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Priority, number>;
const better = (a: Finding, b: Finding) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || b.impactScore - a.impactScore;

/** +1 raises the fee rate, −1 lowers it, 0 for policy findings that do not touch the rate. */
export function rateDirection(f: Finding): number {
  if (f.policyChange?.feeRatePpm === undefined || typeof f.currentValue !== 'number') return 0;
  return Math.sign(f.policyChange.feeRatePpm - f.currentValue);
}

function ref(ch: ChannelView) {
  return { ...channelRef(ch), capacitySat: ch.capacitySat };
}

/** Merges one peer's policy findings into one finding; `primary` keeps its message, the others ride along in `also`. */
function mergePolicy(node: NodeAnalysis, fs: Finding[], peerChannelCount: number): Finding {
  // The common case, one change on the only channel with the peer: the rule's own commands say exactly that.
  if (fs.length === 1 && peerChannelCount === 1 && fs[0].commands) return fs[0];
  const sorted = [...fs].sort(better);
  const primary = sorted[0];
  const perChannel = new Map<ChannelView, FeePolicy>();
  for (const f of sorted) {
    const ch = f.channel!;
    const local = ch.local!;
    const next = perChannel.get(ch) ?? { baseFeeMsat: local.baseFeeMsat, feeRatePpm: local.feeRatePpm, cltvDelta: local.cltvDelta };
    perChannel.set(ch, { ...next, ...f.policyChange });
  }
  const channels = [...perChannel.keys()].sort((a, b) => b.capacitySat - a.capacitySat);
  const changes = channels.map((ch) => ({ ref: ref(ch), current: { baseFeeMsat: ch.local!.baseFeeMsat, feeRatePpm: ch.local!.feeRatePpm, cltvDelta: ch.local!.cltvDelta }, next: perChannel.get(ch)! }));
  return {
    ...primary,
    channels,
    channelsAffected: channels.length,
    also: sorted.slice(1),
    commands: peerPolicyCommands(changes, peerChannelCount),
    evidence: peerChannelCount > 1 ? [...primary.evidence, { name: 'channels_with_this_peer', value: peerChannelCount, unit: 'channels', source: node.source, date: node.network.snapshotDate }] : primary.evidence,
  };
}

function mergeGroup(fs: Finding[], peerChannelCount: number): Finding {
  const sorted = [...fs].sort(better);
  const primary = sorted[0];
  if (sorted.length === 1 && peerChannelCount === 1) return primary;
  const channels = sorted.map((f) => f.channel!);
  const [first, ...rest] = channels.map(channelRef);
  let commands = primary.commands;
  if (primary.rule === 'channel_disabled') commands = enableChannelCommands(first, rest);
  else if (primary.rule === 'small_channel' || primary.rule === 'idle_channel') commands = closeChannelCommands(first, rest, peerChannelCount);
  return {
    ...primary,
    channels,
    channelsAffected: channels.length,
    amountSuggestion: primary.amountSuggestion === null ? null : sorted.reduce((s, f) => s + (f.amountSuggestion ?? 0), 0),
    params: 'capacity' in primary.params ? { ...primary.params, capacity: channels.reduce((s, c) => s + c.capacitySat, 0) } : primary.params,
    also: sorted.slice(1),
    commands,
  };
}

function mergeOpens(fs: Finding[]): Finding {
  if (fs.length === 1) return fs[0];
  const sorted = [...fs].sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || (OPEN_PREFERENCE[a.rule] ?? 9) - (OPEN_PREFERENCE[b.rule] ?? 9) || b.impactScore - a.impactScore);
  const primary = sorted[0];
  const names = new Set(primary.evidence.map((e) => e.name));
  const evidence = [...primary.evidence];
  for (const e of sorted.slice(1).flatMap((f) => f.evidence)) {
    if (names.has(e.name)) continue;
    names.add(e.name);
    evidence.push(e);
  }
  return { ...primary, evidence, also: sorted.slice(1) };
}

function add(map: Map<string, Finding[]>, key: string, f: Finding): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}

export function resolveFindings(node: NodeAnalysis, findings: Finding[]): Finding[] {
  // Built only when a node has findings of that kind (whole-graph runs resolve every node's findings).
  let disabled: Set<ChannelView> | null = null;
  for (const f of findings) if (f.channel && f.rule === 'channel_disabled') (disabled ??= new Set<ChannelView>()).add(f.channel);
  let closing: Set<ChannelView> | null = null;
  for (const f of findings) if (f.channel && CLOSING_RULES.has(f.rule) && !disabled?.has(f.channel)) (closing ??= new Set<ChannelView>()).add(f.channel);

  const out: Finding[] = [];
  const policyByPeer = new Map<string, Finding[]>();
  const groups = new Map<string, Finding[]>();
  const opens = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.channel) {
      if (OPEN_RULES.has(f.rule) && f.commands && f.targetNodes.length > 0) add(opens, f.targetNodes[0], f);
      else out.push(f);
      continue;
    }
    // A disabled channel's item already says "or close it": a second item closing it would contradict the first.
    if (CLOSING_RULES.has(f.rule) ? disabled?.has(f.channel) : closing?.has(f.channel)) continue;
    if (f.policyChange && f.channel.local) {
      add(policyByPeer, f.channel.peerPubkey, f);
      continue;
    }
    if (GROUPED_RULES.has(f.rule)) {
      add(groups, `${f.rule}|${f.channel.peerPubkey}`, f);
      continue;
    }
    out.push(f);
  }
  for (const fs of opens.values()) out.push(mergeOpens(fs));
  if (policyByPeer.size === 0 && groups.size === 0) return out;
  const peerChannels = new Map<string, number>();
  for (const ch of node.channels) peerChannels.set(ch.peerPubkey, (peerChannels.get(ch.peerPubkey) ?? 0) + 1);
  for (const [peer, fs] of policyByPeer) {
    // One direction per peer: the side with the larger stake (priority, then capacity × log-distance) wins.
    let up = 0;
    let down = 0;
    for (const f of fs) {
      const d = rateDirection(f);
      const weight = (PRIORITIES.length - PRIORITY_ORDER[f.priority]) * 1e15 + f.impactScore;
      if (d > 0) up += weight;
      if (d < 0) down += weight;
    }
    const drop = up >= down ? -1 : 1;
    // A channel whose rate change lost the vote is left entirely alone this round, so that every channel
    // the advice touches ends up settled (the fixed point) rather than half-changed.
    const losers = new Set(fs.filter((f) => rateDirection(f) === drop).map((f) => f.channel));
    const kept = fs.filter((f) => !losers.has(f.channel));
    if (kept.length > 0) out.push(mergePolicy(node, kept, peerChannels.get(peer) ?? 1));
  }
  for (const fs of groups.values()) out.push(mergeGroup(fs, peerChannels.get(fs[0].channel!.peerPubkey) ?? 1));
  return out;
}
