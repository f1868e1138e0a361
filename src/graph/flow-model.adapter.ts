import { FlowEngine, FlowEngineOptions } from './flow/flow-engine';
import type { ChannelDirectionFlow, DemandParams, FlowChange, NodeFlow, RoutingParams } from './flow/flow.types';
import type { FeeCurveOutcome, FlowFigures, FlowModelView, FlowParameterOverrides, NodeFlowFigures, WhatIfInput, WhatIfOutcome } from './flow-model.view';
import type { LightningGraph } from './model/lightning-graph';

export interface FlowBuildOptions {
  paymentsPerRun: number;
  runs: number;
  workers: number;
}

const figures = (f: Pick<NodeFlow | ChannelDirectionFlow, 'forwardsPerDay' | 'volumeSatPerDay' | 'feeRevenueSatPerDay'>): FlowFigures => ({
  forwardsPerDay: f.forwardsPerDay,
  volumeSatPerDay: f.volumeSatPerDay,
  revenueSatPerDay: f.feeRevenueSatPerDay,
});

/** The engine's id of a graph channel (flow-graph.ts: short channel id, else channel point, else `#index`). */
const channelIdOf = (g: LightningGraph, c: number) => g.chanScid[c] ?? g.chanPoint[c] ?? `#${c}`;

/** The parameters an answer states, in the names the API's texts use. */
function parametersOf(demand: DemandParams, routing: RoutingParams): Record<string, number | string> {
  return {
    demand: demand.variant,
    paymentsPerDay: demand.paymentsPerDay,
    minAmountSat: demand.minAmountSat,
    maxAmountSat: demand.maxAmountSat,
    seed: demand.baseSeed,
    hopProbability: routing.aprioriHopProbability,
    attemptCostSat: routing.attemptCostMsat / 1000,
    attemptCostPpm: routing.attemptCostPpm,
    cltvLimit: routing.cltvLimit,
  };
}

function engineOptions(o: FlowBuildOptions, p: FlowParameterOverrides = {}): FlowEngineOptions {
  const demand: Partial<DemandParams> = { paymentsPerSeed: o.paymentsPerRun, seeds: o.runs };
  if (p.demand !== undefined) demand.variant = p.demand;
  if (p.paymentsPerDay !== undefined) demand.paymentsPerDay = p.paymentsPerDay;
  if (p.minAmountSat !== undefined) demand.minAmountSat = p.minAmountSat;
  if (p.maxAmountSat !== undefined) demand.maxAmountSat = p.maxAmountSat;
  if (p.seed !== undefined) demand.baseSeed = p.seed;
  const routing: Partial<RoutingParams> = {};
  if (p.hopProbability !== undefined) routing.aprioriHopProbability = p.hopProbability;
  if (p.attemptCostSat !== undefined) routing.attemptCostMsat = p.attemptCostSat * 1000;
  if (p.attemptCostPpm !== undefined) routing.attemptCostPpm = p.attemptCostPpm;
  return { demand, routing, workers: o.workers };
}

/**
 * One graph's flow model over the engine (src/graph/flow/). The baseline engine answers requests without
 * parameters; a request with parameter overrides is answered by an engine built for those parameters (a full
 * baseline under them, the expensive part), kept until other parameters are asked for, one build at a time.
 */
