import { lightningGraphOf, testPubkey } from '../../graph/analytics/testing/test-graphs';
import { InvalidWhatIfError } from '../../common/errors/domain.error';
import type { SimulateRequestDto } from '../dto/flow.dto';
import { parameterOverrides, resolveNewChannels, resolvePolicyChanges } from './flow-what-if.service';

// 0 has two parallel channels to 1 and one to 2; 3 is elsewhere.
const g = lightningGraphOf(4, [{ a: 0, b: 1 }, { a: 0, b: 1 }, { a: 0, b: 2 }, { a: 2, b: 3 }]);
const chansTo = (peer: number) => Array.from(g.channelsOf(0)).filter((c) => g.peerOf(c, 0) === peer).sort();

function invalid(fn: () => unknown): InvalidWhatIfError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidWhatIfError) return e;
    throw e;
  }
  throw new Error('expected INVALID_WHAT_IF');
}

describe('what-if resolution', () => {
  it('applies a change by peer to every channel of the node with that peer', () => {
    const { policies, changed } = resolvePolicyChanges(g, 0, { policy_changes: [{ peer: testPubkey(1), fee_rate_ppm: 500, disabled: false }] });
    expect(policies.map((p) => p.chan).sort()).toEqual(chansTo(1));
    expect(policies[0]).toMatchObject({ feeRatePpm: 500, disabled: false });
    expect(policies[0]).not.toHaveProperty('baseFeeMsat');
    expect([...changed].sort()).toEqual(chansTo(1));
  });

  it('refuses, field by field, changes naming no channel of the node, none or both selectors, nothing to change, or a channel twice', () => {
    const body: SimulateRequestDto = {
      policy_changes: [
        { peer: testPubkey(3), fee_rate_ppm: 1 },
        { fee_rate_ppm: 1 },
        { peer: testPubkey(2), short_channel_id: '1x2x3', fee_rate_ppm: 1 },
        { peer: testPubkey(2) },
        { short_channel_id: '800000x1x0', max_htlc_msat: 5 },
        { peer: testPubkey(2), base_fee_msat: 0 },
        { peer: testPubkey(2), disabled: true },
      ],
    };
    const e = invalid(() => resolvePolicyChanges(g, 0, body));
    expect(e.code).toBe('INVALID_WHAT_IF');
    expect((e.details?.errors as Array<{ field: string }>).map((x) => x.field)).toEqual([
      'policy_changes.0.peer',
      'policy_changes.1',
      'policy_changes.2',
      'policy_changes.3',
      'policy_changes.4.short_channel_id',
      'policy_changes.6',
    ]);
  });

  it('resolves new channels to graph nodes and refuses unknown peers and the node itself', () => {
    const policy = { fee_rate_ppm: 100, base_fee_msat: 1000 };
    expect(resolveNewChannels(g, 0, { new_channels: [{ peer: testPubkey(3), capacity_sat: 5_000_000, local_policy: policy, remote_policy: { fee_rate_ppm: 0, base_fee_msat: 0 } }] })).toEqual([
      { peer: 3, capacitySat: 5_000_000, local: { feeRatePpm: 100, baseFeeMsat: 1000 }, remote: { feeRatePpm: 0, baseFeeMsat: 0 } },
    ]);
    const e = invalid(() =>
      resolveNewChannels(g, 0, {
        new_channels: [
          { peer: testPubkey(9), capacity_sat: 100_000, local_policy: policy, remote_policy: policy },
          { peer: testPubkey(0), capacity_sat: 100_000, local_policy: policy, remote_policy: policy },
        ],
      }),
    );
    expect(e.message).toMatch(/new_channels\.0\.peer is not in the current graph; new_channels\.1\.peer is the node itself/);
  });

  it('maps parameter overrides and refuses a smallest amount above the largest', () => {
    expect(parameterOverrides(undefined)).toBeUndefined();
    expect(parameterOverrides({})).toBeUndefined();
    expect(parameterOverrides({ demand: 'uniform', hop_probability: 0.7, seed: 3 })).toEqual({ demand: 'uniform', hopProbability: 0.7, seed: 3 });
    expect(invalid(() => parameterOverrides({ min_amount_sat: 10, max_amount_sat: 9 })).message).toMatch(/min_amount_sat is above/);
  });
});
