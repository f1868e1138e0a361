import type { Language } from '../../recommendations/i18n/messages';
import type { Recommendation } from '../../recommendations/recommendations.engine';
import type { RecCategory } from '../../recommendations/recommendation.types';
import { CandidateAction, Context, Difficulty, Goal, PlanRequest, Timeframe } from './plan.types';

/** Virtual size of a channel-open transaction (one P2WPKH input, P2WSH funding output and change), vB. */
export const OPEN_TX_VBYTES = 154;
/** Virtual size of a cooperative close (one 2-of-2 input, two outputs), vB. */
export const CLOSE_TX_VBYTES = 170;
/** A circular rebalance pays about two hops of median fees on the amount moved. */
export const REBALANCE_HOPS = 2;
/** Loop Out's service fee is of the order of 0.25 % of the amount (plus the on-chain sweep). */
export const LOOP_OUT_FEE_PPM = 2_500;

export const PRIORITY_WEIGHT = { critical: 8, high: 4, medium: 2, low: 1 } as const;
/** Advice outside the requested goals still counts, a little: a critical fix is worth doing whatever the goal. */
export const OFF_GOAL_FACTOR = 0.3;
/** How much each difficulty is worth to each operator; 0 = never proposed. */
export const DIFFICULTY_FACTOR: Record<Context, Record<Difficulty, number>> = {
  beginner: { easy: 1, medium: 0.6, hard: 0 },
  intermediate: { easy: 1, medium: 0.9, hard: 0.6 },
  expert: { easy: 1, medium: 1, hard: 1 },
};
/** A beginner gets a short list: three actions at most. */
export const BEGINNER_MAX_ACTIONS = 3;
export const TIMEFRAME_MATCH_FACTOR = 1.25;

const GOAL_OF: Record<RecCategory, Goal> = {
  revenue: 'routing_revenue',
  connectivity: 'connectivity',
  liquidity: 'liquidity',
  operational: 'reliability',
  cost: 'cost_optimization',
};

type CostKind = 'none' | 'open' | 'close' | 'rebalance' | 'loop_out';
interface Profile {
  difficulty: Difficulty;
  timeframe: Timeframe;
  cost: CostKind;
  metrics: Record<Language, string[]>;
}

const FEE_METRICS = {
  fr: ['revenu de routage sur ce canal (sat/jour)', 'nombre de transferts via ce canal'],
  en: ['routing revenue on this channel (sat/day)', 'forwards through this channel'],
};
const OPEN_METRICS = {
  fr: ['rang d’intermédiarité et de proximité', 'transferts via le nouveau canal après 2 semaines'],
  en: ['betweenness and closeness rank', 'forwards through the new channel after 2 weeks'],
};
const PROFILES: Record<string, Profile> = {
  fee_underpriced: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: FEE_METRICS },
  fee_overpriced: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: FEE_METRICS },
  fee_free_routing: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: FEE_METRICS },
  fee_high_base: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: FEE_METRICS },
  fee_own_outlier: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: FEE_METRICS },
  fee_sparkseer: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: FEE_METRICS },
  cltv_low: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: { fr: ['CLTV delta annoncé ≥ 34 blocs'], en: ['announced CLTV delta ≥ 34 blocks'] } },
  cltv_high: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: FEE_METRICS },
  max_htlc_small: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: { fr: ['taille moyenne des transferts'], en: ['average forward size'] } },
  channel_disabled: { difficulty: 'easy', timeframe: 'immediate', cost: 'none', metrics: { fr: ['canal de nouveau actif dans le gossip'], en: ['channel enabled again in gossip'] } },
  not_routable: { difficulty: 'hard', timeframe: '1-2 weeks', cost: 'none', metrics: { fr: ['au moins un canal actif'], en: ['at least one active channel'] } },
  few_channels: { difficulty: 'medium', timeframe: '1-2 weeks', cost: 'open', metrics: OPEN_METRICS },
  no_hub: { difficulty: 'medium', timeframe: '1-2 weeks', cost: 'open', metrics: OPEN_METRICS },
  channel_candidate: { difficulty: 'medium', timeframe: '1 month', cost: 'open', metrics: OPEN_METRICS },
  concentration: { difficulty: 'medium', timeframe: '1 month', cost: 'open', metrics: { fr: ['part du premier pair dans la capacité active < 50 %'], en: ['top peer’s share of active capacity < 50%'] } },
  zombie_channels: { difficulty: 'medium', timeframe: '1-2 weeks', cost: 'close', metrics: { fr: ['capacité libérée (sat)'], en: ['capacity freed (sat)'] } },
  small_channel: { difficulty: 'medium', timeframe: '1-2 weeks', cost: 'close', metrics: { fr: ['capacité libérée (sat)'], en: ['capacity freed (sat)'] } },
  idle_channel: { difficulty: 'medium', timeframe: '1 month', cost: 'close', metrics: { fr: ['revenu par sat immobilisé'], en: ['revenue per sat of capacity'] } },
  liquidity_depleted: { difficulty: 'medium', timeframe: 'immediate', cost: 'rebalance', metrics: { fr: ['part locale du canal entre 30 et 70 %'], en: ['local share of the channel between 30 and 70%'] } },
  liquidity_saturated: { difficulty: 'hard', timeframe: 'immediate', cost: 'loop_out', metrics: { fr: ['part locale du canal entre 30 et 70 %'], en: ['local share of the channel between 30 and 70%'] } },
};
const DEFAULT_PROFILE: Profile = { difficulty: 'medium', timeframe: '1 month', cost: 'none', metrics: { fr: [], en: [] } };

