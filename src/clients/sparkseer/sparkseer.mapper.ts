import { MalformedResponseError } from '../common/malformed-response.error';
import { Json, arr, num, obj, optNum, optStr, pubkey, single } from '../common/wire';
import type {
  SparkseerCentralities,
  SparkseerChannelRecommendation,
  SparkseerNetworkPoint,
  SparkseerNodeStats,
  SparkseerOutboundLiquidityValue,
  SparkseerSuggestedFee,
} from './sparkseer.types';

export function mapSummarySeries(json: Json): SparkseerNetworkPoint[] {
  const o = obj(json, 'ln-summary-ts');
  return arr(o.ln_summary, 'ln_summary').map((raw, i) => {
    const w = `ln_summary[${i}]`;
    const p = obj(raw, w);
    const s = single(p.stats, `${w}.stats`);
    return {
      time: num(p.time, `${w}.time`),
      nodeCount: num(s.node_count, `${w}.stats.node_count`),
      channelCount: num(s.channel_count, `${w}.stats.channel_count`),
      totalCapacitySat: num(s.total_capacity, `${w}.stats.total_capacity`),
    };
  });
}

export function mapCentralities(json: Json): SparkseerCentralities {
  const o = obj(json, 'centralities');
  return {
    graphTimestamp: num(o.graph_timestamp, 'graph_timestamp'),
    nodes: arr(o.centralities, 'centralities').map((raw, i) => {
      const w = `centralities[${i}]`;
      const c = obj(raw, w);
      const r = single(c.ranks, `${w}.ranks`);
      return {
        pubkey: pubkey(c.pubkey, `${w}.pubkey`),
        betweenness: num(r.cent_between_rank, `${w}.ranks.cent_between_rank`),
        betweennessWeighted: num(r.cent_between_weight_rank, `${w}.ranks.cent_between_weight_rank`),
        closeness: num(r.cent_close_rank, `${w}.ranks.cent_close_rank`),
        closenessWeighted: num(r.cent_close_weight_rank, `${w}.ranks.cent_close_weight_rank`),
        eigenvector: num(r.cent_eigen_rank, `${w}.ranks.cent_eigen_rank`),
        eigenvectorWeighted: num(r.cent_eigen_weight_rank, `${w}.ranks.cent_eigen_weight_rank`),
      };
    }),
  };
}

/**
 * current-stats answers with a one-element array (as clients of the live API observed) or a bare object (as
 * the docs show). An empty array or an empty object means Sparkseer has nothing for that node.
 */
export function mapNodeStats(json: Json, expectedPubkey: string): SparkseerNodeStats | null {
  let row: Json = json;
  if (Array.isArray(json)) {
    if (json.length === 0) return null;
    row = json[0];
  }
  const s = obj(row, 'current-stats');
  if (Object.keys(s).length === 0) return null;
  const pk = pubkey(s.pubkey, 'current-stats.pubkey');
  if (pk !== expectedPubkey) throw new MalformedResponseError('current-stats.pubkey', 'the requested node');
  // eslint-disable-next-line security/detect-object-injection -- k is one of the literal field names passed below, never upstream data; the value is type-checked by optNum
  const n = (k: string) => optNum(s[k], `current-stats.${k}`);
  return {
    pubkey: pk,
    alias: optStr(s.alias, 'current-stats.alias'),
    totalCapacitySat: num(s.total_capacity, 'current-stats.total_capacity'),
    numChannels: num(s.num_channels, 'current-stats.num_channels'),
    meanChannelCapacitySat: n('mean_channel_capacity'),
    medianChannelCapacitySat: n('median_channel_capacity'),
    meanOutboundBaseFeeMsat: n('mean_outbound_base_fee'),
    meanOutboundFeeRatePpm: n('mean_outbound_fee_rate'),
    medianOutboundBaseFeeMsat: n('median_outbound_base_fee'),
    medianOutboundFeeRatePpm: n('median_outbound_fee_rate'),
    meanInboundBaseFeeMsat: n('mean_inbound_base_fee'),
    meanInboundFeeRatePpm: n('mean_inbound_fee_rate'),
    medianInboundBaseFeeMsat: n('median_inbound_base_fee'),
    medianInboundFeeRatePpm: n('median_inbound_fee_rate'),
    ipv4: optStr(s.ipv4, 'current-stats.ipv4'),
    ipv6: optStr(s.ipv6, 'current-stats.ipv6'),
    torv3: optStr(s.torv3, 'current-stats.torv3'),
    lastUpdate: n('last_update'),
    ranks: {
      betweenness: n('betweenness_rank'),
      closeness: n('closeness_rank'),
      eigenvector: n('eigenvector_rank'),
      weightedBetweenness: n('weighted_betweenness_rank'),
      weightedCloseness: n('weighted_closeness_rank'),
      weightedEigenvector: n('weighted_eigenvector_rank'),
    },
    htlcResponseTimeMean: n('htlc_response_time_mean'),
    htlcResponseTimeMedian: n('htlc_response_time_median'),
    liquidityFlexibilityScore: n('liquidity_flexibility_score'),
    effectiveOutboundBalance: n('effective_outbound_balance'),
    effectiveInboundBalance: n('effective_inbound_balance'),
  };
}

