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
  goal: Goal;
  estimatedCost: number;
  /** How the cost was estimated, with the source of any fee rate. */
  costBasis: string;
  difficulty: Difficulty;
  timeframe: Timeframe;
  successMetrics: string[];
  /** Value for this request's goals and context (0 = not eligible). */
  score: number;
}

export interface Plan {
  actions: CandidateAction[];
  totalCost: number;
  score: number;
}
