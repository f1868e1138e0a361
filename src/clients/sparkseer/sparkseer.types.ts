import type { UpstreamProbe } from '../common/upstream.types';

export const SPARKSEER_CLIENT = Symbol('SPARKSEER_CLIENT');

/** One point of Sparkseer's network time series. */
export interface SparkseerNetworkPoint {
  /** Unix seconds. */
  time: number;
  nodeCount: number;
  channelCount: number;
  totalCapacitySat: number;
}

/** Centrality ranks of one node (1 = most central); `weighted` variants are capacity-weighted. */
export interface SparkseerCentralityRanks {
  pubkey: string;
  betweenness: number;
  betweennessWeighted: number;
  closeness: number;
  closenessWeighted: number;
  eigenvector: number;
  eigenvectorWeighted: number;
}

export interface SparkseerCentralities {
  /** Unix seconds of the graph the ranks were computed on. */
  graphTimestamp: number;
  nodes: SparkseerCentralityRanks[];
}

/**
 * Sparkseer's current statistics of a node. Fields the public sources do not pin down are nullable; the
 * fee units follow the likely reading (base fees msat, rates ppm), which Sparkseer does not document.
 */
export interface SparkseerNodeStats {
  pubkey: string;
  alias: string | null;
  totalCapacitySat: number;
  numChannels: number;
  meanChannelCapacitySat: number | null;
  medianChannelCapacitySat: number | null;
  meanOutboundBaseFeeMsat: number | null;
  meanOutboundFeeRatePpm: number | null;
  medianOutboundBaseFeeMsat: number | null;
  medianOutboundFeeRatePpm: number | null;
  meanInboundBaseFeeMsat: number | null;
  meanInboundFeeRatePpm: number | null;
  medianInboundBaseFeeMsat: number | null;
  medianInboundFeeRatePpm: number | null;
  ipv4: string | null;
  ipv6: string | null;
  torv3: string | null;
  /** Unix seconds. */
  lastUpdate: number | null;
  ranks: {
    betweenness: number | null;
    closeness: number | null;
    eigenvector: number | null;
    weightedBetweenness: number | null;
    weightedCloseness: number | null;
    weightedEigenvector: number | null;
  };
  htlcResponseTimeMean: number | null;
  htlcResponseTimeMedian: number | null;
  liquidityFlexibilityScore: number | null;
  effectiveOutboundBalance: number | null;
  effectiveInboundBalance: number | null;
}

/** A peer Sparkseer suggests the owner's node opens a channel to. */
export interface SparkseerChannelRecommendation {
  peerPubkey: string;
  /** Places the owner's rank would gain (interpretation of Sparkseer's `gain_in_*_rank`). */
  gainInBetweennessRank: number;
  gainInClosenessRank: number;
  gainInEigenvectorRank: number;
  minimumViableCapacitySat: number;
  idealCapacitySat: number;
  passiveFeePpm: number;
  activeFeePpm: number;
}

/** Suggested fee rates for the owner's channel with one peer (ppm inferred from magnitudes; unconfirmed). */
export interface SparkseerSuggestedFee {
  peerPubkey: string;
  passiveFeeRatePpm: number;
  activeFeeRatePpm: number;
}

export interface SparkseerOutboundLiquidityValue {
  peerPubkey: string;
  currentOutboundFeePpm: number;
  /** 0-100. */
  passiveStrategyPpmPercentile: number;
  activeStrategyPpmPercentile: number;
}

/**
 * An answer of a `/v1/services/*` endpoint. Sparkseer computes these for the node that owns the API key
 * only, so they are advice for `ownerPubkey` and for no other node.
 */
export interface SparkseerOwnNodeAdvice<T> {
  ownerPubkey: string;
  items: T[];
}

/** Sparkseer (SPARKSEER_BASE_URL, SPARKSEER_API_KEY sent as `api-key`, SPARKSEER_NODE_PUBKEY = key owner). */
export interface SparkseerApi extends UpstreamProbe {
  /** The node the API key belongs to, or null when SPARKSEER_NODE_PUBKEY is not set. */
  readonly ownerPubkey: string | null;
  /** Network node/channel/capacity history (no key needed; ~1 MB). */
  getNetworkSummarySeries(): Promise<SparkseerNetworkPoint[]>;
  /** Centrality ranks of every public node (no key needed; several MB). */
  getCentralities(): Promise<SparkseerCentralities>;
  /** Current stats of any node (key needed), or null when Sparkseer does not know it. */
  getNodeStats(pubkey: string): Promise<SparkseerNodeStats | null>;
  /** The owner's channel-opening candidates; null unless `analysedPubkey` is the key owner. */
  getChannelRecommendations(analysedPubkey: string): Promise<SparkseerOwnNodeAdvice<SparkseerChannelRecommendation> | null>;
  /** Fee suggestions for the owner's channels; null unless `analysedPubkey` is the key owner. */
  getSuggestedFees(analysedPubkey: string): Promise<SparkseerOwnNodeAdvice<SparkseerSuggestedFee> | null>;
  /** Outbound liquidity value of the owner's channels; null unless `analysedPubkey` is the key owner. */
  getOutboundLiquidityValue(analysedPubkey: string): Promise<SparkseerOwnNodeAdvice<SparkseerOutboundLiquidityValue> | null>;
}
