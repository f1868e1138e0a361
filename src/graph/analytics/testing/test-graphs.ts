import { GraphBuilder } from '../../model/graph-builder';
import { LightningGraph } from '../../model/lightning-graph';
import { mulberry32 } from '../../flow/demand';
import { EdgeInput } from '../routable-graph';

/**
 * Small deterministic graphs for the analytics specs and scripts. Not used by the service; kept in src so the
 * specs beside the code and the benchmark scripts share one generator.
 */

/** Mulberry32 (the flow model's seeded PRNG), so "random" graphs are the same on every run. */
export const seededRandom = mulberry32;

/**
 * A Lightning-like random graph: a preferential-attachment core (a few hubs, many small nodes), extra pendant
 * leaves, a few isolated pairs and duplicate (parallel) edges. Node indices 0..n-1; some indices may end up
 * without an edge (unroutable).
 */
export function randomLightningLikeEdges(n: number, seed: number, opts: { extraEdges?: number; leafShare?: number; pairs?: number } = {}): EdgeInput[] {
  const rnd = seededRandom(seed);
  const edges: EdgeInput[] = [];
  const ends: number[] = [];
  const leafShare = opts.leafShare ?? 0.4;
  const pairs = opts.pairs ?? 2;
  const coreN = Math.max(3, Math.floor(n * (1 - leafShare)) - 2 * pairs - 1);
  edges.push([0, 1], [1, 2]);
  ends.push(0, 1, 1, 2);
  for (let v = 3; v < coreN; v++) {
    const links = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < links; k++) {
      const u = ends[Math.floor(rnd() * ends.length)];
      if (u === v) continue;
      edges.push([v, u, Math.floor(rnd() * 1e7)]);
      ends.push(v, u);
    }
  }
  for (let k = 0; k < (opts.extraEdges ?? Math.floor(coreN / 2)); k++) {
    const a = ends[Math.floor(rnd() * ends.length)];
    const b = Math.floor(rnd() * coreN);
    edges.push([a, b]);
  }
  let v = coreN;
  for (let p = 0; p < pairs; p++, v += 2) edges.push([v, v + 1]);
  // One index left without any edge (unroutable), then pendant leaves on random core nodes.
  v++;
  for (; v < n; v++) edges.push([v, ends[Math.floor(rnd() * ends.length)]]);
  // Parallel duplicates of a few existing edges.
  for (let k = 0; k < 5 && edges.length > 0; k++) edges.push(edges[Math.floor(rnd() * edges.length)]);
  return edges;
}

export interface TestChannel {
  a: number;
  b: number;
  capacitySat?: number;
  /** Outbound fee rate (ppm) of `a` and of `b`; null = no policy (direction not enabled). */
  feeA?: number | null;
  feeB?: number | null;
  /** Both directions disabled: a zombie channel. */
  disabled?: boolean;
}

/** A 66-hex-digit fake pubkey for node `i`, ordered like `i`. */
export function testPubkey(i: number): string {
  return '02' + i.toString(16).padStart(64, '0');
}

/** Builds a LightningGraph over nodes 0..nodeCount-1 (pubkeys from {@link testPubkey}). */
export function lightningGraphOf(nodeCount: number, channels: TestChannel[]): LightningGraph {
  const b = new GraphBuilder();
  for (let i = 0; i < nodeCount; i++) b.node(testPubkey(i), { alias: `node${i}` });
  channels.forEach((ch, i) => {
    const pa = testPubkey(ch.a);
    const pb = testPubkey(ch.b);
    const c = b.channel(`#${i}`, pa, pb, ch.capacitySat ?? 1_000_000, null, null);
    for (const [pub, fee] of [
      [pa, ch.feeA === undefined ? 100 : ch.feeA],
      [pb, ch.feeB === undefined ? 100 : ch.feeB],
    ] as const) {
      if (fee === null) continue;
      b.policy(c, pub, { disabled: ch.disabled === true, feeBaseMsat: 1000, feeRatePpm: fee, cltvDelta: 40, minHtlcMsat: 1000, maxHtlcMsat: null, lastUpdate: null });
    }
  });
  return b.build({ format: 'lnd-describegraph', snapshotDate: '2026-01-01', snapshotDateSource: 'file_name', sourceFile: 'test.json', version: 'test' });
}
