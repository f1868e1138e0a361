export class HistogramBucketDto {
  /** Inclusive lower bound. */
  from!: number;
  /** Exclusive upper bound; null for the last, open-ended bucket. */
  to!: number | null;
  count!: number;
}

/** A distribution over the whole network: its size, nearest-rank quantiles and a 1-2-5 histogram. */
export class DistributionDto {
  /** How many values (channels or channel directions) it covers. */
  count!: number;
  min!: number | null;
  max!: number | null;
  mean!: number | null;
  p10!: number | null;
  p25!: number | null;
  median!: number | null;
  p75!: number | null;
  p90!: number | null;
  /** Contiguous buckets on a 1-2-5 scale (0, 1, 2, 5, 10, 20, …); the first starts at 0. */
  buckets!: HistogramBucketDto[];
}

/**
 * The network's channel-size and fee distributions, computed once per graph version: what a node's own channels
 * and fees are compared against. Channel sizes cover usable channels (at least one enabled direction); fee rates
 * and base fees cover enabled channel directions.
 */
export class NetworkStatsResponseDto {
  /** Content hash of the graph snapshot. */
  graph_version!: string;
  /** Date of the graph snapshot (YYYY-MM-DD). */
  snapshot_date!: string;
  /** `embedded-graph:<date>`, `graph-file:<date>` or `lnd-graph:<date>`. */
  source!: string;
  nodes!: number;
  /** Every announced channel, zombies included. */
  channels!: number;
  /** Channels with at least one enabled direction. */
  usable_channels!: number;
  routable_nodes!: number;
  /** Channel directions with an enabled policy. */
  enabled_directions!: number;
  /** Capacity of usable channels, sat. */
  channel_size!: DistributionDto;
  /** Proportional fee of enabled directions, ppm. */
  fee_rate!: DistributionDto;
  /** Base fee of enabled directions, msat. */
  base_fee!: DistributionDto;
  /** When these figures were computed (ISO 8601). */
  computed_at!: string;
}
