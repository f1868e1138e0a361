import type { CandidatePeer } from '../node-analysis';
import type { NodeRoleAssessment } from '../node-role.classifier';
import { LANGUAGES, render } from '../i18n/messages';
import { recommend } from '../recommendations.engine';
import { connectivityRules } from './connectivity.rules';
import { channel, node, PEER } from './test-node.fixture';

const HUB = PEER(900);

function candidate(pubkey: string, suggestedCapacitySat: number, passed = true): CandidatePeer {
  return {
    pubkey,
    alias: `cand-${pubkey.slice(-4)}`,
    gainInBetweennessRank: 10,
    gainInClosenessRank: 5,
    gainInEigenvectorRank: 1,
    idealCapacitySat: suggestedCapacitySat,
    minimumViableCapacitySat: suggestedCapacitySat,
    suggestedCapacitySat,
    suggestedCapacityRule: 'test',
    vetting: {
      passed,
      reasons: passed ? [] : ['mostly zombies'],
      concerns: [],
      announcedChannels: 100,
      zombieShare: passed ? 0 : 0.8,
      inboundFeeMedianPpm: 300,
      inboundFeeAtMost1PpmShare: 0,
      inboundFeeSampleSize: 20,
      sharedPeers: 0,
      sharedPeerShare: 0,
    },
  };
}

/** Three peers (too few) and no hub among them: few_channels and no_hub both fire, both toward the hub. */
const small = (candidates: CandidatePeer[]) =>
  node({
    channels: [channel(2), channel(3), channel(4)],
    candidates,
    network: { ...node().network, hubs: [{ pubkey: HUB, alias: 'hub', degree: 1500 }, { pubkey: PEER(901), alias: 'hub-2', degree: 1400 }] },
  });

describe('connectivityRules', () => {
  it('proposes one amount for an open to a given peer, whichever rule proposes it (the pool’s size)', () => {
    const findings = connectivityRules(small([candidate(HUB, 700_000)]));
    const opens = findings.filter((f) => /openchannel/.test(f.commands?.lnd ?? ''));
    expect(opens.map((f) => f.rule).sort()).toEqual(['channel_candidate', 'few_channels', 'no_hub']);
    for (const f of opens) expect(f.commands!.lnd).toContain(`--node_key ${HUB}`);
    expect(new Set(opens.map((f) => f.amountSuggestion))).toEqual(new Set([700_000]));
    expect(new Set(opens.map((f) => /--local_amt (\d+)/.exec(f.commands!.lnd!)![1]))).toEqual(new Set(['700000']));
  });

  it('the rules that open to one peer make one recommendation: the diagnosis first, the simulation’s reason and evidence with it', () => {
    const recs = recommend(small([candidate(HUB, 700_000)]), 'en').recommendations;
    const opens = recs.filter((r) => /openchannel/.test(r.commands?.lnd ?? ''));
    expect(opens).toHaveLength(1);
    const [open] = opens;
    expect(open.rule).toBe('few_channels');
    expect(open.commands!.lnd).toContain(`--node_key ${HUB}`);
    expect(open.action).toMatch(/^Open a 700,000 sat channel to /);
    expect(open.action).not.toContain(';');
    // no_hub's and the candidate simulation's reasons ride along, with the simulation's evidence.
    expect(open.reason).toMatch(/best-connected nodes/);
    expect(open.reason).toMatch(/Simulating it on the graph gains/);
    expect(open.estimated_impact).toMatch(/Betweenness rank \+/);
    expect(open.evidence.map((e) => e.name)).toEqual(expect.arrayContaining(['peers_enabled_both_ways', 'gain_in_betweenness_rank', 'suggested_capacity']));
  });

  it('few_channels asks for the one open its command makes, naming the peer the command opens to', () => {
    const f = connectivityRules(small([candidate(HUB, 700_000)])).find((x) => x.rule === 'few_channels')!;
    expect(f.params.missing).toBeGreaterThan(1);
    for (const lang of LANGUAGES) {
      const { action } = render('few_channels', lang, f.params);
      expect(action).toContain(String(f.params.target));
      expect(action).not.toMatch(/\(s\)|\(aux\)/);
    }
    expect(f.commands!.lnd).toContain(`--node_key ${HUB}`);
    expect(render('few_channels', 'en', f.params).action).toMatch(/^Open a 700,000 sat channel to “.+”, the first of the \d+ new peers/);
  });

  it('a sink gets candidates for reach (closeness), not for betweenness its fees would never earn from', () => {
    const a = { ...candidate(PEER(701), 500_000), gainInBetweennessRank: 300, gainInClosenessRank: 1 };
    const b = { ...candidate(PEER(702), 500_000), gainInBetweennessRank: 10, gainInClosenessRank: 40 };
    const c = { ...candidate(PEER(703), 500_000), gainInBetweennessRank: 50, gainInClosenessRank: 0 };
    const n = node({ channels: Array.from({ length: 8 }, (_, i) => channel(i + 2)), candidates: [a, b, c] });
    const sink: NodeRoleAssessment = { role: 'merchant_sink', canRoute: true, evidence: [] };
    const forSink = connectivityRules(n, sink).filter((f) => f.rule === 'channel_candidate');
    expect(forSink.map((f) => f.targetNodes[0])).toEqual([PEER(702), PEER(701)]);
    expect(forSink.every((f) => f.priority === 'low' && f.message === 'channel_candidate_merchant')).toBe(true);
    const pricedOut = { ...sink, evidence: [{ name: 'own_policies_at_or_above_10000_ppm', value: 80, unit: '%' }] };
    expect(connectivityRules(n, pricedOut).filter((f) => f.rule === 'channel_candidate').every((f) => f.message === 'channel_candidate_sink')).toBe(true);
    const router = connectivityRules(n, { ...sink, role: 'router' }).filter((f) => f.rule === 'channel_candidate');
    expect(router.map((f) => f.targetNodes[0])).toEqual([PEER(701), PEER(702), PEER(703)]);
    expect(router[0].priority).toBe('medium');
  });

  it('never advises a hub that the shared pool vetted out', () => {
    const findings = connectivityRules(small([candidate(HUB, 700_000, false)]));
    const targets = findings.filter((f) => /openchannel/.test(f.commands?.lnd ?? '')).map((f) => /--node_key (\w+)/.exec(f.commands!.lnd!)![1]);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets).not.toContain(HUB);
  });

  it('says one offline peer cuts the node off only when it has one peer', () => {
    const reason = (n: number, lang: 'en' | 'fr') => recommend(node({ channels: Array.from({ length: n }, (_, i) => channel(i + 2)) }), lang).recommendations.find((r) => r.rule === 'few_channels')!.reason;
    expect(reason(1, 'en')).toMatch(/one peer going offline is enough to cut the node off/);
    expect(reason(4, 'en')).not.toMatch(/one peer going offline/);
    expect(reason(4, 'en')).toMatch(/Only 4 distinct peers .* depends on these 4 peers/);
    expect(reason(4, 'fr')).not.toMatch(/un seul pair hors ligne/);
  });
});
