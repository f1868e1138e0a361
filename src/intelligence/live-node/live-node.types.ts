/** One direction's routing policy as a live source reports it; a field the source does not give is null. */
export interface LivePolicy {
  feeRatePpm: number | null;
  baseFeeMsat: number | null;
  minHtlcMsat: number | null;
  maxHtlcMsat: number | null;
  disabled: boolean | null;
  cltvDelta: number | null;
  inboundBaseFeeMsat: number | null;
  inboundFeeRatePpm: number | null;
  /** Unix seconds of the channel_update, when the source gives it. */
  lastUpdate: number | null;
}

export interface LiveChannel {
  peerPubkey: string;
  peerAlias: string | null;
  capacitySat: number;
  /** 64-bit channel id (decimal string), when the source gives it. */
  channelId: string | null;
  shortChannelId: string | null;
  channelPoint: string | null;
  /** The source's view of whether the channel can route now; null when it does not say. */
  active: boolean | null;
  /** The node's own (outbound) policy on this channel. */
  policy: LivePolicy | null;
  /** The peer's policy toward the node, when the source gives it. */
  peerPolicy: LivePolicy | null;
}

/** A node as a live source sees it: what the node-info, advice and plan code needs when the graph lacks it. */
export interface LiveNode {
  pubkey: string;
  alias: string | null;
  color: string | null;
  channels: LiveChannel[];
  /** Unix seconds of the node's last announcement or the source's last update of it. */
  updatedAt: number | null;
  /** Whether the source gives the peers' policies too (LND does, mempool does not): a null peerPolicy then means none. */
  reportsPeerPolicies: boolean;
  /** False when the source's list of channels was cut (a paging cap): figures are then lower bounds. */
  complete: boolean;
}

/**
 * A source that can describe a node the graph does not know. `lookup` answers null when the source does not
 * know the node, and throws (an UpstreamError) when the source fails: "unknown" and "could not ask" differ.
 * Adding a source is one class implementing this plus one entry in the LIVE_NODE_SOURCES factory.
 */
export interface LiveNodeSource {
  /** Short stable name, shown as `live_source` and used in cache keys, e.g. `mempool`. */
  readonly name: string;
  /** Whether its environment is set; an unconfigured source is skipped. */
  readonly configured: boolean;
  /** The environment variables that configure it, named in the "no live source configured" error. */
  readonly configuredBy: string;
  lookup(pubkey: string): Promise<LiveNode | null>;
}

/** Injection token of the ordered list of live node sources (first that knows the node wins). */
export const LIVE_NODE_SOURCES = Symbol('LIVE_NODE_SOURCES');