class EngineFlowModel implements FlowModelView {
  readonly graphVersion: string;
  readonly paymentsPerRun: number;
  readonly runs: number;
  readonly parameters: Record<string, number | string>;
  readonly computeMs: number;
  private overridden: { key: string; engine: Promise<FlowEngine> } | null = null;
  private building: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly graph: LightningGraph,
    private readonly engine: FlowEngine,
    private readonly options: FlowBuildOptions,
  ) {
    const st = engine.status();
    this.graphVersion = graph.meta.version;
    this.paymentsPerRun = st.demand.paymentsPerSeed;
    this.runs = st.demand.seeds;
    this.parameters = parametersOf(st.demand, st.routing);
    this.computeMs = st.computeMs ?? 0;
  }

  nodeFlow(node: number): NodeFlowFigures {
    const f = this.engine.nodeFlow(this.graph.pubkeys[node]);
    return { ...figures(f), share: f.shareOfNetworkFlow };
  }

  channelFlows(node: number): Array<{ chan: number; figures: FlowFigures }> {
    const byId = new Map(this.engine.channelFlows(this.graph.pubkeys[node]).map((f) => [f.channelId, f]));
    return Array.from(this.graph.channelsOf(node), (chan) => {
      const f = byId.get(channelIdOf(this.graph, chan));
      if (!f) throw new Error(`flow engine has no figures for channel ${channelIdOf(this.graph, chan)}`);
      return { chan, figures: figures(f) };
    });
  }

  async whatIf(input: WhatIfInput): Promise<WhatIfOutcome> {
    const g = this.graph;
    const { engine, parameters } = await this.engineFor(input.parameters);
    const changes: FlowChange[] = [
      ...input.policies.map((p) => ({
        kind: 'policy' as const,
        channelId: channelIdOf(g, p.chan),
        feeRatePpm: p.feeRatePpm,
        feeBaseMsat: p.baseFeeMsat,
        inboundFeeRatePpm: p.inboundFeeRatePpm,
        inboundFeeBaseMsat: p.inboundBaseFeeMsat,
        maxHtlcMsat: p.maxHtlcMsat,
        disabled: p.disabled,
      })),
      ...input.newChannels.map((n) => ({
        kind: 'new_channel' as const,
        peer: g.pubkeys[n.peer],
        capacitySat: n.capacitySat,
        localPolicy: { feeRatePpm: n.local.feeRatePpm, feeBaseMsat: n.local.baseFeeMsat },
        remotePolicy: { feeRatePpm: n.remote.feeRatePpm, feeBaseMsat: n.remote.baseFeeMsat },
      })),
    ];
    const r = await engine.computeWhatIf(g.pubkeys[input.node], changes);
    const own = Array.from(g.channelsOf(input.node));
    const ownById = new Map(own.map((c) => [channelIdOf(g, c), c]));
    let nextNew = 0;
    return {
      before: figures(r.before),
      after: figures(r.after),
      channels: r.channels.map((c) => {
        const chan = c.isNew ? -1 : (ownById.get(c.channelId) ?? -1);
        if (!c.isNew && chan < 0) throw new Error(`flow engine answered for channel ${c.channelId}, not one of the node's`);
        return { chan, newIndex: c.isNew ? nextNew++ : -1, before: c.before ? figures(c.before) : null, after: figures(c.after) };
      }),
      method: r.method,
      paymentsPerRun: this.paymentsPerRun,
      runs: this.runs,
      parameters,
      computeMs: r.computeMs,
    };
  }

  async feeCurve(node: number, peer: number, ratesPpm: number[], overrides?: FlowParameterOverrides): Promise<FeeCurveOutcome> {
    const { engine, parameters } = await this.engineFor(overrides);
    const c = await engine.feeCurve(this.graph.pubkeys[node], this.graph.pubkeys[peer], ratesPpm);
    return {
      points: c.points.map((p) => ({ feeRatePpm: p.feeRatePpm, forwardsPerDay: p.forwardsPerDay, revenueSatPerDay: p.feeRevenueSatPerDay, nodeForwardsPerDay: p.nodeForwardsPerDay, nodeRevenueSatPerDay: p.nodeFeeRevenueSatPerDay })),
      bestFeeRatePpm: c.bestFeeRatePpm,
      currentFeeRatePpm: c.currentFeeRatePpm,
      method: 'fast',
      paymentsPerRun: this.paymentsPerRun,
      runs: this.runs,
      parameters,
      computeMs: c.computeMs,
    };
  }

  async dispose(): Promise<void> {
    const o = this.overridden;
    this.overridden = null;
    await Promise.all([this.engine.stop(), o?.engine.then((e) => e.stop(), () => undefined)]);
  }

  private async engineFor(overrides: FlowParameterOverrides | undefined): Promise<{ engine: FlowEngine; parameters: Record<string, number | string> }> {
    if (!overrides || Object.keys(overrides).length === 0) return { engine: this.engine, parameters: this.parameters };
    const opts = engineOptions(this.options, overrides);
    const key = JSON.stringify(opts);
    if (this.overridden?.key !== key) {
      const previous = this.overridden;
      // One override engine at a time: the next build starts once the previous one is done and stopped.
      const engine = this.building.then(async () => {
        await previous?.engine.then((e) => e.stop(), () => undefined);
        const e = new FlowEngine(opts);
        await e.start(this.graph);
        return e;
      });
      this.building = engine.catch(() => undefined);
      this.overridden = { key, engine };
      engine.catch(() => {
        if (this.overridden?.key === key) this.overridden = null;
      });
    }
    const engine = await this.overridden!.engine;
    const st = engine.status();
    return { engine, parameters: parametersOf(st.demand, st.routing) };
  }
}

/** Builds the baseline of `graph` in worker threads; resolves when it is ready. */
export async function buildFlowModel(graph: LightningGraph, options: FlowBuildOptions): Promise<FlowModelView> {
  const engine = new FlowEngine(engineOptions(options));
  try {
    await engine.start(graph);
  } catch (err) {
    await engine.stop();
    throw err;
  }
  return new EngineFlowModel(graph, engine, options);
}
