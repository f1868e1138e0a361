import type { OwnChannelBalance } from '../../clients/common/own-channel.types';

/** The implementations an operator's own node can run, as named in `own_node.source` and evidence. */
export type OwnNodeSourceName = 'lnd' | 'cln';

/** Fees are summed per outgoing channel over this window to find channels that earn nothing. */
export const FORWARDING_WINDOW_DAYS = 30;

export interface OwnNodeIdentity {
  identityPubkey: string;
}

export interface OwnNodeData {
  /** Which node API the data comes from. */
  source: OwnNodeSourceName;
  identityPubkey: string;
  channels: OwnChannelBalance[];
  revenue24hMsat: number;
  forwards24h: number;
  /** Routing fees earned per outgoing channel (keyed by `OwnChannelBalance.chanId`) over the window, msat. */
  feesByChanIdMsat: Record<string, number>;
  windowDays: number;
  /** False when the node's forwarding log was cut at the paging cap. */
  complete: boolean;
  /**
   * The channels' current policies per channel id (LND `/v1/fees`, inbound fees included; Core Lightning
   * `listpeerchannels`): fresher than the gossip the graph holds, and what a policy command must repeat.
   */
  policiesByChanId?: Record<string, OwnChannelPolicy>;
}

export interface OwnChannelPolicy {
  baseFeeMsat: number;
  feeRatePpm: number;
  /** Absent where the implementation has no inbound fees (Core Lightning). */
  inboundBaseFeeMsat?: number;
  inboundFeeRatePpm?: number;
}

/**
 * One node API that can describe the operator's own node (LND REST, Core Lightning's clnrest). Each provider
 * only ever describes the node its API reports as its identity.
 */
export interface OwnNodeProvider {
  readonly name: OwnNodeSourceName;
  readonly configured: boolean;
  identity(): Promise<OwnNodeIdentity>;
  fetch(pubkey: string): Promise<OwnNodeData>;
}

/**
 * The own-node providers in order of precedence: LND first, then Core Lightning. When both are configured each
 * serves the pubkey its own getinfo reports; only if both reported the same identity (one node cannot run both,
 * so a misconfiguration) would LND win, because it was the own-node source before Core Lightning and an operator
 * adding CLN_* must not change what LND already answered.
 */
export const OWN_NODE_PROVIDERS = Symbol('OWN_NODE_PROVIDERS');

/** Sums fees per outgoing channel, with a zero for every channel the node has (so "earned nothing" is a fact). */
export function feesByChannel(channels: OwnChannelBalance[], forwards: Array<{ outChannel: string | null; feeMsat: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of channels) out[c.chanId] = 0;
  for (const f of forwards) if (f.outChannel !== null) out[f.outChannel] = (out[f.outChannel] ?? 0) + f.feeMsat;
  return out;
}
