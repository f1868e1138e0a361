/**
 * mempool.space Lightning API responses as sent (../shared/upstreams/mempool-lightning.md, backend routes in
 * mempool/mempool `backend/src/api/explorer/*`). Capacities in sat, fee rates in ppm, base fees in msat,
 * times in unix seconds. Sums computed by MySQL (`capacity` of a node or of a channel's peer) are DECIMAL
 * and arrive as strings.
 */
export interface MempoolNodeWire {
  public_key: string;
  alias: string;
  first_seen: number;
  updated_at: number;
  color: string;
  /** Comma-separated `host:port` list. */
  sockets: string | null;
  as_number?: number | null;
  city_id?: number | null;
  country_id?: number | null;
  subdivision_id?: number | null;
  longitude?: number | null;
  latitude?: number | null;
  iso_code?: string | null;
  as_organization?: string | null;
  city?: Record<string, string> | null;
  country?: Record<string, string> | null;
  subdivision?: Record<string, string> | null;
  features?: Array<{ bit: number; name: string; is_required: boolean; is_known: boolean }> | null;
  featuresBits?: string | null;
  active_channel_count: number;
  /** Sum of active channels: a DECIMAL string, or the number 0 when there are none. */
  capacity: string | number;
  opened_channel_count: number;
  closed_channel_count: number;
  custom_records?: Record<string, string>;
}

/** One element of `GET /v1/lightning/channels?public_key=&status=&index=` (at most 10 per page). */
export interface MempoolChannelWire {
  /** 0 inactive, 1 active, 2 closed. */
  status: number;
  closing_reason: number | null;
  closing_date?: number | null;
  capacity: number;
  short_id: string;
  /** uint64 channel id as a string. */
  id: string;
  /** The queried node's own outgoing fee rate on this channel, ppm. */
  fee_rate: number;
  node: { alias: string; public_key: string; channels: number; capacity: string | number };
}

export interface MempoolStatsWire {
  id: number;
  added: string;
  channel_count: number;
  node_count: number;
  total_capacity: number;
  tor_nodes: number;
  clearnet_nodes: number;
  unannounced_nodes: number;
  clearnet_tor_nodes: number;
  avg_capacity: number;
  avg_fee_rate: number;
  avg_base_fee_mtokens: number;
  med_capacity: number;
  med_fee_rate: number;
  med_base_fee_mtokens: number;
}

/** `GET /v1/lightning/statistics/latest`; `previous` (7 days earlier) is omitted when that row is missing. */
export interface MempoolLatestStatsWire {
  latest: MempoolStatsWire;
  previous?: MempoolStatsWire;
}
