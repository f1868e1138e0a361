/**
 * Public interface of the payment-flow model (issue 24). Everything the API layer needs is declared here;
 * the engine ({@link import('./flow-engine').FlowEngine}) is the only entry point that runs it.
 *
 * Units: amounts and fees in msat inside the engine (LND computes fees in msat); the summaries below give
 * sat (floating, per day) because that is what an operator reads. Every "per day" figure is the count in one
 * simulated seed scaled by `paymentsPerDay / paymentsPerSeed`.
 */

/** Who pays whom. */
export type DemandVariant = 'capacity_weighted' | 'uniform';

/** How payments are sampled. Every field has a default in {@link DEFAULT_DEMAND}; see docs/FLOW-MODEL.md. */
export interface DemandParams {
  /**
   * Senders and receivers: `capacity_weighted` draws a node with probability proportional to the summed
   * capacity of its channels (senders over channels with an enabled outbound direction, receivers over those
   * with an enabled inbound one); `uniform` draws every such node with equal probability.
   */
  variant: DemandVariant;
  /** Smallest payment, sat. */
  minAmountSat: number;
  /** Largest payment, sat. */
  maxAmountSat: number;
  /**
   * Amounts are log-uniform between min and max, discretised on this many log-spaced points (each payment takes
   * one of them with equal probability), so payments of one receiver and one amount share one route search.
   */
  amountLevels: number;
  /** Payments the network makes per day: the scale of every per-day figure. */
  paymentsPerDay: number;
  /** Payments simulated per seed (the sample that is scaled to `paymentsPerDay`). */
  paymentsPerSeed: number;
  /**
   * Payments drawn per (receiver, amount) pair: each pair gets this many independently drawn senders, and one
   * route search from the receiver serves them all. The marginal distribution of every payment is unchanged;
   * the clustering only widens the spread between seeds, which the p10–p90 shows.
   */
  sendersPerReceiver: number;
  /** Seeds simulated; the spread (p10/p50/p90) is over them. */
  seeds: number;
  /** First seed; seed i is `baseSeed + i`. The same seeds give the same payments and paths. */
  baseSeed: number;
}

/**
 * LND's route choice. Defaults and where LND defines them (checked against lnd v0.21.2-beta and master
 * 90ea05d5a): {@link DEFAULT_ROUTING} and docs/FLOW-MODEL.md.
 */
export interface RoutingParams {
  /**
   * Apriori success probability of a hop without history: lnd `routing.DefaultAprioriHopProbability` = 0.6
   * (routing/pathfind.go); lnd.conf `routerrpc.apriori.hopprob`.
   */
  aprioriHopProbability: number;
  /**
   * Weight of the apriori estimate against history: lnd `routing.DefaultAprioriWeight` = 0.5
   * (routing/missioncontrol.go); lnd.conf `routerrpc.apriori.weight`. The model has no payment history, so
   * LND returns the apriori probability whatever this weight is; kept to name it.
   */
  aprioriWeight: number;
  /**
   * Amount/capacity fraction where the capacity factor sets in: lnd `routing.DefaultCapacityFraction` = 0.9999
   * (routing/probability_apriori.go); lnd.conf `routerrpc.apriori.capacityfraction` (LND accepts 0.75–1).
   */
  capacityFraction: number;
  /** Fixed virtual cost of a failed attempt, msat: lnd `routing.DefaultAttemptCost` = 100 sat (routing/pathfind.go); `routerrpc.attemptcost`. */
  attemptCostMsat: number;
  /** Proportional virtual cost of a failed attempt, ppm of the amount: lnd `routing.DefaultAttemptCostPPM` = 1000; `routerrpc.attemptcostppm`. */
  attemptCostPpm: number;
  /**
   * Success probability of the sender's own channels without history: lnd `prevSuccessProbability` = 0.95
   * (defined in routing/missioncontrol.go, returned by `AprioriEstimator.LocalPairProbability`). Not configurable in LND.
   */
  localChannelProbability: number;
  /** Time-lock risk factor in billionths per block: lnd `routing.RiskFactorBillionths` = 15 (routing/pathfind.go, used by `edgeWeight`). Not configurable in LND. */
  riskFactorBillionths: number;
  /**
   * Largest total CLTV of a route (final delta + every forwarding hop's delta), blocks: LND's default payment
   * `CltvLimit` is `MaxTotalTimelock` = `--max-cltv-expiry`, default `htlcswitch.DefaultMaxOutgoingCltvExpiry`
   * = 2016 (htlcswitch/link.go).
   */
  cltvLimit: number;
  /**
   * Final CLTV delta of the receiver's invoice, blocks: an LND invoice without an explicit `cltv_expiry` gets
   * `bitcoin.timelockdelta`, default `chainreg.DefaultBitcoinTimeLockDelta` = 80 (chainreg/chainregistry.go).
   */
  finalCltvDelta: number;
  /**
   * Blocks LND adds to the final delta before the CLTV limit test: `routing.BlockPadding` = 3
   * (routing/payment_session.go). Not configurable in LND.
   */
  blockPadding: number;
  /**
   * Smallest success probability of a partial route; LND drops a path below it at every hop, the sender's own
   * included: `routing.DefaultMinRouteProbability` = 0.01 (routing/pathfind.go); lnd.conf `routerrpc.minrtprob`.
   */
  minRouteProbability: number;
}

