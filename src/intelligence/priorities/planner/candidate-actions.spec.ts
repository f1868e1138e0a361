import { recommend } from '../../recommendations/recommendations.engine';
import { FORCE_CLOSE_VBYTES } from '../../recommendations/rules/reliability.rules';
import { channel, node } from '../../recommendations/rules/test-node.fixture';
import { candidateActions, CLOSE_TX_VBYTES } from './candidate-actions';
import { PlanRequest } from './plan.types';

const COSTS = { onchainFeeRateSatVb: 10, feeRateSource: 'test', networkMedianFeePpm: 100 };
const REQ: PlanRequest = { context: 'expert', goals: ['cost_optimization'], maxActions: 5, budgetLimit: null, timeframePreference: null };

describe(candidateActions.name, () => {
  it('costs a grouped zombie close as one force close per channel it closes, as the recommendation sizes it', () => {
    const zombie = (i: number) => channel(i, { local: null, remote: null, usable: false, capacitySat: 500_000 });
    const channels = [...Array.from({ length: 6 }, (_, i) => channel(i + 1)), ...Array.from({ length: 30 }, (_, i) => zombie(100 + i))];
    const { recommendations } = recommend(node({ channels }), 'en');
    const zombies = recommendations.find((r) => r.rule === 'zombie_channels')!;
    expect(zombies.commands!.lnd).toMatch(/closechannel --force/);

    const action = candidateActions([zombies], REQ, 'en', COSTS)[0];
    expect(action.closesChannels).toBe(30);
    expect(action.estimatedCost).toBe(30 * FORCE_CLOSE_VBYTES * 10);
    const vbytes = zombies.evidence.find((e) => e.name === 'on_chain_size_of_force_closes')!.value;
    expect(action.estimatedCost).toBe(Number(vbytes) * 10);
    expect(action.costBasis).toMatch(/30 force close/);
  });

  it('costs a cooperative close of a small channel at the cooperative size', () => {
    const channels = [...Array.from({ length: 6 }, (_, i) => channel(i + 1)), channel(50, { capacitySat: 50_000 })];
    const { recommendations } = recommend(node({ channels }), 'en');
    const small = recommendations.find((r) => r.rule === 'small_channel')!;
    expect(small.commands!.lnd).not.toMatch(/--force/);
    expect(candidateActions([small], REQ, 'en', COSTS)[0].estimatedCost).toBe(CLOSE_TX_VBYTES * 10);
  });
});
