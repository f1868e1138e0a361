import { join } from 'node:path';
import { commandProblems } from '../../../test/utils/command-grammar';
import type { GraphState } from '../../graph/graph.service';
import { loadGraphSnapshot } from '../../graph/loaders/graph-snapshot.loader';
import { median } from '../../graph/stats/ranking';
import { computeNetworkRanks } from '../../graph/stats/node-stats';
import { rateDirection } from './finding-resolver';
import { analyseNode, ChannelView, NodeAnalysis, networkFeeIndex } from './node-analysis';
import { classifyNodeRole } from './node-role.classifier';
import type { Finding } from './recommendation.types';
import { recommend, resolvedFindings } from './recommendations.engine';
import { feePath, worthChanging } from './rules/rule-helpers';
import { marketOf, UNDERPRICED_RATIO } from './rules/fees.rules';

/**
 * The advice engine over every node of the embedded 2026 snapshot (17,324 nodes), and the review's findings
 * (issue 21) on the nodes it named. Properties are checked on the findings after per-peer resolution, which is
 * what the recommendations are made of.
 */
const SNAPSHOT = join(__dirname, '../../../data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz');
const graph = loadGraphSnapshot(SNAPSHOT);
const state: GraphState = { graph, ranks: computeNetworkRanks(graph), loadedAt: new Date(), loadMs: 0, source: 'embedded-graph:2026-02-03', origin: 'embedded' };
networkFeeIndex(state);

const ROUTING_RULES = /^(fee_|cltv_|max_htlc)/;
const on = (p: ChannelView['local']) => !!p && !p.disabled;
const channelsOf = (f: Finding) => f.channels ?? (f.channel ? [f.channel] : []);
const parts = (f: Finding) => [f, ...(f.also ?? [])];
const byPubkey = (prefix: string) => {
  const v = graph.pubkeys.findIndex((p) => p.startsWith(prefix));
  if (v < 0) throw new Error(`${prefix} is not in the snapshot`);
  return analyseNode(state, v);
};

/** The node as it would be once every recommended policy reached its final target. */
function applied(node: NodeAnalysis, findings: Finding[]): { node: NodeAnalysis; changed: Set<string> } {
  const next = new Map<ChannelView, ChannelView>();
  for (const f of findings) {
    for (const part of parts(f)) {
      if (!part.policyChange || !part.channel?.local) continue;
      const ch = part.channel;
      const cur = next.get(ch) ?? { ...ch, local: { ...ch.local! } };
      const target = part.policyChange.feeRatePpm !== undefined ? { ...part.policyChange, feeRatePpm: part.suggestedValue as number } : part.policyChange;
      cur.local = { ...cur.local!, ...target };
      next.set(ch, cur);
    }
  }
  const channels = node.channels.map((c) => next.get(c) ?? c);
  const fees = channels.filter((c) => on(c.local)).map((c) => c.local!.feeRatePpm);
  const changed = new Set([...next.values()].map((c) => `${c.peerPubkey}|${channels.indexOf(c)}`));
  return { node: { ...node, channels, summary: { ...node.summary, medianOutboundFeePpm: median(fees.sort((a, b) => a - b)) } }, changed };
}