export interface CostInputs {
  onchainFeeRateSatVb: number;
  /** Where that rate comes from, e.g. `static ONCHAIN_FEE_RATE_SAT_VB` or `mempool`. */
  feeRateSource: string;
  networkMedianFeePpm: number;
}

function estimateCost(rec: Recommendation, kind: CostKind, c: CostInputs): { cost: number; basis: string } {
  const amount = rec.amount_suggestion ?? 0;
  const rate = `${c.onchainFeeRateSatVb} sat/vB (${c.feeRateSource})`;
  switch (kind) {
    case 'open':
      return { cost: amount + OPEN_TX_VBYTES * c.onchainFeeRateSatVb, basis: `channel capacity ${amount} sat + ${OPEN_TX_VBYTES} vB × ${rate}` };
    case 'close': {
      const n = Math.max(1, rec.channels_affected);
      return { cost: n * CLOSE_TX_VBYTES * c.onchainFeeRateSatVb, basis: `${n} cooperative close(s) × ${CLOSE_TX_VBYTES} vB × ${rate}` };
    }
    case 'rebalance': {
      const ppm = REBALANCE_HOPS * c.networkMedianFeePpm;
      return { cost: Math.ceil((amount * ppm) / 1e6), basis: `${amount} sat × ${ppm} ppm (${REBALANCE_HOPS} hops at the network median fee)` };
    }
    case 'loop_out':
      return {
        cost: Math.ceil((amount * LOOP_OUT_FEE_PPM) / 1e6) + OPEN_TX_VBYTES * c.onchainFeeRateSatVb,
        basis: `${amount} sat × ${LOOP_OUT_FEE_PPM} ppm Loop fee + ${OPEN_TX_VBYTES} vB sweep × ${rate}`,
      };
    default:
      return { cost: 0, basis: 'no on-chain transaction or payment' };
  }
}

/** Every recommendation becomes a candidate, scored for this request (0 when the context excludes it). */
export function candidateActions(recs: Recommendation[], req: PlanRequest, lang: Language, costs: CostInputs): CandidateAction[] {
  return recs.map((rec) => {
    const profile = PROFILES[rec.rule] ?? DEFAULT_PROFILE;
    const { cost, basis } = estimateCost(rec, profile.cost, costs);
    const goal = GOAL_OF[rec.category];
    const score =
      PRIORITY_WEIGHT[rec.priority] *
      rec.confidence *
      (req.goals.includes(goal) ? 1 : OFF_GOAL_FACTOR) *
      DIFFICULTY_FACTOR[req.context][profile.difficulty] *
      (req.timeframePreference && req.timeframePreference === profile.timeframe ? TIMEFRAME_MATCH_FACTOR : 1);
    return {
      id: rec.id,
      rec,
      goal,
      estimatedCost: cost,
      costBasis: basis,
      difficulty: profile.difficulty,
      timeframe: profile.timeframe,
      // eslint-disable-next-line security/detect-object-injection -- lang is the Language union from negotiateLanguage
      successMetrics: profile.metrics[lang],
      score: Math.round(score * 1e6) / 1e6,
    };
  });
}

export function effectiveMaxActions(req: PlanRequest): number {
  return req.context === 'beginner' ? Math.min(req.maxActions, BEGINNER_MAX_ACTIONS) : req.maxActions;
}
