/**
 * What the API reads from the payment-flow model (src/graph/flow/), in the API's own terms. The engine's
 * adapter (flow-model.adapter.ts) implements it; nothing above this line knows how the engine routes.
 * Figures are per day, over the model's seeded runs, summarised as p10/p50/p90.
 */
export interface Spread {
  p10: number;
  p50: number;
  p90: number;
}

export interface FlowFigures {
  forwardsPerDay: Spread;
  volumeSatPerDay: Spread;
  revenueSatPerDay: Spread;
}

export interface NodeFlowFigures extends FlowFigures {
  /** Share (0–1) of all simulated forwards made by this node. */
  share: Spread;
}

/** Changes of the node's own outgoing policy on one of its channels (graph channel index). */
export interface PolicyEdit {
  chan: number;
  feeRatePpm?: number;
  baseFeeMsat?: number;
  inboundFeeRatePpm?: number;
  inboundBaseFeeMsat?: number;
  maxHtlcMsat?: number;
  disabled?: boolean;
}

export interface NewChannelPolicy {
  feeRatePpm: number;
  baseFeeMsat: number;
}

export interface NewChannelEdit {
  peer: number;
  capacitySat: number;
  local: NewChannelPolicy;
  remote: NewChannelPolicy;
}

/** Per-request model parameters (the engine's defaults where unset). */
export interface FlowParameterOverrides {
  demand?: 'capacity_weighted' | 'uniform';
  paymentsPerDay?: number;
  minAmountSat?: number;
  maxAmountSat?: number;
  hopProbability?: number;
  attemptCostSat?: number;
  attemptCostPpm?: number;
  seed?: number;
}

export interface WhatIfInput {
  node: number;
  policies: PolicyEdit[];
  newChannels: NewChannelEdit[];
  parameters?: FlowParameterOverrides;
}

export interface ChannelOutcome {
  /** Graph channel index; -1 for a new channel (see `newIndex`). */
  chan: number;
  /** Position in `newChannels` for a new channel, else -1. */
  newIndex: number;
  before: FlowFigures | null;
  after: FlowFigures | null;
}

export interface WhatIfOutcome {
  before: FlowFigures;
  after: FlowFigures;
  channels: ChannelOutcome[];
  method: 'fast' | 'full';
  paymentsPerRun: number;
  runs: number;
  parameters: Record<string, number | string>;
  computeMs: number;
}

export interface FeeCurvePointOutcome {
  feeRatePpm: number;
  /** The node's channel(s) to the peer together. */
  forwardsPerDay: Spread;
  revenueSatPerDay: Spread;
  /** The node as a whole (its other channels gain or lose what these lose or gain). */
  nodeForwardsPerDay: Spread;
  nodeRevenueSatPerDay: Spread;
}

export interface FeeCurveOutcome {
  points: FeeCurvePointOutcome[];
  /** The rate with the highest median node revenue (the lower rate on ties). */
  bestFeeRatePpm: number;
  currentFeeRatePpm: number;
  method: 'fast' | 'full';
  paymentsPerRun: number;
  runs: number;
  parameters: Record<string, number | string>;
  computeMs: number;
}

/** A ready baseline model of one graph. */
export interface FlowModelView {
  readonly graphVersion: string;
  readonly paymentsPerRun: number;
  readonly runs: number;
  readonly parameters: Record<string, number | string>;
  /** How long the baseline took, ms. */
  readonly computeMs: number;
  nodeFlow(node: number): NodeFlowFigures;
  /** The node's own direction of each of its channels: forwards leaving through it, revenue the node earns on it. */
  channelFlows(node: number): Array<{ chan: number; figures: FlowFigures }>;
  whatIf(input: WhatIfInput): Promise<WhatIfOutcome>;
  /** Sets the node's rate on its channels to `peer` to each of `ratesPpm` in turn. */
  feeCurve(node: number, peer: number, ratesPpm: number[], parameters?: FlowParameterOverrides): Promise<FeeCurveOutcome>;
  dispose(): Promise<void>;
}
