import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphState } from '../../graph/graph.service';
import { loadGraphSnapshot } from '../../graph/loaders/graph-snapshot.loader';
import { computeNetworkRanks } from '../../graph/stats/node-stats';
import { analyseNode, effectiveFeeRate } from './node-analysis';
import { recommend } from './recommendations.engine';

/**
 * Where the graph carries inbound fees (LND 0.18+ describegraph), the market comparison is on what a payment
 * really pays to cross into the peer: outbound fee + the peer's inbound fee on that channel, floored at 0, for
 * the node and for every competitor alike.
 */
const pk = (c: string) => '02' + c.repeat(64);
const U = pk('1');
const V = pk('2');
const X = pk('3');
const Y = pk('4');
const W = (i: number) => '03' + i.toString(16).padStart(2, '0').repeat(32);
const dir = mkdtempSync(join(tmpdir(), 'effective-price-'));

type Inbound = { inbound_fee_base_msat: number; inbound_fee_rate_milli_msat: number } | Record<string, never>;
const policy = (ppm: number, inbound: Inbound = {}) => ({ time_lock_delta: 80, min_htlc: '1000', fee_base_msat: '1000', fee_rate_milli_msat: String(ppm), disabled: false, max_htlc_msat: '4950000000', last_update: 1770076800, ...inbound });
const inb = (ppm: number): Inbound => ({ inbound_fee_base_msat: 0, inbound_fee_rate_milli_msat: ppm });

let seq = 0;
function edge(a: string, b: string, pa: object, pb: object) {
  seq++;
  return { channel_id: String(869539374297137153n + BigInt(seq) * 16777216n), chan_point: `${'ab'.repeat(32)}:${seq}`, node1_pub: a, node2_pub: b, capacity: '5000000', node1_policy: pa, node2_policy: pb };
}

/**
 * U charges `ownPpm` into V, V's inbound fee on (U,V) is `ownPeerInbound`; eight competitors charge 100..170 ppm
 * into V, where V's inbound fee on each is `competitorInbound`. U also routes to X and Y. `withInbound` false:
 * no policy carries the inbound fields at all (the embedded snapshot's case).
 */
function stateFor(ownPpm: number, ownPeerInbound: number, competitorInbound: number, withInbound = true): GraphState {
  seq = 0;
  const i = (ppm: number) => (withInbound ? inb(ppm) : {});
  const nodes = [U, V, X, Y, ...Array.from({ length: 8 }, (_, k) => W(k + 1))].map((p, k) => ({ pub_key: p, alias: `node-${k}`, color: '#000000', features: {} }));
  const edges = [
    edge(U, V, policy(ownPpm, i(0)), policy(100, i(ownPeerInbound))),
    edge(U, X, policy(100, i(0)), policy(100, i(0))),
    edge(U, Y, policy(100, i(0)), policy(100, i(0))),
    ...Array.from({ length: 8 }, (_, k) => edge(W(k + 1), V, policy(100 + 10 * k, i(0)), policy(100, i(competitorInbound)))),
  ];
  const file = join(dir, `describegraph-${ownPpm}-${ownPeerInbound}-${competitorInbound}-${withInbound}.json`);
  writeFileSync(file, JSON.stringify({ nodes, edges }));
  const graph = loadGraphSnapshot(file);
  return { graph, ranks: computeNetworkRanks(graph), loadedAt: new Date(), loadMs: 0, source: 'lnd-describegraph:test', origin: 'file' };
}

function feeAdvice(state: GraphState) {
  const analysis = analyseNode(state, state.graph.indexOf(U));
  return recommend(analysis, 'en').recommendations.filter((r) => (r.rule === 'fee_underpriced' || r.rule === 'fee_overpriced') && r.target_nodes.includes(V));
}
const ev = (r: { evidence: Array<{ name: string; value: unknown }> }, name: string) => r.evidence.find((e) => e.name === name)?.value;

describe('effective price in the market comparison (inbound fees)', () => {
  it('floors the effective rate at 0 and ignores a missing inbound fee', () => {
    expect(effectiveFeeRate(100, -30)).toBe(70);
    expect(effectiveFeeRate(100, -300)).toBe(0);
    expect(effectiveFeeRate(100, 25)).toBe(125);
    expect(effectiveFeeRate(100, null)).toBe(100);
  });

  it('without inbound fees in the graph: 25 ppm against competitors at 100–170 ppm is underpriced, and the evidence says inbound fees are not in the source', () => {
    const [r] = feeAdvice(stateFor(25, 0, 0, false));
    expect(r).toMatchObject({ rule: 'fee_underpriced', current_value: 25 });
    expect(ev(r, 'peer_inbound_fee_rate')).toBeNull();
    expect(ev(r, 'own_effective_fee_rate')).toBeNull();
    expect(r.evidence.find((e) => e.name === 'peer_inbound_fee_rate')?.unit).toMatch(/no inbound fees/);
  });

  it('the same 25 ppm is in the market when the peer gives every competitor a 70 ppm inbound discount (they really charge 30–100 ppm)', () => {
    expect(feeAdvice(stateFor(25, 0, -70))).toEqual([]);
    // The discount is what changes the verdict: with 0 inbound fees everywhere, the same graph flags it.
    const [r] = feeAdvice(stateFor(25, 0, 0));
    expect(r).toMatchObject({ rule: 'fee_underpriced', current_value: 25 });
    expect(ev(r, 'peer_inbound_fee_rate')).toBe(0);
    expect(ev(r, 'own_effective_fee_rate')).toBe(25);
  });

  it('700 ppm is overpriced against 100–170 ppm, but not when the peer discounts the node’s own channel by 400 ppm (300 ppm effective)', () => {
    const [r] = feeAdvice(stateFor(700, 0, 0));
    expect(r).toMatchObject({ rule: 'fee_overpriced', current_value: 700 });
    expect(feeAdvice(stateFor(700, -400, 0))).toEqual([]);
  });

  it('a target lands the effective price in the band: the outbound fee to set adds back the peer’s discount', () => {
    // 1,000 ppm with a 100 ppm discount = 900 effective, over 4 × the median (130): the effective target is the
    // p75 (150), so the outbound fee to reach is 250.
    const [r] = feeAdvice(stateFor(1000, -100, 0));
    expect(r).toMatchObject({ rule: 'fee_overpriced', current_value: 1000, suggested_value: 250 });
    expect(ev(r, 'peer_inbound_fee_rate')).toBe(-100);
    expect(ev(r, 'own_effective_fee_rate')).toBe(900);
  });
});