/** A spread over seeds. */
export interface Spread {
  p10: number;
  p50: number;
  p90: number;
}

/** Modelled flow through one node (as a forwarding hop only: its own payments are not forwards). */
export interface NodeFlow {
  pubkey: string;
  forwardsPerDay: Spread;
  /** Amount the node forwards (sends on), sat per day. */
  volumeSatPerDay: Spread;
  /** Fees it earns (outbound fee of the outgoing channel + inbound fee of the incoming one), sat per day. */
  feeRevenueSatPerDay: Spread;
  /** The node's forwarded volume over all forwarded volume of all hops of the run (0–1). */
  shareOfNetworkFlow: Spread;
}

/** Modelled flow through one channel direction: payments the direction's owner forwards out through it. */
export interface ChannelDirectionFlow {
  /** Short channel id when the snapshot has one, else the channel point; `new:<peer>` for a what-if channel. */
  channelId: string;
  /** The node that sets this direction's policy and forwards through it. */
  fromPubkey: string;
  toPubkey: string;
  forwardsPerDay: Spread;
  volumeSatPerDay: Spread;
  /**
   * Fees the owner earns on this direction: its outbound fee for forwards out through it, plus its inbound fee
   * for forwards that came in over this channel (attributed to the owner's direction of the incoming channel).
   */
  feeRevenueSatPerDay: Spread;
  shareOfNetworkFlow: Spread;
}

/** Network-wide figures of a run (per day, spread over seeds). */
export interface NetworkFlowTotals {
  paymentsPerDay: number;
  /** Share of sampled payments for which no route satisfied the constraints (0–1). */
  unroutableShare: Spread;
  routedVolumeSatPerDay: Spread;
  /** Forwards by all hops (a 3-hop route is 2 forwards). */
  forwardsPerDay: Spread;
  feesSatPerDay: Spread;
  meanHopsPerPayment: Spread;
}

export type FlowStatus = 'idle' | 'computing' | 'ready' | 'failed';

export interface FlowEngineStatus {
  status: FlowStatus;
  graphVersion: string | null;
  /** When the baseline became ready (ISO), null before. */
  readyAt: string | null;
  /** Wall time of the baseline, ms. */
  computeMs: number | null;
  error: string | null;
  demand: DemandParams;
  routing: RoutingParams;
}

