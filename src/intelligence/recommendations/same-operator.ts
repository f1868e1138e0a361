import type { ChannelView } from './node-analysis';

/**
 * Channels between two nodes of one operator: an operator running several nodes (LNBiG's hubs and edges,
 * zaphq's lndus/lndeu/lndwr, OpenNode.com 1–3, River Financial 1–2 on the embedded snapshot) links them at
 * 0 ppm both ways on purpose, to move liquidity between its own nodes for free. That is a stance, not a
 * mispriced channel: no fee advice is given on such a channel.
 *
 * Read from public data only, so a heuristic: both directions enabled at 0 ppm, and the two aliases share a
 * distinctive word of at least four letters. Both ways at 0 ppm matters: a community prefix shared by many
 * operators ("Corn🌽…" on the snapshot) comes with one-sided 0 ppm channels, never mutual ones.
 */
export const MIN_OPERATOR_WORD_LETTERS = 4;

/** Words many unrelated nodes carry in their alias (software defaults, the network's own vocabulary). */
export const GENERIC_ALIAS_WORDS: ReadonlySet<string> = new Set([
  'lightning', 'node', 'nodes', 'bitcoin', 'sats', 'satoshi', 'mynode', 'mynodebtc', 'btcnode', 'start', 'umbrel',
  'raspiblitz', 'raspibolt', 'blitz', 'raspi', 'alby', 'nodl', 'citadel', 'voltage', 'mainnet', 'testnet', 'test',
  'routing', 'router', 'wallet', 'network', 'channel', 'channels', 'public', 'private', 'payments', 'lnbits', 'corn',
]);

/** The distinctive words of an alias: lower-case letter runs of 4+ letters, generic ones left out. */
export function aliasWords(alias: string | null): string[] {
  if (!alias) return [];
  const out: string[] = [];
  for (const w of alias.toLowerCase().split(/[^a-z]+/)) if (w.length >= MIN_OPERATOR_WORD_LETTERS && !GENERIC_ALIAS_WORDS.has(w) && !out.includes(w)) out.push(w);
  return out;
}

/** The word the two aliases share, when they share a distinctive one; null otherwise. */
export function sharedOperatorWord(ownWords: readonly string[], peerAlias: string | null): string | null {
  if (ownWords.length === 0) return null;
  for (const w of aliasWords(peerAlias)) if (ownWords.includes(w)) return w;
  return null;
}

const atZero = (p: ChannelView['local']) => !!p && !p.disabled && p.feeRatePpm === 0;

/** The node's channels that look like links between two nodes of its own operator (see above). */
export function sameOperatorChannels(alias: string | null, channels: readonly ChannelView[]): Set<ChannelView> {
  const out = new Set<ChannelView>();
  // Most nodes have no channel at 0 ppm both ways: the alias is split into words only when one is there.
  const mutual = channels.filter((ch) => atZero(ch.local) && atZero(ch.remote));
  if (mutual.length === 0) return out;
  const own = aliasWords(alias);
  if (own.length === 0) return out;
  for (const ch of mutual) if (sharedOperatorWord(own, ch.peerAlias) !== null) out.add(ch);
  return out;
}
