/**
 * Sparkseer API v1 responses as sent (../shared/upstreams/sparkseer.md: the hosted API reference, the
 * open-source predecessor LNnodeInsight, and saved real responses). R/plumber serialisation: single values
 * are scalars, nested one-row tables are one-element arrays (`stats`, `ranks`, `info`, ...).
 */

/** `GET /v1/stats/ln-summary-ts` (no key): the whole history in one body, points about 6 hours apart. */
export interface SparkseerSummaryTsWire {
  ln_summary: Array<{ time: number; stats: Array<{ node_count: number; channel_count: number; total_capacity: number }> }>;
}

/** `GET /v1/stats/centralities` (no key): ranks (1 = most central) for every public node. */
export interface SparkseerCentralitiesWire {
  graph_timestamp: number;
  centralities: Array<{
    pubkey: string;
    ranks: Array<{
      cent_between_rank: number;
      cent_between_weight_rank: number;
      cent_close_rank: number;
      cent_close_weight_rank: number;
      cent_eigen_rank: number;
      cent_eigen_weight_rank: number;
    }>;
  }>;
}

/**
 * `GET /v1/node/current-stats/{pubkey}` (key). The docs show an object; clients of the live API saw a
 * one-element array. Units of fees (msat/ppm) and of the htlc/liquidity figures are unconfirmed.
 */
export interface SparkseerCurrentStatsWire {
  pubkey: string;
  total_capacity: number;
  num_channels: number;
  mean_channel_capacity: number;
  median_channel_capacity: number;
  mean_outbound_base_fee: number;
  mean_outbound_fee_rate: number;
  median_outbound_base_fee: number;
  median_outbound_fee_rate: number;
  mean_inbound_base_fee: number;
  mean_inbound_fee_rate: number;
  median_inbound_base_fee: number;
  median_inbound_fee_rate: number;
  alias?: string | null;
  ipv4?: string | null;
  ipv6?: string | null;
  torv3?: string | null;
  last_update: number;
  betweenness_rank: number;
  closeness_rank: number;
  eigenvector_rank: number;
  weighted_betweenness_rank: number;
  weighted_closeness_rank: number;
  weighted_eigenvector_rank: number;
  htlc_response_time_mean: number;
  htlc_response_time_median: number;
  liquidity_flexibility_score: number;
  effective_outbound_balance: number;
  effective_inbound_balance: number;
}

/** `GET /v1/services/channel-recommendations` (key): candidate peers for the **key owner's** node. */
export interface SparkseerChannelRecommendationsWire {
  channel_recommendations: Array<{
    pubkey: string;
    info: Array<{
      gain_in_betweenness_rank: number;
      gain_in_closeness_rank: number;
      gain_in_eigenvector_rank: number;
      minimum_viable_capacity: number;
      ideal_capacity: number;
      passive_fee_ppm: number;
      active_fee_ppm: number;
    }>;
  }>;
}

/** `GET /v1/services/suggested-fees` (key): the key owner's channel peers. */
export interface SparkseerSuggestedFeesWire {
  channel_peers: Array<{ pubkey: string; suggested_fees: Array<{ passive_fee_rate: number; active_fee_rate: number }> }>;
}

/** `GET /v1/services/outbound-liquidity-value` (key): the key owner's channel peers. */
export interface SparkseerOutboundLiquidityWire {
  channel_peers: Array<{
    pubkey: string;
    outbound_ppm_value: Array<{ current_outbound_fee_ppm: number; passive_strategy_ppm_percentile: number; active_strategy_ppm_percentile: number }>;
  }>;
}
