import type { FlowModelView, NodeFlowFigures } from '../../graph/flow-model.view';
import type { FlowState } from '../../graph/flow.service';
import { feeCurveRates, figuresDto, flowAssumptions, nodeFlowDto, spreadDto } from './flow.mapper';

const spread = (p10: number, p50: number, p90: number) => ({ p10, p50, p90 });
const figures: NodeFlowFigures = {
  forwardsPerDay: spread(1.23456, 2.5, 3.75),
  volumeSatPerDay: spread(1000.4, 2000.6, 3000.5),
  revenueSatPerDay: spread(0.0123456, 0.5, 1.9999),
  share: spread(0.000012345, 0.00002, 0.00003),
};

function stateOf(status: FlowState['status'], model: Partial<FlowModelView> | null): FlowState {
  return { status, graphVersion: 'v', model: model as FlowModelView | null, startedAt: new Date(0), computedAt: status === 'ready' ? new Date('2026-02-03T00:00:00Z') : null, error: null };
}

describe('flow mapper', () => {
  it('rounds spreads: 3 decimals by default, sats of volume to whole sats', () => {
    expect(spreadDto(spread(1.23456, 2, 3.0004))).toEqual({ p10: 1.235, p50: 2, p90: 3 });
    expect(figuresDto(figures)).toEqual({
      forwards_per_day: { p10: 1.235, p50: 2.5, p90: 3.75 },
      volume_sat_per_day: { p10: 1000, p50: 2001, p90: 3001 },
      revenue_sat_per_day: { p10: 0.012, p50: 0.5, p90: 2 },
    });
  });

  it('says computing before the model exists and while it is built, unavailable when off or failed', () => {
    for (const [state, status] of [
      [null, 'computing'],
      [stateOf('computing', null), 'computing'],
      [stateOf('failed', null), 'unavailable'],
      [stateOf('disabled', null), 'unavailable'],
    ] as const) {
      const dto = nodeFlowDto(state, 0);
      expect(dto.status).toBe(status);
      expect([dto.forwards_per_day, dto.revenue_sat_per_day, dto.share_of_network_flow, dto.computed_at]).toEqual([null, null, null, null]);
    }
  });

  it('gives the ready model’s figures for the node asked about', () => {
    const asked: number[] = [];
    const dto = nodeFlowDto(stateOf('ready', { paymentsPerRun: 100_000, runs: 5, nodeFlow: (v: number) => (asked.push(v), figures) }), 7);
    expect(asked).toEqual([7]);
    expect(dto).toMatchObject({ status: 'ready', payments_per_run: 100_000, runs: 5, computed_at: '2026-02-03T00:00:00.000Z', share_of_network_flow: { p10: 0.000012, p50: 0.00002, p90: 0.00003 } });
    expect(dto.revenue_sat_per_day).toEqual({ p10: 0.012, p50: 0.5, p90: 2 });
  });

  it('spaces fee-curve rates evenly, both ends included, without repeats', () => {
    expect(feeCurveRates(0, 2000, 11)).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
    expect(feeCurveRates(10, 13, 8)).toEqual([10, 11, 12, 13]);
    expect(feeCurveRates(500, 500, 5)).toEqual([500]);
  });

  it('names the demand assumptions with the parameters used', () => {
    const text = flowAssumptions({ demand: 'uniform', minAmountSat: 1000, maxAmountSat: 5_000_000, paymentsPerDay: 213_000 }).join(' ');
    expect(text).toMatch(/model, not a measurement/);
    expect(text).toMatch(/uniform choice of payer and payee, amounts log-uniform from 1000 to 5000000 sat, 213000 payments a day/);
    expect(text).toMatch(/balances.*real demand.*private channels/);
  });
});
