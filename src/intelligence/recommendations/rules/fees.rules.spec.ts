import { commandProblems } from '../../../../test/utils/command-grammar';
import { CompetingFees } from '../competing-fees';
import { channel, node, PEER, policy } from './test-node.fixture';
import { classifyNodeRole } from '../node-role.classifier';
import { FEE_STEP_FACTOR, feePath, feeStepFactor, MAX_FEE_STEP_FACTOR, MAX_FEE_STEPS, MIN_FEE_STEP_PPM, worthChanging } from './rule-helpers';
import { feeRules, HIGH_BASE_FEE_MSAT, MIN_COMPETITORS, OVERPRICED_RATIO, UNDERPRICED_RATIO } from './fees.rules';

const competition = (median: number, n = 9) => CompetingFees.of(Array.from({ length: n }, (_, i) => Math.round(median * (0.5 + i / (n - 1)))));
const rulesFor = (chan: Parameters<typeof channel>[1]) => feeRules(node({ channels: [channel(1, chan), channel(2), channel(3)] })).map((f) => f.rule);

describe('fee rules', () => {
  describe('underpriced against the competition into the same peer', () => {
    const comp = competition(400); // median 400
    it('fires below a quarter of the median and suggests a higher fee', () => {
      const f = feeRules(node({ channels: [channel(1, { local: policy({ feeRatePpm: 99 }), competingFeesPpm: comp }), channel(2), channel(3)] })).find((x) => x.rule === 'fee_underpriced')!;
      expect(f).toBeDefined();
      expect(f.suggestedValue as number).toBeGreaterThan(99);
      expect(f.evidence.find((e) => e.name === 'competing_fee_rate_median')?.value).toBe(400);
      expect(f.evidence.find((e) => e.name === 'percentile_among_competitors_before')?.value).toBe(0);
      expect(Number(f.evidence.find((e) => e.name === 'percentile_among_competitors_after')?.value)).toBeGreaterThan(0);
      expect(commandProblems(f.commands!.lnd!)).toEqual([]);
      expect(f.commands!.revert!.lnd).toContain('--fee_rate_ppm 99');
    });
    it('does not fire at exactly a quarter of the median', () => {
      expect(rulesFor({ local: policy({ feeRatePpm: UNDERPRICED_RATIO * 400 }), competingFeesPpm: comp })).not.toContain('fee_underpriced');
    });
    it(`needs at least ${MIN_COMPETITORS} competing channels`, () => {
      expect(rulesFor({ local: policy({ feeRatePpm: 10 }), competingFeesPpm: competition(400, MIN_COMPETITORS - 1) })).not.toContain('fee_underpriced');
      expect(rulesFor({ local: policy({ feeRatePpm: 10 }), competingFeesPpm: competition(400, MIN_COMPETITORS) })).toContain('fee_underpriced');
    });
    it('ignores disabled or zombie channels', () => {
      expect(rulesFor({ local: policy({ feeRatePpm: 10, disabled: true }), competingFeesPpm: comp })).not.toContain('fee_underpriced');
      expect(rulesFor({ usable: false, local: policy({ feeRatePpm: 10 }), competingFeesPpm: comp })).not.toContain('fee_underpriced');
    });
  });

  describe('overpriced', () => {
    const comp = competition(100); // median 100, p90 ~ 144
    it(`fires above ${OVERPRICED_RATIO}x the median and the p90, suggesting a lower fee`, () => {
      const f = feeRules(node({ channels: [channel(1, { local: policy({ feeRatePpm: 1000 }), competingFeesPpm: comp }), channel(2), channel(3)] })).find((x) => x.rule === 'fee_overpriced')!;
      expect(f.suggestedValue as number).toBeLessThan(1000);
      expect(f.evidence.find((e) => e.name === 'own_fee_rate')?.value).toBe(1000);
    });
    it('does not fire at exactly 4x the median', () => {
      expect(rulesFor({ local: policy({ feeRatePpm: 400 }), competingFeesPpm: comp })).not.toContain('fee_overpriced');
      expect(rulesFor({ local: policy({ feeRatePpm: 401 }), competingFeesPpm: comp })).toContain('fee_overpriced');
    });
  });

  it('flags free routing (0 msat + 0 ppm) but not a zero base fee with a rate', () => {
    expect(rulesFor({ local: policy({ feeRatePpm: 0, baseFeeMsat: 0 }) })).toContain('fee_free_routing');
    expect(rulesFor({ local: policy({ feeRatePpm: 100, baseFeeMsat: 0 }) })).not.toContain('fee_free_routing');
  });

  it(`flags a base fee above ${HIGH_BASE_FEE_MSAT} msat, not at it`, () => {
    expect(rulesFor({ local: policy({ baseFeeMsat: HIGH_BASE_FEE_MSAT }) })).not.toContain('fee_high_base');
    expect(rulesFor({ local: policy({ baseFeeMsat: HIGH_BASE_FEE_MSAT + 1 }) })).toContain('fee_high_base');
  });

  it('flags a fee 10x away from the node’s own median when no competition rule did', () => {
    expect(rulesFor({ local: policy({ feeRatePpm: 1000 }), competingFeesPpm: CompetingFees.of([]) })).toContain('fee_own_outlier');
    expect(rulesFor({ local: policy({ feeRatePpm: 999 }), competingFeesPpm: CompetingFees.of([]) })).not.toContain('fee_own_outlier');
  });

  it('uses Sparkseer suggestions when present, outside the suggested band only', () => {
    const n = node({ sparkseerSuggestedFees: [{ peerPubkey: channel(1).peerPubkey, passiveFeePpm: 300, activeFeePpm: 500 }] });
    expect(feeRules(n).map((f) => f.rule)).toContain('fee_sparkseer');
    const inBand = node({ sparkseerSuggestedFees: [{ peerPubkey: channel(1).peerPubkey, passiveFeePpm: 50, activeFeePpm: 150 }] });
    expect(feeRules(inBand).map((f) => f.rule)).not.toContain('fee_sparkseer');
  });

  it('says nothing about a healthy node', () => {
    expect(feeRules(node())).toEqual([]);
  });

  it('gives no routing-fee advice to a node that cannot route (one peer, however many channels)', () => {
    const onePeer = [1, 2, 3, 4].map((i) => channel(i, { peerPubkey: PEER(1), local: policy({ feeRatePpm: 1 }), competingFeesPpm: competition(400) }));
    expect(classifyNodeRole(node({ channels: onePeer })).role).toBe('cannot_route');
    expect(feeRules(node({ channels: onePeer }))).toEqual([]);
    expect(rulesFor({ local: policy({ feeRatePpm: 1 }), competingFeesPpm: competition(400) })).toContain('fee_underpriced');
  });

  it('lets the market, not the node’s own median, decide where there is a market', () => {
    // Own median 100 ppm; this channel charges 1,000 ppm, inside its market's band (median 800): no advice.
    expect(rulesFor({ local: policy({ feeRatePpm: 1000 }), competingFeesPpm: competition(800) })).toEqual([]);
    // The same fee with no market is a weak own-outlier question, low priority.
    const f = feeRules(node({ channels: [channel(1, { local: policy({ feeRatePpm: 1000 }), competingFeesPpm: CompetingFees.of([]) }), channel(2), channel(3)] }))[0];
    expect(f).toMatchObject({ rule: 'fee_own_outlier', priority: 'low', suggestedValue: 100 });
  });

  it('moves a fee in bounded steps and states the path; the command sets the first step', () => {
    const f = feeRules(node({ channels: [channel(1, { local: policy({ feeRatePpm: 20_000 }), competingFeesPpm: competition(100, 40) }), channel(2), channel(3)] }))[0];
    expect(f).toMatchObject({ rule: 'fee_overpriced', message: 'fee_overpriced_stance', priority: 'low' });
    const path = feePath(20_000, f.suggestedValue as number);
    expect(path.length).toBeGreaterThan(3);
    expect(f.params.steps).toBe(path.length);
    expect(f.commands!.lnd).toContain(`--fee_rate_ppm ${path[0]}`);
    expect(f.evidence.find((e) => e.name === 'fee_path')?.value).toBe(path.join(' → '));
  });

  it('never proposes a change under the minimum (0 → 1 ppm is not advice)', () => {
    expect(rulesFor({ local: policy({ feeRatePpm: 0, baseFeeMsat: 0 }), competingFeesPpm: CompetingFees.of([1, 1, 1, 1, 1, 2, 2]) })).toEqual([]);
  });

  it('a thin market (under 20 competitors) gives low priority and confidence', () => {
    const f = feeRules(node({ channels: [channel(1, { local: policy({ feeRatePpm: 1 }), competingFeesPpm: competition(400, 6) }), channel(2), channel(3)] }))[0];
    expect(f).toMatchObject({ rule: 'fee_underpriced', priority: 'low' });
    expect(f.confidence).toBeLessThanOrEqual(0.4);
  });
});

