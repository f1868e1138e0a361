import type { FlowModelView, WhatIfOutcome } from '../../graph/flow-model.view';
import type { FlowService } from '../../graph/flow.service';
import type { GraphService } from '../../graph/graph.service';
import type { Recommendation, RecommendationSet } from '../recommendations/recommendations.engine';
import { AdviceFlowService, MAX_ADVICE_WHAT_IFS_IN_FLIGHT } from './advice-flow.service';

const NODE = '02' + 'a'.repeat(64);
const PEER = '03' + 'b'.repeat(64);
const spread = (p50: number) => ({ p10: p50, p50, p90: p50 });
const figures = (forwards: number, revenue: number) => ({ forwardsPerDay: spread(forwards), volumeSatPerDay: spread(forwards * 1000), revenueSatPerDay: spread(revenue) });

/** A one-channel graph (node 0 — peer 1) and a model whose what-if answers only when the test lets it. */
function setup() {
  const graph = { indexOf: (pk: string) => [NODE, PEER].indexOf(pk), channelsOf: () => Uint32Array.of(0), peerOf: () => 1, outboundSlot: () => 0, feeRatePpm: Float64Array.of(1, 1) };
  const graphs = { current: () => ({ graph }) } as unknown as GraphService;
  let release: (o: WhatIfOutcome) => void = () => undefined;
  const whatIf = jest.fn(() => new Promise<WhatIfOutcome>((resolve) => (release = resolve)));
  const model = { whatIf, parameters: { demand: 'capacity_weighted' } } as unknown as FlowModelView;
  const flow = { current: () => ({ status: 'ready', model }) } as unknown as FlowService;
  const set = (): RecommendationSet => {
    const rec = { id: 'r1', rule: 'fee_underpriced' } as unknown as Recommendation;
    return { recommendations: [rec], omitted: {}, node_role: {} as never, policySteps: new Map([['r1', { peerPubkey: PEER, current: { feeRatePpm: 1, baseFeeMsat: 1000 }, feeRatePpm: 100 }]]) };
  };
  return { service: new AdviceFlowService(graphs, flow), whatIf, set, release: (o: WhatIfOutcome) => release(o) };
}

describe('AdviceFlowService: advice never waits long for the model', () => {
  it('answers without a what-if still computing, says how many are pending, and the next request gets the same (memoized) what-if', async () => {
    const { service, whatIf, set, release } = setup();
    const first = set();
    expect(await service.annotateFeeRecommendations(NODE, first, 'en')).toEqual({ pending: 1 });
    expect(first.recommendations[0].modelled_impact).toBeUndefined();

    release({ before: figures(10, 2), after: figures(9, 3) } as unknown as WhatIfOutcome);
    const second = set();
    expect(await service.annotateFeeRecommendations(NODE, second, 'en')).toEqual({ pending: 0 });
    expect(second.recommendations[0].modelled_impact).toMatchObject({ agrees_with_market: true, revenue_sat_per_day: { before: { p50: 2 }, after: { p50: 3 } } });
    // One what-if for both requests: the first one's went on and served the second.
    expect(whatIf).toHaveBeenCalledTimes(1);
  });

  it('starts no what-if past the backlog: it reports them pending, and starts them once the backlog drains', async () => {
    const { service, whatIf, set } = setup();
    const resolvers: Array<(o: WhatIfOutcome) => void> = [];
    whatIf.mockImplementation(() => new Promise<WhatIfOutcome>((resolve) => resolvers.push(resolve)));
    const ask = (feeRatePpm: number) => {
      const s = set();
      s.policySteps.set('r1', { ...s.policySteps.get('r1')!, feeRatePpm });
      return service.annotateFeeRecommendations(NODE, s, 'en');
    };
    const first = await Promise.all(Array.from({ length: MAX_ADVICE_WHAT_IFS_IN_FLIGHT }, (_, i) => ask(100 + i)));
    expect(first).toEqual(first.map(() => ({ pending: 1 })));
    expect(whatIf).toHaveBeenCalledTimes(MAX_ADVICE_WHAT_IFS_IN_FLIGHT);
    // Full: the next one is not started, and says pending at once.
    expect(await ask(999)).toEqual({ pending: 1 });
    expect(whatIf).toHaveBeenCalledTimes(MAX_ADVICE_WHAT_IFS_IN_FLIGHT);
    // One finishes: the next request starts it.
    resolvers[0]({ before: figures(10, 2), after: figures(9, 3) } as unknown as WhatIfOutcome);
    await new Promise((r) => setImmediate(r));
    expect(await ask(999)).toEqual({ pending: 1 });
    expect(whatIf).toHaveBeenCalledTimes(MAX_ADVICE_WHAT_IFS_IN_FLIGHT + 1);
  });

  it('a plan whose what-if is still computing gets pending, not a made-up ROI', async () => {
    const { service, set } = setup();
    const s = set();
    expect(await service.planRoi(NODE, s.recommendations, s.policySteps, 10_000)).toBe('pending');
  });
});
