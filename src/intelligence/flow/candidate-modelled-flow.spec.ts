import type { NewChannelEdit, WhatIfOutcome } from '../../graph/flow-model.view';
import { candidateModelledFlow } from './candidate-modelled-flow';

const spread = (p50: number) => ({ p10: p50 / 2, p50, p90: p50 * 2 });
const figures = (forwards: number, revenue: number) => ({ forwardsPerDay: spread(forwards), volumeSatPerDay: spread(forwards * 1e5), revenueSatPerDay: spread(revenue) });
const edit: NewChannelEdit = { peer: 7, capacitySat: 2_000_000, local: { feeRatePpm: 420, baseFeeMsat: 0 }, remote: { feeRatePpm: 150, baseFeeMsat: 1000 } };

function outcome(after: number, channel: number | null): WhatIfOutcome {
  return {
    before: figures(10, 5),
    after: figures(after, after / 2),
    channels: [{ chan: 3, newIndex: -1, before: figures(4, 2), after: figures(3, 1) }, ...(channel === null ? [] : [{ chan: -1, newIndex: 0, before: null, after: figures(channel, channel / 4) }])],
    method: 'fast',
    paymentsPerRun: 1000,
    runs: 3,
    parameters: {},
    computeMs: 1,
  };
}

describe('modelled flow of a channel candidate', () => {
  it('reads the node before/after and the new channel’s own flow, with the assumed open', () => {
    const m = candidateModelledFlow(outcome(14, 6), edit, 'capacity-weighted payments', 'en');
    expect(m.node_forwards_per_day).toEqual({ before: { p10: 5, p50: 10, p90: 20 }, after: { p10: 7, p50: 14, p90: 28 } });
    expect(m.channel_forwards_per_day).toEqual({ p10: 3, p50: 6, p90: 12 });
    expect(m.channel_revenue_sat_per_day.p50).toBe(1.5);
    expect(m.assumed).toEqual({ capacity_sat: 2_000_000, local_fee_rate_ppm: 420, local_base_fee_msat: 0, remote_fee_rate_ppm: 150, remote_base_fee_msat: 1000 });
    expect(m.adds_flow).toBe(true);
    expect(m.note).toMatch(/^Payment-flow model \(not a measurement; assumed demand: capacity-weighted payments, no balances or private channels\): a 2,000,000 sat channel at 420 ppm \(the candidate's side at its median 150 ppm\) moves your forwards from 10\.00 to 14\.00 per day/);
    expect(m.note).toMatch(/all its funds on your side/);
  });

  it('says when the whole gain arrives from the candidate, which a freshly opened channel cannot carry yet', () => {
    const m = candidateModelledFlow(outcome(14, 0), edit, 'capacity-weighted payments', 'en');
    expect(m.adds_flow).toBe(true);
    expect(m.note).toMatch(/None of the modelled payments leave through this channel: the gain comes from payments arriving from the candidate.*first needs a rebalance/);
  });

  it('says when the model sees no new forwards, instead of implying revenue (and in French)', () => {
    const none = candidateModelledFlow(outcome(10, 0), edit, 'capacity-weighted payments', 'en');
    expect(none.adds_flow).toBe(false);
    expect(none.note).toMatch(/sees no new forwards through this channel: the centrality gains remain an argument/);
    const fr = candidateModelledFlow(outcome(10, null), edit, 'paiements capacity-weighted', 'fr');
    expect(fr.channel_forwards_per_day).toEqual({ p10: 0, p50: 0, p90: 0 });
    expect(fr.note).toMatch(/^Modèle de flux de paiements .* ne voit pas de nouveaux transferts/);
  });
});
