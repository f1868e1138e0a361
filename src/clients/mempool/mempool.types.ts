import type { UpstreamProbe } from '../common/upstream.types';

export const MEMPOOL_CLIENT = Symbol('MEMPOOL_CLIENT');

/** A public node as mempool's Lightning explorer sees it. */
export interface MempoolNodeDetails {
  pubkey: string;
  alias: string;
  color: string;
  /** Unix seconds. */
  firstSeen: number;
  updatedAt: number;
  /** `host:port` addresses. */
  sockets: string[];
  activeChannelCount: number;
  /** Sum of the active channels' capacity. */
  capacitySat: number;
  openedChannelCount: number;
  closedChannelCount: number;
  asNumber: number | null;
  asOrganization: string | null;
  /** ISO 3166 country code of the node's clearnet address, when geolocated. */
  isoCode: string | null;
  country: string | null;
  city: string | null;
}

export type MempoolChannelStatus = 'open' | 'active' | 'closed';

export interface MempoolChannel {
  /** uint64 channel id, decimal. */
  id: string;
  shortId: string;
  status: 'inactive' | 'active' | 'closed';
  capacitySat: number;
  /** The queried node's own outgoing fee rate on this channel. */
  feeRatePpm: number;
  /** Unix seconds, for closed channels. */
  closingDate: number | null;
  closingReason: number | null;
  peer: { pubkey: string; alias: string; channelCount: number; capacitySat: number };
}

export interface MempoolChannelPage {
  channels: MempoolChannel[];
  /** From the X-Total-Count header; null if the header is missing. */
  total: number | null;
  /** Offset this page starts at. */
  index: number;
}

export interface MempoolChannelList {
  channels: MempoolChannel[];
  total: number | null;
  /** False when `maxPages` stopped the walk before every channel was read. */
  complete: boolean;
}

export interface MempoolNetworkStatsRow {
  /** ISO time of the row. */
  added: string;
  nodeCount: number;
  channelCount: number;
  totalCapacitySat: number;
  torNodes: number;
  clearnetNodes: number;
  unannouncedNodes: number;
  clearnetTorNodes: number;
  avgCapacitySat: number;
  avgFeeRatePpm: number;
  avgBaseFeeMsat: number;
  medCapacitySat: number;
  medFeeRatePpm: number;
  medBaseFeeMsat: number;
}

export interface MempoolNetworkStats {
  latest: MempoolNetworkStatsRow;
  /** The row from 7 days before, when mempool has it. */
  previous: MempoolNetworkStatsRow | null;
}

/** mempool.space Lightning API (no key): a live source for any public node. */
export interface MempoolApi extends UpstreamProbe {
  /** Node details, or null when mempool does not know the node (it answers those with HTTP 500). */
  getNode(pubkey: string): Promise<MempoolNodeDetails | null>;
  /** One page (10 channels, largest first) of the node's channels. */
  getChannelsPage(pubkey: string, opts?: { status?: MempoolChannelStatus; index?: number }): Promise<MempoolChannelPage>;
  /** Pages through the node's channels, at most `maxPages` requests (default 10, i.e. 100 channels). */
  getChannels(pubkey: string, opts?: { status?: MempoolChannelStatus; maxPages?: number }): Promise<MempoolChannelList>;
  /** Network totals now and 7 days ago. */
  getNetworkStats(): Promise<MempoolNetworkStats>;
}
