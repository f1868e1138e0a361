import { commandProblems } from '../../../../test/utils/command-grammar';
import { channel, node, policy } from './test-node.fixture';
import { connectivityRules, MIN_ACTIVE_CHANNELS } from './connectivity.rules';
import { costRules, liquidityRules } from './liquidity.rules';
import { MAX_REASONABLE_CLTV_DELTA, MIN_SAFE_CLTV_DELTA, MIN_USEFUL_CHANNEL_SAT, reliabilityRules } from './reliability.rules';

const rules = (chans: ReturnType<typeof channel>[]) => reliabilityRules(node({ channels: chans })).map((f) => f.rule);
const eight = (first: Parameters<typeof channel>[1]) => [channel(1, first), ...Array.from({ length: 7 }, (_, i) => channel(i + 2))];

describe('reliability and hygiene rules', () => {
  it(`CLTV delta: below ${MIN_SAFE_CLTV_DELTA} is a security finding, above ${MAX_REASONABLE_CLTV_DELTA} a low one`, () => {
    expect(rules(eight({ local: policy({ cltvDelta: MIN_SAFE_CLTV_DELTA - 1 }) }))).toContain('cltv_low');
    expect(rules(eight({ local: policy({ cltvDelta: MIN_SAFE_CLTV_DELTA }) }))).not.toContain('cltv_low');
    expect(rules(eight({ local: policy({ cltvDelta: MAX_REASONABLE_CLTV_DELTA }) }))).not.toContain('cltv_high');
    expect(rules(eight({ local: policy({ cltvDelta: MAX_REASONABLE_CLTV_DELTA + 1 }) }))).toContain('cltv_high');
  });

  it('max_htlc too small to route, unless the node manages max_htlc dynamically', () => {
    expect(rules(eight({ local: policy({ maxHtlcMsat: 50_000_000 }) }))).toContain('max_htlc_small');
    expect(rules(eight({ local: policy({ maxHtlcMsat: 100_000_000 }) }))).not.toContain('max_htlc_small');
    const dynamic = Array.from({ length: 10 }, (_, i) => channel(i + 1, { local: policy({ maxHtlcMsat: (i + 1) * 50_000_000 }) }));
    expect(rules(dynamic)).not.toContain('max_htlc_small');
  });

  it(`channels under ${MIN_USEFUL_CHANNEL_SAT} sat are flagged as small`, () => {
    expect(rules(eight({ capacitySat: MIN_USEFUL_CHANNEL_SAT - 1 }))).toContain('small_channel');
    expect(rules(eight({ capacitySat: MIN_USEFUL_CHANNEL_SAT }))).not.toContain('small_channel');
  });

  it('a very small node’s usual channel, as large as the opens advised to it, is not called small', () => {
    const channels = [channel(1, { capacitySat: 20_000 }), channel(2, { capacitySat: 17_000 })];
    const tiny = node({ channels, summary: { ...node({ channels }).summary, totalCapacitySat: 37_000, medianChannelSat: 18_500 } });
    const small = reliabilityRules(tiny).filter((f) => f.rule === 'small_channel');
    expect(small.map((f) => f.channel!.capacitySat)).toEqual([17_000]);
  });

  it('a disabled local direction with an enabled peer gives an enable command', () => {
    const f = reliabilityRules(node({ channels: eight({ local: policy({ disabled: true }) }) })).find((x) => x.rule === 'channel_disabled')!;
    expect(f.commands!.lnd).toBe('lncli updatechanstatus --chan_point <CHANNEL_POINT> --action enable');
    expect(f.commands!.placeholders[0].token).toBe('<CHANNEL_POINT>');
    expect(commandProblems(f.commands!.lnd!)).toEqual([]);
  });

  it('groups zombie channels into one finding with the locked capacity', () => {
    const chans = [...eight({}), channel(20, { usable: false, local: null, remote: null, capacitySat: 5_000_000 }), channel(21, { usable: false, local: null, remote: null })];
    const f = reliabilityRules(node({ channels: chans })).filter((x) => x.rule === 'zombie_channels');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ channelsAffected: 2, amountSuggestion: 6_000_000 });
  });

  it('capacity concentration above half on one peer', () => {
    const chans = [channel(1, { capacitySat: 5_000_001 }), channel(2, { capacitySat: 2_500_000 }), channel(3, { capacitySat: 2_500_000 })];
    expect(rules(chans)).toContain('concentration');
    expect(rules([channel(1, { capacitySat: 5_000_000 }), channel(2, { capacitySat: 2_500_000 }), channel(3, { capacitySat: 2_500_000 })])).not.toContain('concentration');
  });
});

