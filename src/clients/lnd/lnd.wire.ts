/**
 * LND REST responses as sent (../shared/upstreams/lnd-rest.md; lnd `lnrpc/lightning.proto`, marshalled with
 * `EmitUnpopulated: true, UseProtoNames: true`): snake_case names, every field present, **int64/uint64 as
 * decimal strings**, 32-bit integers and doubles as numbers. Amounts in sat unless the name says msat.
 */
export type Int64 = string;

export interface LndGetInfoWire {
  version: string;
  commit_hash: string;
  identity_pubkey: string;
  alias: string;
  color: string;
  num_pending_channels: number;
  num_active_channels: number;
  num_inactive_channels: number;
  num_peers: number;
  block_height: number;
  block_hash: string;
  best_header_timestamp: Int64;
  synced_to_chain: boolean;
  synced_to_graph: boolean;
  testnet: boolean;
  chains: Array<{ chain: string; network: string }>;
  uris: string[];
  features: Record<string, { name: string; is_required: boolean; is_known: boolean }>;
  require_htlc_interceptor?: boolean;
  store_final_htlc_resolutions?: boolean;
}

export interface LndLightningNodeWire {
  last_update: number;
  pub_key: string;
  alias: string;
  addresses: Array<{ network: string; addr: string }>;
  color: string;
  features: Record<string, unknown>;
  custom_records?: Record<string, string>;
}

export interface LndRoutingPolicyWire {
  time_lock_delta: number;
  min_htlc: Int64;
  fee_base_msat: Int64;
  fee_rate_milli_msat: Int64;
  disabled: boolean;
  max_htlc_msat: Int64;
  last_update: number;
  custom_records?: Record<string, string>;
  inbound_fee_base_msat?: number;
  inbound_fee_rate_milli_msat?: number;
}

export interface LndChannelEdgeWire {
  channel_id: Int64;
  chan_point: string;
  last_update: number;
  node1_pub: string;
  node2_pub: string;
  capacity: Int64;
  node1_policy: LndRoutingPolicyWire | null;
  node2_policy: LndRoutingPolicyWire | null;
  custom_records?: Record<string, string>;
}

export interface LndGraphWire {
  nodes: LndLightningNodeWire[];
  edges: LndChannelEdgeWire[];
}

/** `GET /v1/graph/node/{pub_key}`; `channels` is [] unless `include_channels=true`. */
export interface LndNodeInfoWire {
  node: LndLightningNodeWire;
  num_channels: number;
  total_capacity: Int64;
  channels: LndChannelEdgeWire[];
}

export interface LndChannelConstraintsWire {
  csv_delay: number;
  chan_reserve_sat: Int64;
  dust_limit_sat: Int64;
  max_pending_amt_msat: Int64;
  min_htlc_msat: Int64;
  max_accepted_htlcs: number;
}

export interface LndChannelWire {
  active: boolean;
  remote_pubkey: string;
  channel_point: string;
  chan_id: Int64;
  capacity: Int64;
  local_balance: Int64;
  remote_balance: Int64;
  commit_fee: Int64;
  commit_weight: Int64;
  fee_per_kw: Int64;
  unsettled_balance: Int64;
  total_satoshis_sent: Int64;
  total_satoshis_received: Int64;
  num_updates: Int64;
  pending_htlcs: Array<{ incoming: boolean; amount: Int64; hash_lock: string; expiration_height: number; htlc_index: Int64; forwarding_channel: Int64; forwarding_htlc_index: Int64; locked_in?: boolean }>;
  csv_delay?: number;
  private: boolean;
  initiator: boolean;
  chan_status_flags: string;
  commitment_type: string;
  lifetime: Int64;
  uptime: Int64;
  push_amount_sat: Int64;
  local_constraints?: LndChannelConstraintsWire | null;
  remote_constraints?: LndChannelConstraintsWire | null;
  peer_alias: string;
  alias_scids: Int64[];
  zero_conf: boolean;
}

export interface LndListChannelsWire {
  channels: LndChannelWire[];
}

export interface LndChannelFeeWire {
  chan_id: Int64;
  channel_point: string;
  base_fee_msat: Int64;
  /** ppm. */
  fee_per_mil: Int64;
  fee_rate: number;
  inbound_base_fee_msat?: number;
  inbound_fee_per_mil?: number;
}

export interface LndFeeReportWire {
  channel_fees: LndChannelFeeWire[];
  /** Sat earned by forwarding over the last 24 h / week / month. */
  day_fee_sum: Int64;
  week_fee_sum: Int64;
  month_fee_sum: Int64;
}

/** `POST /v1/switch` body. Times in unix seconds. */
export interface LndForwardingHistoryRequestWire {
  start_time: Int64;
  end_time: Int64;
  index_offset: number;
  num_max_events: number;
  peer_alias_lookup?: boolean;
}

export interface LndForwardingEventWire {
  /** Unix seconds (deprecated in favour of timestamp_ns). */
  timestamp: Int64;
  timestamp_ns: Int64;
  chan_id_in: Int64;
  chan_id_out: Int64;
  amt_in: Int64;
  amt_out: Int64;
  fee: Int64;
  fee_msat: Int64;
  amt_in_msat: Int64;
  amt_out_msat: Int64;
  peer_alias_in: string;
  peer_alias_out: string;
  incoming_htlc_id?: Int64;
  outgoing_htlc_id?: Int64;
}

export interface LndForwardingHistoryWire {
  forwarding_events: LndForwardingEventWire[];
  last_offset_index: number;
}

/** grpc-gateway error body. */
export interface LndErrorWire {
  code: number;
  message: string;
  details: unknown[];
}