describe('advice over the whole embedded graph', () => {
  it('holds the issue-21 properties for every one of the 17,324 nodes', () => {
    const problems: string[] = [];
    const say = (v: number, what: string) => problems.length < 20 && problems.push(`${graph.pubkeys[v].slice(0, 16)} ${graph.aliases[v] ?? ''}: ${what}`);
    let fixedPointNodes = 0;
    for (let v = 0; v < graph.nodeCount; v++) {
      const node = analyseNode(state, v);
      const role = classifyNodeRole(node);
      const findings = resolvedFindings(node, role);
      const policyPeers = new Map<string, number>();
      const closed = new Set<ChannelView>();
      const repriced = new Set<ChannelView>();
      for (const f of findings) {
        if (!role.canRoute && ROUTING_RULES.test(f.rule)) say(v, `routing advice ${f.rule} for a node that cannot route`);
        if (f.policyChange) {
          const peer = f.channel!.peerPubkey;
          policyPeers.set(peer, (policyPeers.get(peer) ?? 0) + 1);
          const dirs = new Set(parts(f).map(rateDirection).filter((d) => d !== 0));
          if (dirs.size > 1) say(v, `raise and lower on peer ${peer.slice(0, 10)}`);
          for (const p of parts(f)) repriced.add(p.channel!);
          for (const p of parts(f)) {
            if (p.policyChange?.feeRatePpm === undefined) continue;
            const cur = p.currentValue as number;
            const path = feePath(cur, p.suggestedValue as number);
            if (!worthChanging(cur, p.suggestedValue as number) || path[0] !== p.policyChange.feeRatePpm) say(v, `${p.rule} ${cur} → ${p.suggestedValue} (first ${p.policyChange.feeRatePpm})`);
            path.reduce((c, step) => (worthChanging(c, step) ? step : (say(v, `step ${c} → ${step} under the minimum`), step)), cur);
            const m = marketOf(p.channel!);
            if (m && (p.suggestedValue as number) < UNDERPRICED_RATIO * m.median) say(v, `${p.rule} target ${p.suggestedValue} still under a quarter of the market median ${m.median}`);
          }
        }
        if (/closechannel/.test(f.commands?.lnd ?? '')) {
          for (const ch of channelsOf(f)) closed.add(ch);
          const dead = channelsOf(f).some((c) => !on(c.local) && !on(c.remote));
          if (dead && !f.commands!.lnd!.split(' && ').every((l) => l.includes('--force'))) say(v, `${f.rule}: cooperative close for a channel with no enabled direction`);
        }
      }
      for (const [peer, n] of policyPeers) if (n > 1) say(v, `${n} policy recommendations for peer ${peer.slice(0, 10)}`);
      for (const ch of repriced) if (closed.has(ch)) say(v, `channel to ${ch.peerPubkey.slice(0, 10)} both closed and re-priced`);

      if (policyPeers.size > 0) {
        fixedPointNodes++;
        const after = applied(node, findings);
        for (const f of resolvedFindings(after.node, role)) {
          for (const p of parts(f)) {
            if (!p.rule.startsWith('fee_') || !p.channel) continue;
            if (after.changed.has(`${p.channel.peerPubkey}|${after.node.channels.indexOf(p.channel)}`)) say(v, `fixed point: ${p.rule} again on ${p.channel.peerPubkey.slice(0, 10)} (${p.currentValue} → ${p.suggestedValue})`);
          }
        }
      }

      if (node.summary.ownDisabledChannels > 0) {
        const covered = recommend(node, 'en').recommendations.filter((r) => r.rule === 'channel_disabled').reduce((s, r) => s + r.channels_affected, 0);
        if (covered !== node.summary.ownDisabledChannels) say(v, `${covered} of ${node.summary.ownDisabledChannels} channels with the own direction disabled covered`);
      }
    }
    expect(problems).toEqual([]);
    expect(fixedPointNodes).toBeGreaterThan(1000);
  });
});

