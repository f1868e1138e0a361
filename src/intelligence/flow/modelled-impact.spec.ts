import type { FlowFigures } from '../../graph/flow-model.view';
import { modelledImpact } from './modelled-impact';

const s = (p50: number) => ({ p10: p50 * 0.8, p50, p90: p50 * 1.2 });
const figures = (forwards: number, revenue: number): FlowFigures => ({ forwardsPerDay: s(forwards), volumeSatPerDay: s(forwards * 1000), revenueSatPerDay: s(revenue) });

describe('modelled impact of a fee recommendation', () => {
  it('agrees when a raise earns more in the model, and says it is a model with its demand', () => {
    const m = modelledImpact(figures(10, 2), figures(8, 3), 'more_revenue', 'capacity-weighted payments', 'en');
    expect(m.agrees_with_market).toBe(true);
    expect(m.note).toMatch(/^Payment-flow model \(not a measurement; assumed demand: capacity-weighted payments, no balances or private channels\): median revenue 2\.00 → 3\.00 sat\/day \(\+50 %\), forwards 10\.00 → 8\.00 per day\.$/);
    expect(m.revenue_sat_per_day).toEqual({ before: { p10: 1.6, p50: 2, p90: 2.4 }, after: { p10: 2.4, p50: 3, p90: 3.6 } });
  });

  it('says so when the model disagrees with the market comparison, in either direction and in French', () => {
    const raise = modelledImpact(figures(10, 2), figures(2, 1), 'more_revenue', 'd', 'en');
    expect(raise.agrees_with_market).toBe(false);
    expect(raise.note).toMatch(/The model disagrees with the market comparison: it expects less revenue/);
    const cut = modelledImpact(figures(10, 2), figures(9, 1.5), 'more_flow', 'd', 'fr');
    expect(cut.agrees_with_market).toBe(false);
    expect(cut.note).toMatch(/^Modèle de flux de paiements \(pas une mesure/);
    expect(cut.note).toMatch(/Le modèle contredit la comparaison au marché : il ne prévoit pas plus de transferts/);
  });

  it('says the model sees no effect, rather than agreeing, when revenue and forwards do not move', () => {
    const same = modelledImpact(figures(400, 2452), figures(400, 2452), 'more_revenue', 'd', 'en');
    expect(same.agrees_with_market).toBe(false);
    expect(same.note).toMatch(/\(\+0 %\), forwards 400 → 400 per day\. The model sees no effect: in its simulated demand this channel carries \(almost\) none of the payments at either fee\./);
    expect(same.note).not.toMatch(/disagrees/);
    const cut = modelledImpact(figures(10, 2), figures(10, 2), 'more_flow', 'd', 'fr');
    expect(cut.agrees_with_market).toBe(false);
    expect(cut.note).toMatch(/Le modèle ne voit aucun effet/);
  });

  it('on a hub, a move under half a percent of the node’s revenue is no material change, not a contradiction', () => {
    const raise = modelledImpact(figures(2387, 355_759), figures(2361, 355_739), 'more_revenue', 'd', 'en');
    expect(raise.agrees_with_market).toBe(false);
    expect(raise.note).toMatch(/median revenue 355759 → 355739 sat\/day \(-0\.01 %\), forwards 2387 → 2361 per day\. The model sees no material change in your revenue \(−20\.00 sat\/day\)/);
    expect(raise.note).not.toMatch(/disagrees/);
    const up = modelledImpact(figures(2387, 355_759), figures(2361, 365_000), 'more_revenue', 'd', 'en');
    expect(up.agrees_with_market).toBe(true);
    expect(up.note).toMatch(/\(\+2\.6 %\)|\(\+3 %\)/);
    const cut = modelledImpact(figures(2387, 355_759), figures(2390, 350_000), 'more_flow', 'd', 'fr');
    expect(cut.note).toMatch(/Le modèle ne voit pas de changement notable de vos transferts \(\+3\.00 par jour\)/);
  });

  it('gives no percentage when the node earned nothing before', () => {
    expect(modelledImpact(figures(0, 0), figures(1, 0.5), 'more_revenue', 'd', 'en').note).toMatch(/median revenue 0\.00 → 0\.50 sat\/day, forwards/);
  });
});
