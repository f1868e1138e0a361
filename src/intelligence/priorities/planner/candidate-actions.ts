import { fitOpenToBudget } from '../../candidates/open-sizing';
import { openChannelCommands } from '../../recommendations/commands/command-templates';
import type { Language } from '../../recommendations/i18n/messages';
import { FORCE_CLOSE_VBYTES } from '../../recommendations/rules/reliability.rules';
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
/** Advice outside the requested goals counts only when critical (and closes nothing), at this weight. */
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

/**
 * The goals each rule serves, first = main. A close serves reliability or cost, never connectivity; a fee
 * change serves revenue, never reliability. Rules not listed serve their category's goal.
 */
const RULE_GOALS: Record<string, Goal[]> = {
  fee_underpriced: ['routing_revenue'],
  fee_overpriced: ['routing_revenue'],
  fee_free_routing: ['routing_revenue'],
  fee_high_base: ['routing_revenue'],
  fee_own_outlier: ['routing_revenue'],
  fee_sparkseer: ['routing_revenue'],
  cltv_low: ['reliability'],
  cltv_high: ['routing_revenue'],
  max_htlc_small: ['routing_revenue'],
  channel_disabled: ['reliability', 'connectivity'],
  not_routable: ['connectivity', 'reliability'],
  few_channels: ['connectivity', 'reliability'],
  no_hub: ['connectivity'],
  channel_candidate: ['connectivity'],
  concentration: ['reliability', 'connectivity'],
  zombie_channels: ['cost_optimization', 'reliability'],
  small_channel: ['cost_optimization'],
  idle_channel: ['cost_optimization'],
  liquidity_depleted: ['liquidity', 'routing_revenue'],
  liquidity_saturated: ['liquidity', 'routing_revenue'],
};