describe('connectivity rules', () => {
  const few = (n: number) => node({ channels: Array.from({ length: n }, (_, i) => channel(i + 2)) });
  it(`too few channels below ${MIN_ACTIVE_CHANNELS}, high priority below 3`, () => {
    expect(connectivityRules(few(MIN_ACTIVE_CHANNELS)).map((f) => f.rule)).not.toContain('few_channels');
    const four = connectivityRules(few(MIN_ACTIVE_CHANNELS - 1)).find((f) => f.rule === 'few_channels')!;
    expect(four.priority).toBe('medium');
    expect(connectivityRules(few(2)).find((f) => f.rule === 'few_channels')!.priority).toBe('high');
    expect(four.targetNodes[0]).toBe(node().network.hubs[0].pubkey);
    expect(commandProblems(four.commands!.lnd!)).toEqual([]);
    expect(commandProblems(four.commands!.cln!)).toEqual([]);
  });
  it('prefers simulated candidates when present', () => {
    const vetting = { passed: true, reasons: [], concerns: [], announcedChannels: 40, zombieShare: 0, inboundFeeMedianPpm: 500, inboundFeeAtMost1PpmShare: 0, inboundFeeSampleSize: 40, sharedPeers: 0, sharedPeerShare: 0 };
    const sized = { idealCapacitySat: 3_000_000, minimumViableCapacitySat: 1_000_000, suggestedCapacitySat: 2_000_000, suggestedCapacityRule: 'sized to the node' };
    const cand = { pubkey: '02' + 'cd'.repeat(32), alias: 'cand', gainInBetweennessRank: 40, gainInClosenessRank: 10, gainInEigenvectorRank: 5, ...sized, vetting };
    const rejected = { ...cand, pubkey: '02' + 'ce'.repeat(32), gainInBetweennessRank: 90, vetting: { ...vetting, passed: false, reasons: ['62 % zombies'] } };
    const f = connectivityRules({ ...few(2), candidates: [cand, rejected] });
    expect(f.find((x) => x.rule === 'few_channels')!.targetNodes[0]).toBe(cand.pubkey);
    // The open is the pool's size for this node (sized to its capital), never the candidate's habit; a rejected candidate is never advised.
    expect(f.find((x) => x.rule === 'channel_candidate')!.amountSuggestion).toBe(2_000_000);
    expect(f.filter((x) => x.rule === 'channel_candidate').map((x) => x.targetNodes[0])).toEqual([cand.pubkey]);
  });
  it('no hub among peers fires; a channel to a hub silences it; a hub itself never gets it', () => {
    const noHubPeers = node({ channels: Array.from({ length: 6 }, (_, i) => channel(i + 10)) });
    expect(connectivityRules(noHubPeers).map((f) => f.rule)).toContain('no_hub');
    expect(connectivityRules(node()).map((f) => f.rule)).not.toContain('no_hub'); // peers include PEER(1), a hub
    const hub = { ...noHubPeers, pubkey: noHubPeers.network.hubs[1].pubkey };
    expect(connectivityRules(hub).map((f) => f.rule)).not.toContain('no_hub');
  });
  it('a node whose channels are all unusable is critical', () => {
    const dead = node({ channels: [channel(1, { usable: false }), channel(2, { usable: false })] });
    expect(connectivityRules(dead).find((f) => f.rule === 'not_routable')?.priority).toBe('critical');
  });
});

