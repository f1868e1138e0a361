import type { Recommendation } from '../../recommendations/recommendations.engine';

export const GOALS = ['routing_revenue', 'connectivity', 'liquidity', 'reliability', 'cost_optimization'] as const;
export const CONTEXTS = ['beginner', 'intermediate', 'expert'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const TIMEFRAMES = ['immediate', '1-2 weeks', '1 month', '3+ months'] as const;
export type Goal = (typeof GOALS)[number];
export type Context = (typeof CONTEXTS)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];
export type Timeframe = (typeof TIMEFRAMES)[number];

export interface PlanRequest {
  context: Context;
  goals: Goal[];
  maxActions: number;
  /** Sats; null = no limit. */
  budgetLimit: number | null;
  timeframePreference: Timeframe | null;
}

/** A recommendation turned into something a plan can take: what it costs, how hard, how soon, how to check it. */
export interface CandidateAction {
  id: string;
  rec: Recommendation;
  /** The first of `goals`. */
  goal: Goal;
  /** Every goal the action serves; a plan only takes actions serving a requested goal (or critical ones). */
  goals: Goal[];
  /** Sats spent: on-chain fees, rebalancing or swap fees. Never the capital put into a channel. */
  estimatedCost: number;
  /** Sats locked in a new channel (recoverable by closing it); 0 for everything else. */
  committedCapital: number;
  /** How the cost was estimated, with the source of any fee rate. */
  costBasis: string;
  /** No command: the operator does it by hand (and its cost is not estimated). */
  manual: boolean;
  /** Peers the action acts on (a plan takes at most one action per peer). */
  peers: string[];
  /** Channels the action closes. */
  closesChannels: number;
  difficulty: Difficulty;
  timeframe: Timeframe;
  successMetrics: string[];
  /** Value for this request's goals and context (0 = not eligible). */
  score: number;
}

export interface Plan {
  actions: CandidateAction[];
  /** Sats spent (sum of estimatedCost). */
  totalCost: number;
  /** Sats committed to new channels (sum of committedCapital). */
  totalCapital: number;
  score: number;
}

/** What a plan must respect beyond the budget and the number of actions. */
export interface PlanLimits {
  /** The node's announced channels: a plan leaves at least one of them open. Unknown = no close limit. */
  totalChannels?: number;
  /**
   * Capital the plan's new channels may commit when the request sets no budget (see {@link planCapitalLimit}).
   * Unknown = no limit beyond the budget.
   */
  capitalLimit?: number;
  /**
   * The goals the operator asked for: when there are several, each one gets at least one action if any action
   * serving it fits (see {@link selectPlan}). Unset = the best total score only.
   */
  goals?: readonly Goal[];
}