type CostKind = 'none' | 'open' | 'close' | 'force_close' | 'rebalance' | 'loop_out';
type ProfileCost = CostKind | 'manual';
interface Profile {
  difficulty: Difficulty;
  timeframe: Timeframe;
  /** What the action costs when it has no command to read it from. */
  cost: ProfileCost;
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
  concentration: { difficulty: 'medium', timeframe: '1 month', cost: 'manual', metrics: { fr: ['part du premier pair dans la capacité active < 50 %'], en: ['top peer’s share of active capacity < 50%'] } },
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

/** What the action's command does, read from the command itself (rules may change; the commands say what is run). */
function costKindOf(rec: Recommendation, profile: Profile): CostKind | 'manual' {
  const cmd = rec.commands?.lnd ?? rec.commands?.cln ?? null;
  if (cmd === null) return profile.cost === 'rebalance' ? 'rebalance' : 'manual';
  if (/\bopenchannel\b|\bfundchannel\b/.test(cmd)) return 'open';
  // A force close (zombies: the peer is gone) pays for the commitment and the sweep, not a cooperative close.
  if (/\bclosechannel\b.*--force\b|^lightning-cli close \S+ \d+\b/.test(cmd)) return 'force_close';
  if (/\bclosechannel\b|^lightning-cli close\b/.test(cmd)) return 'close';
  if (/^loop out\b/.test(cmd)) return 'loop_out';
  return 'none';
}

interface Costing {
  cost: number;
  capital: number;
  basis: string;
}

const MANUAL_BASIS = {
  fr: 'action manuelle (aucune commande) : son coût dépend de ce que fait l’opérateur et n’est pas estimé',
  en: 'manual action (no command): its cost depends on what the operator does and is not estimated',
};

function estimateCost(rec: Recommendation, kind: CostKind | 'manual', c: CostInputs, lang: Language): Costing {
  const amount = rec.amount_suggestion ?? 0;
  const rate = `${c.onchainFeeRateSatVb} sat/vB (${c.feeRateSource})`;
  switch (kind) {
    case 'open':
      return { cost: OPEN_TX_VBYTES * c.onchainFeeRateSatVb, capital: amount, basis: `${OPEN_TX_VBYTES} vB open × ${rate}; the ${amount} sat of capacity is committed capital, not spent` };
    case 'close': {
      const n = Math.max(1, rec.channels_affected);
      return { cost: n * CLOSE_TX_VBYTES * c.onchainFeeRateSatVb, capital: 0, basis: `${n} close(s) × ${CLOSE_TX_VBYTES} vB × ${rate}` };
    }
    case 'force_close': {
      const n = Math.max(1, rec.channels_affected);
      return { cost: n * FORCE_CLOSE_VBYTES * c.onchainFeeRateSatVb, capital: 0, basis: `${n} force close(s) × ${FORCE_CLOSE_VBYTES} vB (commitment + sweep) × ${rate}` };
    }
    case 'rebalance': {
      const ppm = REBALANCE_HOPS * c.networkMedianFeePpm;
      return { cost: Math.ceil((amount * ppm) / 1e6), capital: 0, basis: `${amount} sat × ${ppm} ppm (${REBALANCE_HOPS} hops at the network median fee)` };
    }
    case 'loop_out':
      return {
        cost: Math.ceil((amount * LOOP_OUT_FEE_PPM) / 1e6) + OPEN_TX_VBYTES * c.onchainFeeRateSatVb,
        capital: 0,
        basis: `${amount} sat × ${LOOP_OUT_FEE_PPM} ppm Loop fee + ${OPEN_TX_VBYTES} vB sweep × ${rate}`,
      };
    case 'manual':
      // eslint-disable-next-line security/detect-object-injection -- lang is the Language union from negotiateLanguage
      return { cost: 0, capital: 0, basis: MANUAL_BASIS[lang] };
    default:
      return { cost: 0, capital: 0, basis: 'no on-chain transaction or payment' };
  }
}

/** The rule's goals (see {@link RULE_GOALS}), else its category's. */
export function goalsOf(rec: Pick<Recommendation, 'rule' | 'category'>): Goal[] {
  return Object.prototype.hasOwnProperty.call(RULE_GOALS, rec.rule) ? RULE_GOALS[rec.rule] : [GOAL_OF[rec.category]];
}

/** The peers an action acts on: an open acts on its one target; other actions on their target nodes (a channel's peer). */
function peersOf(rec: Recommendation, kind: CostKind | 'manual'): string[] {
  return kind === 'open' ? rec.target_nodes.slice(0, 1) : [...new Set(rec.target_nodes)];
}

/**
 * An open larger than what the budget leaves after the on-chain fee is resized to fit (see
 * {@link fitOpenToBudget}), with its commands and text saying so; null when it cannot fit.
 */
function fitToBudget(rec: Recommendation, costing: Costing, budget: number | null, lang: Language): { rec: Recommendation; costing: Costing } {
  const target = rec.target_nodes[0];
  const fitted = fitOpenToBudget(costing.capital, budget, costing.cost);
  if (fitted === null || fitted === costing.capital || !target) return { rec, costing };
  const fmt = fitted.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US');
  const note = lang === 'fr' ? ` (dans ce plan : ${fmt} sat, pour tenir dans le budget)` : ` (in this plan: ${fmt} sat, to fit the budget)`;
  return {
    rec: { ...rec, action: rec.action + note, amount_suggestion: fitted, commands: openChannelCommands(target, fitted) },
    costing: { ...costing, capital: fitted, basis: costing.basis.replace(`the ${costing.capital} sat`, `the ${fitted} sat (sized down from ${costing.capital} sat to fit the budget)`) },
  };
}

/**
 * Every recommendation becomes a candidate, scored for this request. Only actions serving a requested goal
 * score above 0, except critical ones that close nothing (worth doing whatever the goal, at a reduced weight).
 */
export function candidateActions(recs: Recommendation[], req: PlanRequest, lang: Language, costs: CostInputs): CandidateAction[] {
  return recs.map((original) => {
    const profile = PROFILES[original.rule] ?? DEFAULT_PROFILE;
    const kind = costKindOf(original, profile);
    const { rec, costing } = kind === 'open' ? fitToBudget(original, estimateCost(original, kind, costs, lang), req.budgetLimit, lang) : { rec: original, costing: estimateCost(original, kind, costs, lang) };
    const goals = goalsOf(rec);
    const hasCommand = (rec.commands?.lnd ?? rec.commands?.cln ?? null) !== null;
    const closes = kind === 'close' || kind === 'force_close' ? Math.max(1, rec.channels_affected) : 0;
    const onGoal = goals.some((g) => req.goals.includes(g));
    const goalFactor = onGoal ? 1 : rec.priority === 'critical' && closes === 0 ? OFF_GOAL_FACTOR : 0;
    const score =
      PRIORITY_WEIGHT[rec.priority] *
      rec.confidence *
      goalFactor *
      DIFFICULTY_FACTOR[req.context][profile.difficulty] *
      (req.timeframePreference && req.timeframePreference === profile.timeframe ? TIMEFRAME_MATCH_FACTOR : 1);
    return {
      id: rec.id,
      rec,
      goal: goals[0],
      goals,
      estimatedCost: costing.cost,
      committedCapital: costing.capital,
      costBasis: costing.basis,
      manual: !hasCommand,
      peers: peersOf(rec, kind),
      closesChannels: closes,
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