export function mapChannelRecommendations(json: Json): SparkseerChannelRecommendation[] {
  const o = obj(json, 'channel-recommendations');
  return arr(o.channel_recommendations, 'channel_recommendations').map((raw, i) => {
    const w = `channel_recommendations[${i}]`;
    const r = obj(raw, w);
    const info = single(r.info, `${w}.info`);
    return {
      peerPubkey: pubkey(r.pubkey, `${w}.pubkey`),
      gainInBetweennessRank: num(info.gain_in_betweenness_rank, `${w}.info.gain_in_betweenness_rank`),
      gainInClosenessRank: num(info.gain_in_closeness_rank, `${w}.info.gain_in_closeness_rank`),
      gainInEigenvectorRank: num(info.gain_in_eigenvector_rank, `${w}.info.gain_in_eigenvector_rank`),
      minimumViableCapacitySat: num(info.minimum_viable_capacity, `${w}.info.minimum_viable_capacity`),
      idealCapacitySat: num(info.ideal_capacity, `${w}.info.ideal_capacity`),
      passiveFeePpm: num(info.passive_fee_ppm, `${w}.info.passive_fee_ppm`),
      activeFeePpm: num(info.active_fee_ppm, `${w}.info.active_fee_ppm`),
    };
  });
}

export function mapSuggestedFees(json: Json): SparkseerSuggestedFee[] {
  const o = obj(json, 'suggested-fees');
  return arr(o.channel_peers, 'channel_peers').map((raw, i) => {
    const w = `channel_peers[${i}]`;
    const p = obj(raw, w);
    const f = single(p.suggested_fees, `${w}.suggested_fees`);
    return {
      peerPubkey: pubkey(p.pubkey, `${w}.pubkey`),
      passiveFeeRatePpm: num(f.passive_fee_rate, `${w}.suggested_fees.passive_fee_rate`),
      activeFeeRatePpm: num(f.active_fee_rate, `${w}.suggested_fees.active_fee_rate`),
    };
  });
}

export function mapOutboundLiquidity(json: Json): SparkseerOutboundLiquidityValue[] {
  const o = obj(json, 'outbound-liquidity-value');
  return arr(o.channel_peers, 'channel_peers').map((raw, i) => {
    const w = `channel_peers[${i}]`;
    const p = obj(raw, w);
    const v = single(p.outbound_ppm_value, `${w}.outbound_ppm_value`);
    return {
      peerPubkey: pubkey(p.pubkey, `${w}.pubkey`),
      currentOutboundFeePpm: num(v.current_outbound_fee_ppm, `${w}.outbound_ppm_value.current_outbound_fee_ppm`),
      passiveStrategyPpmPercentile: num(v.passive_strategy_ppm_percentile, `${w}.outbound_ppm_value.passive_strategy_ppm_percentile`),
      activeStrategyPpmPercentile: num(v.active_strategy_ppm_percentile, `${w}.outbound_ppm_value.active_strategy_ppm_percentile`),
    };
  });
}
