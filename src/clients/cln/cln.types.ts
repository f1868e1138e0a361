import type { ForwardingSummary, OwnChannelBalance } from '../common/own-channel.types';
import type { UpstreamProbe } from '../common/upstream.types';
import type { ListChannelsJson, ListNodesJson } from '../../graph/loaders/listchannels.loader';

export const CLN_CLIENT = Symbol('CLN_CLIENT');

/** The operator's own Core Lightning node (`getinfo`). */
export interface ClnNodeInfo {
  identityPubkey: string;
  alias: string;
  /** `#rrggbb` (CLN sends the hex without `#`). */
  color: string;
  version: string;
  network: string;
  blockHeight: number;
  numPeers: number;
  numActiveChannels: number;
  numInactiveChannels: number;
  numPendingChannels: number;
  /** All routing fees ever collected, msat. */
  feesCollectedMsat: number;
}

/** One of the own node's channels (`listpeerchannels`), balances in sat (msat floored). */
export interface ClnPeerChannel extends OwnChannelBalance {
  state: string;
  peerConnected: boolean;
  private: boolean;
  /** Our outgoing policy on the channel. */
  feeBaseMsat: number | null;
  feeRatePpm: number | null;
}

/** A settled forward (`listforwards`). Times in unix seconds. */
export interface ClnForward {
  createdIndex: number;
  inChannel: string;
  outChannel: string | null;
  inMsat: number;
  outMsat: number | null;
  feeMsat: number;
  receivedTime: number;
  resolvedTime: number | null;
}

/** A node of the CLN node's gossip (`listnodes`). */
export interface ClnGossipNode {
  pubkey: string;
  /** Null when the node never sent a node_announcement. */
  alias: string | null;
  color: string | null;
  lastTimestamp: number | null;
  addresses: string[];
}

/** One direction of a public channel (`listchannels`): the policy `source` charges toward `destination`. */
export interface ClnGossipChannel {
  source: string;
  destination: string;
  shortChannelId: string;
  capacitySat: number;
  active: boolean;
  lastUpdate: number;
  baseFeeMsat: number;
  feeRatePpm: number;
  delay: number;
  htlcMinimumMsat: number | null;
  htlcMaximumMsat: number | null;
}

/** Core Lightning REST (clnrest) of the operator's own node: balances, forwards, and the live gossip graph. */
export interface ClnApi extends UpstreamProbe {
  getInfo(): Promise<ClnNodeInfo>;
  /** Open channels (CHANNELD_NORMAL or awaiting a splice); closed and still-opening ones are left out. */
  listPeerChannels(): Promise<ClnPeerChannel[]>;
  /** Settled forwards whose HTLC arrived at or after `fromSec`, oldest first; at most `maxEvents`. */
  settledForwardsSince(fromSec: number, opts?: { maxEvents?: number; pageSize?: number }): Promise<{ forwards: ClnForward[]; complete: boolean }>;
  forwardingSummary24h(now?: Date): Promise<ForwardingSummary>;
  /** The whole gossip graph as the loader reads it (`listchannels` + `listnodes`), validated, unmapped: it is large. */
  graph(): Promise<{ channels: ListChannelsJson['channels']; nodes: ListNodesJson['nodes'] }>;
  /** One node from gossip, or null when CLN does not know it. */
  getNode(pubkey: string): Promise<ClnGossipNode | null>;
  /** The channels a node announces policies for (`listchannels source=<pubkey>`): its outbound side. */
  channelsOf(pubkey: string): Promise<ClnGossipChannel[]>;
  /** The policies its peers announce toward it (`listchannels destination=<pubkey>`). */
  channelsTo(pubkey: string): Promise<ClnGossipChannel[]>;
}