describe(feePath.name, () => {
  const cases = [[1, 190], [1_000_000, 10], [2500, 1], [0, 2107], [499, 1100], [150, 10], [100, 130], [100, 200], [109, 1000], [20_000, 2000]];

  it('steps about 25 % (or 20 ppm) each, every step worth a gossip update, ending on the target', () => {
    for (const [from, to] of cases) {
      const path = feePath(from, to);
      expect(path[path.length - 1]).toBe(to);
      const factor = feeStepFactor(from, to);
      let c = from;
      for (const [i, step] of path.entries()) {
        expect(worthChanging(c, step)).toBe(true);
        // Rounding to two significant digits adds up to 10 %; a folded remainder (last step) up to the 20 % minimum change.
        const slack = i === path.length - 1 ? 1.1 * 1.2 : 1.1;
        const far = step > c ? Math.max(c * factor, c + MIN_FEE_STEP_PPM) * slack : Math.min(c / factor, c - MIN_FEE_STEP_PPM) / slack;
        if (step > c) expect(step).toBeLessThanOrEqual(Math.ceil(far));
        else expect(step).toBeGreaterThanOrEqual(Math.min(Math.floor(far), to));
        c = step;
      }
    }
  });

  it('keeps PRACTICE’s 10–25 % steps for ordinary moves (Kraken’s 100 → 200 ppm starts at 120, not 200)', () => {
    expect(feeStepFactor(100, 200)).toBe(FEE_STEP_FACTOR);
    expect(feePath(100, 200)).toEqual([120, 150, 200]);
    expect(feePath(5000, 400)[0]).toBe(4000);
  });

  it('takes larger steps only where 25 % steps would need more than MAX_FEE_STEPS changes', () => {
    for (const [from, to] of cases) {
      if (feeStepFactor(from, to) < MAX_FEE_STEP_FACTOR) expect(feePath(from, to).length).toBeLessThanOrEqual(MAX_FEE_STEPS + 1);
    }
    expect(feeStepFactor(2500, 1)).toBeGreaterThan(FEE_STEP_FACTOR);
    // Never more than halving or doubling in one command, however far the target.
    expect(feeStepFactor(1_000_000, 10)).toBe(MAX_FEE_STEP_FACTOR);
    expect(feePath(1_000_000, 10)[0]).toBe(500_000);
  });
});
