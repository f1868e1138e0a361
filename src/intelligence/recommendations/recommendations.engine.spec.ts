import { commandProblems } from '../../../test/utils/command-grammar';
import { negotiateLanguage } from './i18n/messages';
import { MAX_FINDINGS_PER_RULE, recommend } from './recommendations.engine';
import { channel, node, policy } from './rules/test-node.fixture';

const busy = () =>
  node({
    channels: [
      ...Array.from({ length: 14 }, (_, i) => channel(i + 1, { local: policy({ cltvDelta: 20 }) })),
      channel(30, { local: policy({ feeRatePpm: 0, baseFeeMsat: 0 }), capacitySat: 5_000_000 }),
    ],
  });

describe('recommendation engine', () => {
  it('is deterministic: same input, same ids, same order; ids do not depend on the language', () => {
    const a = recommend(busy(), 'fr').recommendations;
    const b = recommend(busy(), 'fr').recommendations;
    const en = recommend(busy(), 'en').recommendations;
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
    expect(en.map((r) => r.id)).toEqual(a.map((r) => r.id));
    expect(new Set(a.map((r) => r.id)).size).toBe(a.length);
    expect(a[0].action).not.toEqual(en[0].action);
  });

  it('sorts by priority then impact and caps each rule', () => {
    const { recommendations, omitted } = recommend(busy(), 'en');
    const order = ['critical', 'high', 'medium', 'low'];
    const ranks = recommendations.map((r) => order.indexOf(r.priority));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(recommendations.filter((r) => r.rule === 'cltv_low')).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(omitted).toEqual({ cltv_low: 15 - 1 - MAX_FINDINGS_PER_RULE });
  });

  it('fills the original fields and ours, with well-formed commands', () => {
    for (const r of recommend(busy(), 'fr').recommendations) {
      expect(r).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{16}$/), rule: expect.any(String), action: expect.any(String), reason: expect.any(String), estimated_impact: expect.any(String) });
      for (const line of [r.commands?.lnd, r.commands?.cln, r.commands?.revert?.lnd, r.commands?.revert?.cln]) {
        if (line) expect(commandProblems(line)).toEqual([]);
      }
    }
  });

  it('treats an alias as data: it never reaches a command', () => {
    const evil = node({ channels: [channel(1, { peerAlias: '"; rm -rf / #', local: policy({ feeRatePpm: 0, baseFeeMsat: 0 }) }), channel(2), channel(3)] });
    const r = recommend(evil, 'en').recommendations.find((x) => x.rule === 'fee_free_routing')!;
    expect(r.action).toContain('rm -rf');
    expect(JSON.stringify(r.commands)).not.toContain('rm -rf');
  });

  it('gives a channel one decision: a small channel with the own side disabled is "re-enable, or close it", never also a separate close; a channel it closes is not also rebalanced', () => {
    // Blocktank's 50,000 sat channel to CLN-15 was told both "re-enable your side" and "consider closing".
    const disabledSmall = channel(1, { capacitySat: 50_000, local: policy({ disabled: true }) });
    const recs = recommend(node({ channels: [disabledSmall, ...Array.from({ length: 7 }, (_, i) => channel(i + 2))] }), 'en').recommendations;
    const onIt = recs.filter((r) => r.target_nodes.includes(disabledSmall.peerPubkey));
    expect(onIt.map((r) => r.rule)).toEqual(['channel_disabled']);
    expect(onIt[0].action).toMatch(/or close it if it stays disabled/);
    // The same small channel with its side enabled keeps its close, and a depleted balance adds no rebalance to it.
    const small = channel(1, { capacitySat: 50_000, balance: { localSat: 1_000, remoteSat: 49_000, active: true } });
    const live = recommend(node({ channels: [small, ...Array.from({ length: 7 }, (_, i) => channel(i + 2))], ownNodeSource: 'lnd' }), 'en').recommendations;
    expect(live.filter((r) => r.target_nodes.includes(small.peerPubkey)).map((r) => r.rule)).toEqual(['small_channel']);
  });

  it('negotiates the language from Accept-Language', () => {
    expect(negotiateLanguage('en-US,en;q=0.9,fr;q=0.8', 'fr')).toBe('en');
    expect(negotiateLanguage('de-DE, fr;q=0.5', 'en')).toBe('fr');
    expect(negotiateLanguage('de', 'fr')).toBe('fr');
    expect(negotiateLanguage(undefined, 'en')).toBe('en');
  });
});

describe('the command grammar used by these tests', () => {
  it('rejects what real CLIs would reject', () => {
    expect(commandProblems('lncli updatechanpolicy --base_fee_msat 1000 --fee_rate 0.001 --time_lock_delta 40')).toContain('--fee_rate is a fraction; templates use --fee_rate_ppm');
    expect(commandProblems('lncli updatechanpolicy --fee_rate_ppm 10 --time_lock_delta 40 --chan_point x:1')).toContain('lncli updatechanpolicy: missing --base_fee_msat');
    expect(commandProblems('lncli loop out --amt 1')).toContain('lncli: unknown subcommand loop');
    expect(commandProblems('lightning-cli setchannel')).toEqual(['lightning-cli setchannel: 0 arguments']);
    expect(commandProblems('lncli openchannel --node_key 02ab --local_amt')).toContain('flag --local_amt has no value');
  });
});