describe('liquidity and cost rules (live balances)', () => {
  const withBalance = (local: number) => node({ channels: [channel(1, { balance: { localSat: local, remoteSat: 1_000_000 - local, active: true } }), channel(2)] });
  it('depleted under 10 %, saturated over 90 %', () => {
    expect(liquidityRules(withBalance(99_999)).map((f) => f.rule)).toEqual(['liquidity_depleted']);
    expect(liquidityRules(withBalance(100_000))).toEqual([]);
    expect(liquidityRules(withBalance(900_000))).toEqual([]);
    const sat = liquidityRules(withBalance(950_000))[0];
    expect(sat.rule).toBe('liquidity_saturated');
    expect(sat.amountSuggestion).toBe(450_000);
    expect(commandProblems(sat.commands!.lnd!)).toEqual([]);
    expect(sat.commands!.lnd).toMatch(/^loop out --amt 450000 --channel \d+$/);
  });
  it('a depleted channel gets an inbound-fee discount no larger than the lowest outbound fee (no negative total)', () => {
    const n = node({ channels: [channel(1, { balance: { localSat: 50_000, remoteSat: 950_000, active: true } }), channel(2, { local: policy({ feeRatePpm: 60 }) }), channel(3)] });
    const f = liquidityRules(n)[0];
    expect(f.commands!.lnd).toContain('--inbound_base_fee_msat 0 --inbound_fee_rate_ppm -30 --chan_point');
    expect(f.commands!.lnd).toContain('--fee_rate_ppm 100'); // the outbound fee stays as it is
    expect(commandProblems(f.commands!.lnd!)).toEqual([]);
    expect(f.commands!.cln).toBeNull();
    expect(f.commands!.revert!.lnd).toContain('--inbound_fee_rate_ppm 0');
    // With a 15 ppm channel the discount would be 7 ppm, under the minimum change: no command.
    const cheap = node({ channels: [channel(1, { balance: { localSat: 50_000, remoteSat: 950_000, active: true } }), channel(2, { local: policy({ feeRatePpm: 15 }) })] });
    expect(liquidityRules(cheap)[0].commands).toBeNull();
  });
  it('a discount already set on the channel (LND /v1/fees) is not advised again; a shallower one is deepened, repeating the current policy', () => {
    const depleted = (inbound: number) =>
      node({ channels: [channel(1, { local: policy({ baseFeeMsat: 500, feeRatePpm: 240, cltvDelta: 144, inboundFeeRatePpm: inbound, inboundBaseFeeMsat: 0, source: 'lnd' }), balance: { localSat: 50_000, remoteSat: 950_000, active: true } }), channel(2, { local: policy({ feeRatePpm: 60 }) })] });
    // Half the lowest outbound fee (60 ppm): a 30 ppm discount.
    const set = liquidityRules(depleted(-30))[0];
    expect(set.commands).toBeNull();
    expect(set.params).toMatchObject({ discount: 0, existingDiscount: 30 });
    expect(set.evidence.find((e) => e.name === 'current_inbound_fee_rate')).toMatchObject({ value: -30, source: 'lnd' });
    expect(liquidityRules(depleted(-50))[0].commands).toBeNull();
    expect(liquidityRules(depleted(-25))[0].commands).toBeNull(); // 25 → 30 is under the minimum change
    const deeper = liquidityRules(depleted(-10))[0];
    // updatechanpolicy resets what it is not given: the current base fee, rate and time_lock_delta are repeated.
    expect(deeper.commands!.lnd).toContain('--base_fee_msat 500 --fee_rate_ppm 240 --time_lock_delta 144 --inbound_base_fee_msat 0 --inbound_fee_rate_ppm -30 --chan_point');
    expect(deeper.commands!.revert!.lnd).toContain('--inbound_fee_rate_ppm -10');
    expect(commandProblems(deeper.commands!.lnd!)).toEqual([]);
  });
  it('says nothing without balances', () => {
    expect(liquidityRules(node())).toEqual([]);
    expect(costRules(node())).toEqual([]);
  });
  it('idle channels only with a forwarding window', () => {
    const n = node({ forwardingWindowDays: 30, channels: [channel(1, { forwardedFeesMsat: 0, balance: { localSat: 900_000, remoteSat: 100_000, active: true } })] });
    expect(costRules(n).map((f) => f.rule)).toEqual(['idle_channel']);
  });
});
