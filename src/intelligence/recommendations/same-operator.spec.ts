import { join } from 'node:path';
import type { GraphState } from '../../graph/graph.service';
import { loadGraphSnapshot } from '../../graph/loaders/graph-snapshot.loader';
import { computeNetworkRanks } from '../../graph/stats/node-stats';
import { analyseNode, networkFeeIndex } from './node-analysis';
import { classifyNodeRole } from './node-role.classifier';
import { recommend, resolvedFindings } from './recommendations.engine';
import { aliasWords, sameOperatorChannels, sharedOperatorWord } from './same-operator';

const SNAPSHOT = join(__dirname, '../../../data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz');
const graph = loadGraphSnapshot(SNAPSHOT);
const state: GraphState = { graph, ranks: computeNetworkRanks(graph), loadedAt: new Date(), loadMs: 0, source: 'embedded-graph:2026-02-03', origin: 'embedded' };
networkFeeIndex(state);
const byPubkey = (prefix: string) => analyseNode(state, graph.pubkeys.findIndex((p) => p.startsWith(prefix)));

/** One pass over the snapshot: every node's role, and the analysis of those with same-operator channels. */
const fleet: Array<{ node: ReturnType<typeof analyseNode>; role: ReturnType<typeof classifyNodeRole> }> = [];
let evidenceMismatches = 0;
beforeAll(() => {
  for (let v = 0; v < graph.nodeCount; v++) {
    const node = analyseNode(state, v);
    const role = classifyNodeRole(node);
    if (role.evidence.find((e) => e.name === 'same_operator_channels')?.value !== role.sameOperator!.size) evidenceMismatches++;
    if (role.sameOperator!.size > 0) fleet.push({ node, role });
  }
});

describe('same-operator channels', () => {
  it('reads distinctive alias words: 4+ letters, generic words left out', () => {
    expect(aliasWords('LNBiG [Hub-1]')).toEqual(['lnbig']);
    expect(aliasWords('lndus0.zaphq.io')).toEqual(['lndus', 'zaphq']);
    expect(aliasWords('my-lightning-node btc')).toEqual([]);
    expect(sharedOperatorWord(aliasWords('River Financial 1'), 'River Financial 2')).toBe('river');
    expect(sharedOperatorWord(aliasWords('kevin-leung-lightning-node'), '1ML.com node ALPHA')).toBeNull();
    expect(sharedOperatorWord(aliasWords(null), 'anything')).toBeNull();
  });

  // Every pair the heuristic catches on the snapshot, by the word the two aliases share: each is one
  // operator's fleet (LNBiG hubs and edges, Zap's zaphq nodes, OpenNode.com 1–3, River Financial 1–2, Blink…).
  it('catches, on the embedded snapshot, only pairs that are plausibly one operator', () => {
    const words = new Map<string, number>();
    for (const { node } of fleet) {
      const own = aliasWords(node.alias);
      for (const ch of sameOperatorChannels(node.alias, node.channels)) {
        const w = sharedOperatorWord(own, ch.peerAlias)!;
        words.set(w, (words.get(w) ?? 0) + 1);
      }
    }
    expect([...words.keys()].sort()).toEqual(
      ['atec', 'bihelix', 'blink', 'bowlafterbowl', 'fulcrum', 'hive', 'ibex', 'klnd', 'lnbig', 'lndus', 'lndwr', 'lnsmall', 'nodemcnodyface', 'opennode', 'river', 'sarsen', 'unlimited', 'yalls', 'zaphq', 'zlnd'].sort(),
    );
    // A community prefix shared by many operators ("Corn🌽…") comes with one-sided 0 ppm channels only: not caught.
    expect(words.has('corn')).toBe(false);
  });

  it('LNBiG [Hub-1]: its 12 channels to the other LNBiG nodes (0 ppm both ways) are counted in node_role and get no fee advice', () => {
    const node = byPubkey('034ea80f8b148c75');
    expect(node.alias).toBe('LNBiG [Hub-1]');
    const role = classifyNodeRole(node);
    expect([...role.sameOperator!].every((ch) => ch.peerAlias?.startsWith('LNBiG ['))).toBe(true);
    const set = recommend(node, 'en');
    expect(set.node_role.evidence.find((e) => e.name === 'same_operator_channels')?.value).toBe(12);
    const sameOp = role.sameOperator!;
    const touched = resolvedFindings(node, role)
      .filter((f) => f.rule.startsWith('fee_'))
      .flatMap((f) => [f, ...(f.also ?? [])])
      .flatMap((f) => f.channels ?? (f.channel ? [f.channel] : []));
    expect(touched.length).toBeGreaterThan(0);
    expect(touched.filter((ch) => sameOp.has(ch))).toEqual([]);
  });

  // Before this rule, each was told to raise the fee (fee_free_routing) on its links to its own other nodes.
  it.each([
    ['03037dc08e9ac63b', 'River Financial 1', 2, ['River Financial 2']],
    ['027cd974e4708629', 'lndus0.zaphq.io', 8, ['lndeu0.zaphq.io', 'lndeu1.zaphq.io', 'lndus1.zaphq.io', 'lndwr2.zaphq.io']],
    ['03abf6f44c355dec', 'OpenNode.com 1', 2, ['OpenNode.com 2', 'OpenNode.com 3']],
  ])('%s (%s): %i channels to its own nodes, no fee advice toward them', (prefix, alias, count, peers) => {
    const node = byPubkey(prefix);
    expect(node.alias).toBe(alias);
    const set = recommend(node, 'en');
    expect(set.node_role.evidence.find((e) => e.name === 'same_operator_channels')?.value).toBe(count);
    expect([...new Set([...classifyNodeRole(node).sameOperator!].map((ch) => ch.peerAlias))].sort()).toEqual(peers);
    const ownFleet = new Set(node.channels.filter((ch) => peers.includes(ch.peerAlias ?? '')).map((ch) => ch.peerPubkey));
    expect(set.recommendations.filter((r) => r.rule.startsWith('fee_') && r.target_nodes.some((t) => ownFleet.has(t)))).toEqual([]);
  });

  it('no fee advice on a same-operator channel anywhere on the snapshot, and the count is in every node_role', () => {
    expect(evidenceMismatches).toBe(0);
    for (const { node, role } of fleet) {
      const sameOp = role.sameOperator!;
      for (const f of resolvedFindings(node, role)) {
        if (!f.rule.startsWith('fee_')) continue;
        for (const part of [f, ...(f.also ?? [])]) for (const ch of part.channels ?? (part.channel ? [part.channel] : [])) expect(sameOp.has(ch)).toBe(false);
      }
    }
    expect(fleet.length).toBeGreaterThanOrEqual(30);
  });
});