/** A change of one of the node's policies; `peer` selects its channel(s) to that peer, `channelId` one channel. */
export interface PolicyChange {
  kind: 'policy';
  /** Pubkey of the channel's other end; every channel of the node to that peer changes. */
  peer?: string;
  /** One channel (short channel id or channel point); takes precedence over `peer`. */
  channelId?: string;
  feeRatePpm?: number;
  feeBaseMsat?: number;
  inboundFeeRatePpm?: number;
  inboundFeeBaseMsat?: number;
  maxHtlcMsat?: number;
  /** true disables the node's direction of the channel (its peer's direction stays as it is). */
  disabled?: boolean;
}

/** Policy of one direction of a new channel; missing fields take the network median of enabled directions. */
export interface NewChannelPolicy {
  feeRatePpm?: number;
  feeBaseMsat?: number;
  cltvDelta?: number;
  minHtlcMsat?: number;
  maxHtlcMsat?: number;
  inboundFeeRatePpm?: number;
  inboundFeeBaseMsat?: number;
}

export interface NewChannelChange {
  kind: 'new_channel';
  peer: string;
  capacitySat: number;
  /** The node's own direction (node → peer). */
  localPolicy?: NewChannelPolicy;
  /** The peer's direction (peer → node). */
  remotePolicy?: NewChannelPolicy;
}

export type FlowChange = PolicyChange | NewChannelChange;

export interface WhatIfOptions {
  /** Re-run every payment instead of only the affected ones (for comparison; slower). */
  fullResimulation?: boolean;
}

export interface ChannelBeforeAfter {
  channelId: string;
  peer: string;
  /** true for a what-if channel that does not exist in the snapshot. */
  isNew: boolean;
  before: ChannelDirectionFlow | null;
  after: ChannelDirectionFlow;
}

export interface WhatIfResult {
  pubkey: string;
  before: NodeFlow;
  after: NodeFlow;
  /** The node's own directions (node → peer) on every channel it has, and on new ones. */
  channels: ChannelBeforeAfter[];
  /** How the answer was computed. */
  method: 'fast' | 'full';
  /** Route searches re-run (one per (receiver, amount) group) out of the total of the baseline. */
  reroutedGroups: number;
  totalGroups: number;
  computeMs: number;
}

export interface FeeCurvePoint {
  feeRatePpm: number;
  /** The node's direction(s) toward the peer, summed over parallel channels. */
  forwardsPerDay: Spread;
  feeRevenueSatPerDay: Spread;
  /** The node as a whole at this rate (other channels gain or lose what this one loses or gains). */
  nodeForwardsPerDay: Spread;
  nodeFeeRevenueSatPerDay: Spread;
}

export interface FeeCurve {
  pubkey: string;
  peer: string;
  /** Channels of the node to the peer the curve is about. */
  channelIds: string[];
  currentFeeRatePpm: number;
  points: FeeCurvePoint[];
  /** Rate with the highest median node revenue among the points (ties: the lower rate). */
  bestFeeRatePpm: number;
  computeMs: number;
}

export const DEFAULT_DEMAND: DemandParams = {
  variant: 'capacity_weighted',
  minAmountSat: 1_000,
  maxAmountSat: 5_000_000,
  amountLevels: 24,
  // River Financial, "Lightning Network grew by 1212% in 2 years" (Aug 2023): ≥ 6.6 M routed payments in
  // August 2023, i.e. ≈ 213,000 per day. See docs/FLOW-MODEL.md.
  paymentsPerDay: 213_000,
  paymentsPerSeed: 24_000,
  sendersPerReceiver: 100,
  seeds: 5,
  baseSeed: 1,
};

export const DEFAULT_ROUTING: RoutingParams = {
  aprioriHopProbability: 0.6,
  aprioriWeight: 0.5,
  capacityFraction: 0.9999,
  attemptCostMsat: 100_000,
  attemptCostPpm: 1000,
  localChannelProbability: 0.95,
  riskFactorBillionths: 15,
  cltvLimit: 2016,
  finalCltvDelta: 80,
  blockPadding: 3,
  minRouteProbability: 0.01,
};
