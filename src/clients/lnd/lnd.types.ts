import type { DescribeGraphJson } from '../../graph/loaders/describegraph.loader';
import type { ForwardingSummary } from '../common/own-channel.types';
import type { UpstreamProbe } from '../common/upstream.types';

export const LND_CLIENT = Symbol('LND_CLIENT');

/** The operator's own node (`GET /v1/getinfo`). */
export interface LndNodeInfo {
  identityPubkey: string;
  alias: string;
  color: string;
  version: string;
  numActiveChannels: number;
  numInactiveChannels: number;
  numPendingChannels: number;
  numPeers: number;
  blockHeight: number;
  syncedToChain: boolean;
  syncedToGraph: boolean;
  /** `mainnet`, `testnet`, `signet`, `regtest`..., or null if LND reports no chain. */
  network: string | null;
  uris: string[];
}

/** A node of LND's graph view (`GET /v1/graph/node/{pubkey}`). */
export interface LndGraphNode {
  pubkey: string;
  alias: string;
  color: string;
  /** Unix seconds of the node's last announcement. */
  lastUpdate: number;
  /** `host:port` addresses. */
  addresses: string[];
  numChannels: number;
  totalCapacitySat: number;
}

/** One direction's routing policy in LND's graph (`RoutingPolicy`). */
export interface LndGraphPolicy {
  feeBaseMsat: number;
  feeRatePpm: number;
  timeLockDelta: number;
  minHtlcMsat: number;
  /** Null when the uint64 is beyond 2^53 (no real limit). */
  maxHtlcMsat: number | null;
  disabled: boolean;
  /** Unix seconds. */
  lastUpdate: number;
  /** Inbound fee (LND 0.18+), null when LND does not send it. */
  inboundFeeBaseMsat: number | null;
  inboundFeeRatePpm: number | null;
}

/** A channel of LND's graph (`ChannelEdge`); a policy is null when that side never sent one. */
export interface LndGraphEdge {
  channelId: string;
  /** `BLOCKxTXxOUTPUT`, derived from channelId. */
  shortChannelId: string | null;
  chanPoint: string;
  node1Pub: string;
  node2Pub: string;
  capacitySat: number;
  node1Policy: LndGraphPolicy | null;
  node2Policy: LndGraphPolicy | null;
}

/** `GET /v1/graph/node/{pubkey}?include_channels=true`: the node and every channel LND's graph has for it. */
export interface LndGraphNodeWithChannels extends LndGraphNode {
  channels: LndGraphEdge[];
}

/** One of the operator's channels with its balances (`GET /v1/channels`). */
export interface LndChannelBalance {
  /** uint64 channel id, decimal (beyond 2^53: kept as a string). */
  chanId: string;
  /** `BLOCKxTXxOUTPUT`, derived from chanId; null for unconfirmed/alias ids. */
  shortChannelId: string | null;
  channelPoint: string;
  remotePubkey: string;
  capacitySat: number;
  localBalanceSat: number;
  remoteBalanceSat: number;
  commitFeeSat: number;
  unsettledBalanceSat: number;
  totalSatoshisSent: number;
  totalSatoshisReceived: number;
  pendingHtlcCount: number;
  active: boolean;
  private: boolean;
  initiator: boolean;
  /** Seconds the channel has been monitored, and of that, seconds the peer was online. */
  lifetimeSec: number;
  uptimeSec: number;
  localChanReserveSat: number | null;
  remoteChanReserveSat: number | null;
}

export interface LndChannelFee {
  chanId: string;
  channelPoint: string;
  baseFeeMsat: number;
  feeRatePpm: number;
  inboundBaseFeeMsat: number;
  inboundFeeRatePpm: number;
}

/** `GET /v1/fees`: current policies and forwarding revenue (sat) over fixed windows. */
export interface LndFeeReport {
  channelFees: LndChannelFee[];
  dayFeeSumSat: number;
  weekFeeSumSat: number;
  monthFeeSumSat: number;
}

export interface LndForwardingEvent {
  /** Unix seconds. */
  timestamp: number;
  chanIdIn: string;
  chanIdOut: string;
  amtInMsat: number;
  amtOutMsat: number;
  feeMsat: number;
}

export type { ForwardingSummary } from '../common/own-channel.types';

/** LND REST of the operator's own node: real balances, fees and forwarding revenue, and the live graph. */
export interface LndApi extends UpstreamProbe {
  getInfo(): Promise<LndNodeInfo>;
  /** The whole graph as LND sends it, for `loadDescribeGraph` (no mapping: it is large). */
  describeGraph(opts?: { includeUnannounced?: boolean }): Promise<DescribeGraphJson>;
  /** A node of LND's graph, or null when LND does not know it. */
  getNodeInfo(pubkey: string): Promise<LndGraphNode | null>;
  /** The same with the node's channels and both policies of each (`include_channels=true`); null when unknown. */
  getNodeInfoWithChannels(pubkey: string): Promise<LndGraphNodeWithChannels | null>;
  listChannels(opts?: { activeOnly?: boolean }): Promise<LndChannelBalance[]>;
  feeReport(): Promise<LndFeeReport>;
  /**
   * Forwarding events in [from, to] (unix seconds), oldest first, read in pages of `pageSize` (default
   * 10,000); at most `maxEvents` (default 50,000), `complete: false` when that limit cut the list.
   */
  forwardingHistory(from: number, to: number, opts?: { maxEvents?: number; pageSize?: number }): Promise<{ events: LndForwardingEvent[]; complete: boolean }>;
  /** Forwards and fee revenue over the last 24 hours. */
  forwardingSummary24h(now?: Date): Promise<ForwardingSummary>;
}
