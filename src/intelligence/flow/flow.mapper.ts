import type { FlowFigures, FlowModelView, Spread } from '../../graph/flow-model.view';
import type { FlowState } from '../../graph/flow.service';
import type { FlowFiguresDto, FlowModelInfoDto, FlowSpreadDto, NodeFlowDto } from '../dto/flow.dto';

/** Forwards and shares keep 4 significant decimals, sats 3: enough for a node earning a fraction of a sat a day. */
const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

export function spreadDto(s: Spread, decimals = 3): FlowSpreadDto {
  return { p10: round(s.p10, decimals), p50: round(s.p50, decimals), p90: round(s.p90, decimals) };
}

export function figuresDto(f: FlowFigures): FlowFiguresDto {
  return { forwards_per_day: spreadDto(f.forwardsPerDay), volume_sat_per_day: spreadDto(f.volumeSatPerDay, 0), revenue_sat_per_day: spreadDto(f.revenueSatPerDay) };
}

/** `network_position.flow`: the node's modelled figures, or the model's status while there are none. */
export function nodeFlowDto(state: FlowState | null, v: number): NodeFlowDto {
  const model = state?.status === 'ready' ? state.model : null;
  if (!model) {
    const status = !state || state.status === 'computing' ? 'computing' : 'unavailable';
    return { status, forwards_per_day: null, volume_sat_per_day: null, revenue_sat_per_day: null, share_of_network_flow: null, payments_per_run: null, runs: null, computed_at: null };
  }
  const f = model.nodeFlow(v);
  return {
    status: 'ready',
    ...figuresDto(f),
    share_of_network_flow: spreadDto(f.share, 6),
    payments_per_run: model.paymentsPerRun,
    runs: model.runs,
    computed_at: state?.computedAt?.toISOString() ?? null,
  };
}

/** The assumptions every modelled figure rests on, for the answer to state beside the figures. */
export function flowAssumptions(parameters: Record<string, number | string>): string[] {
  const p = (k: 'demand' | 'minAmountSat' | 'maxAmountSat' | 'paymentsPerDay') => String(new Map(Object.entries(parameters)).get(k) ?? 'default');
  return [
    'A model, not a measurement: sampled payments routed over the public graph the way LND chooses routes (fee plus its apriori failure-risk cost).',
    `Demand is assumed: ${p('demand')} choice of payer and payee, amounts log-uniform from ${p('minAmountSat')} to ${p('maxAmountSat')} sat, ${p('paymentsPerDay')} payments a day across the network.`,
    'It cannot know channel balances (every channel is assumed able to carry the amount up to its capacity), real demand, or private channels.',
  ];
}

export function modelInfoDto(model: Pick<FlowModelView, 'graphVersion'>, o: { paymentsPerRun: number; runs: number; parameters: Record<string, number | string>; method: 'fast' | 'full' }): FlowModelInfoDto {
  return { graph_version: model.graphVersion, payments_per_run: o.paymentsPerRun, runs: o.runs, parameters: o.parameters, method: o.method, assumptions: flowAssumptions(o.parameters) };
}

/** `count` evenly spaced whole rates from `from` to `to`, both included, without repeats. */
export function feeCurveRates(from: number, to: number, count: number): number[] {
  const rates = new Set<number>();
  for (let i = 0; i < count; i++) rates.add(Math.round(from + ((to - from) * i) / (count - 1)));
  return [...rates].sort((a, b) => a - b);
}
