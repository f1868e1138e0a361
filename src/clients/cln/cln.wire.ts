/**
 * Core Lightning REST (clnrest plugin) responses as sent (../shared/upstreams/clnrest.md; CLN
 * `doc/schemas/*.json`): every RPC is `POST /v1/<method>` with JSON params, success is **HTTP 201**, amounts are
 * JSON integers (`*_msat` = millisatoshi; nodes older than v23.05 wrote `"1000msat"` strings, accepted too).
 */
export type Msat = number | string;

export interface ClnGetInfoWire {
  id: string;
  alias: string;
  /** Hex without `#`. */
  color: string;
  num_peers: number;
  num_pending_channels: number;
  num_active_channels: number;
  num_inactive_channels: number;
  version: string;
  'lightning-dir': string;
  blockheight: number;
  network: string;
  fees_collected_msat: Msat;
  our_features?: { init: string; node: string; channel: string; invoice: string };
  address?: Array<{ type: string; address?: string; port?: number }>;
  binding?: Array<{ type: string; address?: string; port?: number }>;
  warning_bitcoind_sync?: string;
  warning_lightningd_sync?: string;
}

export interface ClnChannelUpdateWire {
  htlc_minimum_msat: Msat;
  htlc_maximum_msat: Msat;
  cltv_expiry_delta: number;
  fee_base_msat: Msat;
  fee_proportional_millionths: number;
}

export interface ClnPeerChannelWire {
  peer_id: string;
  peer_connected: boolean;
  /** `CHANNELD_NORMAL` for an open, usable channel. */
  state: string;
  /** Absent until the funding transaction confirms. */
  short_channel_id?: string;
  direction?: number;
  channel_id?: string;
  funding_txid?: string;
  funding_outnum?: number;
  private?: boolean;
  opener: 'local' | 'remote';
  /** Capacity, msat. */
  total_msat?: Msat;
  /** Local balance, msat. */
  to_us_msat?: Msat;
  spendable_msat?: Msat;
  receivable_msat?: Msat;
  our_reserve_msat?: Msat;
  their_reserve_msat?: Msat;
  fee_base_msat?: Msat;
  /** ppm. */
  fee_proportional_millionths?: number;
  updates?: { local?: ClnChannelUpdateWire; remote?: ClnChannelUpdateWire };
  in_fulfilled_msat?: Msat;
  out_fulfilled_msat?: Msat;
  htlcs?: Array<{ direction: string; id: number; amount_msat: Msat; expiry: number; payment_hash: string; state: string }>;
  features?: string[];
}

export interface ClnListPeerChannelsWire {
  channels: ClnPeerChannelWire[];
}

/** One direction of a public channel, from gossip. */
export interface ClnGossipChannelWire {
  source: string;
  destination: string;
  short_channel_id: string;
  direction: number;
  public: boolean;
  /** Capacity, msat. */
  amount_msat: Msat;
  message_flags: number;
  channel_flags: number;
  active: boolean;
  last_update: number;
  base_fee_millisatoshi: number;
  /** ppm. */
  fee_per_millionth: number;
  delay: number;
  htlc_minimum_msat: Msat;
  htlc_maximum_msat?: Msat;
  features: string;
}

export interface ClnListChannelsWire {
  channels: ClnGossipChannelWire[];
}

/** `listnodes`: nodes without a node_announcement carry only `nodeid`. */
export interface ClnNodeWire {
  nodeid: string;
  alias?: string;
  color?: string;
  last_timestamp?: number;
  features?: string;
  addresses?: Array<{ type: string; address?: string; port?: number }>;
}

export interface ClnListNodesWire {
  nodes: ClnNodeWire[];
}

export type ClnForwardStatus = 'offered' | 'settled' | 'local_failed' | 'failed';

export interface ClnForwardWire {
  created_index?: number;
  updated_index?: number;
  in_channel: string;
  in_htlc_id?: number;
  out_channel?: string;
  out_htlc_id?: number;
  in_msat: Msat;
  out_msat?: Msat;
  fee_msat?: Msat;
  status: ClnForwardStatus;
  style?: 'tlv' | 'legacy';
  /** Unix seconds as a float. */
  received_time: number;
  resolved_time?: number;
  failcode?: number;
  failreason?: string;
}

export interface ClnListForwardsWire {
  forwards: ClnForwardWire[];
}

/** `POST /v1/listforwards` body: pages by `created_index` (`start` inclusive). */
export interface ClnListForwardsRequestWire {
  status?: ClnForwardStatus;
  in_channel?: string;
  out_channel?: string;
  index?: 'created' | 'updated';
  start?: number;
  limit?: number;
}

/** The JSON-RPC error object clnrest sends as the body of every failure. */
export interface ClnErrorWire {
  code: number | null;
  message: string;
  data: unknown;
}
