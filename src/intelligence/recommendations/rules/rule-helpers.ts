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