describe('the review of issue 21, on the nodes it named', () => {
  it('finding 1: c-otto.de’s large channels are not pulled to its own 1 ppm habit against their market', () => {
    const node = byPubkey('027ce055');
    const findings = resolvedFindings(node).flatMap(parts);
    for (const f of findings.filter((x) => x.rule === 'fee_own_outlier')) expect(marketOf(f.channel!)).toBeNull();
    for (const alias of ['okx', 'bfx-lnd0', 'LOOP', 'Binance', 'ACINQ']) {
      for (const f of findings.filter((x) => x.channel?.peerAlias === alias && x.policyChange?.feeRatePpm !== undefined)) {
        expect(f.suggestedValue as number).toBeGreaterThanOrEqual(UNDERPRICED_RATIO * marketOf(f.channel!)!.median);
      }
    }
  });

  it('finding 1: machankura-z, a sink, is never told to copy an 11,000 ppm habit, and its cuts are questions', () => {
    const node = byPubkey('03202791');
    expect(classifyNodeRole(node).role).toBe('merchant_sink');
    const fees = resolvedFindings(node).flatMap(parts).filter((f) => f.rule.startsWith('fee_'));
    expect(fees.length).toBeGreaterThan(0);
    for (const f of fees) {
      expect(f.suggestedValue as number).toBeLessThan(10_000);
      expect(f.priority).toBe('low');
    }
  });

  it('finding 2: 031015a7…’s 87 channels with its own direction disabled are counted and all advised', () => {
    const node = byPubkey('031015a7');
    expect(node.summary).toMatchObject({ ownDisabledChannels: 87, ownDisabledCapacitySat: 1_843_513_447 });
    expect(node.summary.outboundUsableChannels).toBeLessThan(node.summary.activeChannels);
    const recs = recommend(node, 'en').recommendations.filter((r) => r.rule === 'channel_disabled');
    expect(recs.reduce((s, r) => s + r.channels_affected, 0)).toBe(87);
    for (const r of recs) for (const line of r.commands!.lnd!.split(' && ')) expect(line).toMatch(/^lncli updatechanstatus --chan_point \S+ --action enable$/);
    for (const pk of ['02f1a8c8', '035e4ff4']) expect(byPubkey(pk).summary.ownDisabledChannels).toBe(33); // Kraken, WalletOfSatoshi
  });

  it('finding 3: handiness, four channels to one peer, cannot route: no fee advice, concentration flagged, peers counted', () => {
    const node = byPubkey('03464672');
    const { recommendations, node_role } = recommend(node, 'en');
    expect(node_role).toMatchObject({ role: 'cannot_route', can_route: false });
    expect(recommendations.filter((r) => ROUTING_RULES.test(r.rule))).toEqual([]);
    expect(recommendations.find((r) => r.rule === 'concentration')).toMatchObject({ priority: 'high', current_value: 1 });
    expect(recommendations.find((r) => r.rule === 'few_channels')).toMatchObject({ current_value: 1 });
  });

  it('finding 4: no channel of machankura-z is both closed and re-priced', () => {
    const findings = resolvedFindings(byPubkey('03202791'));
    const closed = new Set(findings.filter((f) => /close/.test(f.commands?.lnd ?? '')).flatMap(channelsOf));
    expect(findings.filter((f) => f.policyChange).flatMap((f) => parts(f).map((p) => p.channel!)).filter((c) => closed.has(c))).toEqual([]);
  });

  it('finding 5: a 1,000,000 ppm fee is questioned and lowered in bounded steps, never in one jump', () => {
    const f = resolvedFindings(byPubkey('03a503d8'))
      .flatMap(parts)
      .find((x) => x.currentValue === 1_000_000 && x.policyChange?.feeRatePpm !== undefined);
    expect(f).toBeDefined();
    expect(f!).toMatchObject({ message: 'fee_overpriced_stance', priority: 'low' });
    expect(f!.policyChange!.feeRatePpm).toBeGreaterThanOrEqual(500_000);
    expect(Number(f!.params.steps)).toBeGreaterThan(5);
  });

  it('finding 6: ostinvestor’s 15,000 sat max_htlc on a 50 M sat channel is questioned, with no number a tool could refuse', () => {
    const recs = recommend(byPubkey('039cc5f5'), 'en').recommendations.filter((r) => r.rule === 'max_htlc_small');
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) {
      expect(r.suggested_value).toBeNull();
      expect(r.commands!.lnd).toContain('--max_htlc_msat <MAX_HTLC_MSAT>');
      expect(r.commands!.placeholders.map((p) => p.how_to_find).join(' ')).toContain('max_pending_amt_msat');
    }
  });

  it('finding 8: WalletOfSatoshi’s 279 zombie channels are all listed, force-closed by commands that parse', () => {
    const zombie = recommend(byPubkey('035e4ff4'), 'en').recommendations.find((r) => r.rule === 'zombie_channels')!;
    expect(zombie.channels_affected).toBe(279);
    expect(zombie.covered_channels).toHaveLength(279);
    for (const line of [...zombie.commands!.lnd!.split(' && '), ...zombie.commands!.cln!.split(' && ')]) {
      expect(line).toMatch(/^(lncli closechannel --force --chan_point <CHANNEL_POINT_\d+>|lightning-cli close <SHORT_CHANNEL_ID_\d+> 1)$/);
    }
    expect(commandProblems(zombie.commands!.lnd!)).toEqual([]);
    expect(zombie.evidence.map((e) => e.name)).toEqual(expect.arrayContaining(['on_chain_size_of_force_closes', 'lock_time_after_force_close']));
  });

  it('finding 9: Kraken’s parallel channels give one recommendation per peer, and a peer-wide setchannel only when every channel gets the same fees', () => {
    const node = byPubkey('02f1a8c8');
    const { recommendations } = recommend(node, 'en');
    const perPeer = new Map<string, number>();
    for (const r of recommendations.filter((x) => x.type === 'fee_adjustment')) perPeer.set(r.target_nodes[0], (perPeer.get(r.target_nodes[0]) ?? 0) + 1);
    expect([...perPeer.values()].every((n) => n === 1)).toBe(true);
    const parallel = new Map<string, number>();
    for (const ch of node.channels) parallel.set(ch.peerPubkey, (parallel.get(ch.peerPubkey) ?? 0) + 1);
    for (const r of recommendations.filter((x) => x.commands?.cln?.startsWith('lightning-cli setchannel 0'))) {
      const peer = r.target_nodes[0];
      expect(r.commands!.cln).toBe(r.commands!.cln!.split(' && ')[0]);
      expect(r.channels_affected).toBe(parallel.get(peer));
    }
    for (const r of recommendations) for (const line of [r.commands?.lnd, r.commands?.cln]) if (line) expect(commandProblems(line)).toEqual([]);
  });
});
