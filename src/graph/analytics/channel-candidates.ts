import { join } from 'node:path';
import { runWorkerTask } from '../../common/workers/worker-task';
import { LightningGraph } from '../model/lightning-graph';
import { countAbove, countBelow } from '../stats/ranking';
import { CentralityColumn, CentralityTable, rankKey } from './centralities';
import { componentLabels, eigenvectorCentrality, largestComponent } from './eigenvector';
import { buildRoutableGraph, hasEdge, RoutableGraph, routableDegree } from './routable-graph';

/**
 * "What if node v opened a channel to c?" for a list of candidate peers c.
 *
 * Method, per candidate (the new channel is one undirected edge v–c of the routable graph):
 * - Closeness of v: exact. One BFS from c gives d'(v,u) = min(d(v,u), 1 + d(c,u)).
 * - Betweenness of v: exact, incremental. A pair {s,t} can only gain a shortest path through the new edge if
 *   s is strictly closer to v than to c and t strictly closer to c than to v (triangle inequality), so only
 *   the pairs of S_v × S_c change. For those, with D = d(s,t) and D1 = d(s,v) + 1 + d(c,t): if D1 < D every
 *   new shortest path runs s…v–c…t (share through v = 1); if D1 = D the σ_sv·σ_ct new paths join the σ_st old
 *   ones; if D1 > D nothing changes. d(s,·) and σ(s,·) come from one BFS per node of the smaller of the two
 *   sets (a single-channel node reuses its peer's BFS), and the candidates of one request share these BFS:
 *   50 candidates need about 1,000–1,300 BFS on mainnet, instead of about 5,000 one by one.
 * - Eigenvector: exact to the power-iteration tolerance, for every node: power iteration on the graph with
 *   the extra edge, warm-started from the current vector (a few dozen sparse products).
 * - Ranks after the channel. Eigenvector: exact (every node's new score is known). Betweenness and
 *   closeness: v's new score ranked against every other node's CURRENT score, i.e. other nodes' scores are
 *   assumed unchanged, the usual approximation (recomputing them is a full all-pairs pass per candidate).
 *   For closeness the estimate is optimistic: distances only shrink, so other nodes' closeness can only
 *   grow and the true rank is never better than the estimate. For betweenness other nodes can move either
 *   way (c gains, nodes that used to carry v's traffic lose). scripts/bench/channel-candidates.bench.ts
 *   measures the error against full recomputation: on the 2026 graph, 80 candidates of four nodes (a small
 *   node, ACINQ, CoinGate, a median node), 78 of 80 betweenness ranks and all closeness ranks exact, the
 *   others one place off.
 * - A node without any usable channel has no rank before; its `rankBefore` is `routableCount + 1` (one
 *   place behind the last routable node), so a gain still reads "places climbed".
 */
export interface CandidateContext extends GraphSimulationContext {
  graph: LightningGraph;
  /** Median fee rate (ppm) of every enabled policy: the fee fallback for candidates with no inbound data. */
  networkMedianFeePpm: number;
}

/** The part of {@link CandidateContext} the graph simulation needs: typed arrays only, cheap to send to a worker. */
export interface GraphSimulationContext {
  routable: RoutableGraph;
  centralities: SimulationCentralities;
  /** Ascending rank keys ({@link rankKey}) of the routable nodes' current raw scores. */
  sortedBetweenness: Float64Array;
  sortedCloseness: Float64Array;
  /** Current raw eigenvector (unit norm on the largest component), node-indexed, 0 off it. */
  eigenvector: Float64Array;
  /** Component label per node (-1 unroutable) and the label of the largest component. */
  componentOf: Int32Array;
  largestLabel: number;
  largestMembers: Int32Array;
}

/** The columns of a {@link CentralityTable} that the simulation reads. */
export interface SimulationCentralities {
  routableCount: number;
  routable: Uint8Array;
  betweenness: Pick<CentralityColumn, 'raw' | 'rank' | 'percentile'>;
  closeness: Pick<CentralityColumn, 'raw' | 'rank'>;
  eigenvector: Pick<CentralityColumn, 'raw' | 'rank'>;
}

/** A centrality of v before and after the channel. Scores are raw (see {@link CentralityTable}). */
export interface RankChange {
  /** null when v had no usable channel. */
  before: number | null;
  after: number;
  rankBefore: number;
  rankAfter: number;
  /** rankBefore − rankAfter: places climbed (positive = better). */
  gain: number;
}

/** What the channel v–c does to v's position in the graph. */
export interface ChannelEffect {
  node: number;
  betweenness: RankChange;
  closeness: RankChange;
  eigenvector: RankChange;
  /** Mean hop distance from v to the nodes it can reach; lower is better. `change` = after − before. */
  meanHopDistance: { before: number | null; after: number; change: number | null };
}

export interface ChannelCandidate extends ChannelEffect {
  pubkey: string;
  alias: string | null;
  capacity: CapacitySuggestion;
  fees: FeeSuggestion;
}

/**
 * Channel size for the new channel, from the sizes of the candidate's usable channels (its own view of a
 * useful channel): `minimumViableSat` = their 25th percentile, `idealSat` = their median, both rounded up to
 * 10,000 sat and at least 20,000 sat (LND's default minimum channel size). A channel smaller than three
 * quarters of the candidate's channels is the first to be drained and ignored by senders' pathfinding.
 */
export interface CapacitySuggestion {
  minimumViableSat: number;
  idealSat: number;
  /** Usable channels of the candidate the figures come from. */
  sampleSize: number;
}

/**
 * Fee rate for v's side of the new channel (v → c), from what the candidate's other peers charge to forward
 * toward it: the enabled policies set by c's peers on their usable channels to c (c's inbound side), which
 * is the market v's channel competes in. `passivePpm` = their median (priced like the crowd, fills steadily),
 * `activePpm` = their 75th percentile (priced for scarce liquidity, rebalanced actively). Percentiles by
 * linear interpolation, rounded to whole ppm. With no such policy, the network-wide median of enabled
 * policies is used for both and `basis` says so.
 */
export interface FeeSuggestion {
  passivePpm: number;
  activePpm: number;
  basis: 'candidate-inbound' | 'network-median';
  sampleSize: number;
}

export interface ChannelCandidatesReport {
  node: number;
  pubkey: string;
  /** v had at least one usable channel. */
  routable: boolean;
  candidates: ChannelCandidate[];
  /** Candidates skipped (unknown index, v itself, already a routable peer), with the reason. */
  skipped: Array<{ node: number; reason: 'unknown-node' | 'same-node' | 'already-peer' }>;
  computeMs: number;
}

/**
 * Precomputes what every simulation on this graph shares (~40 ms); build it once per graph version. The
 * table must come from this graph (a copy read back from a cache is checked against `graph.meta.version`);
 * `routable` defaults to {@link buildRoutableGraph} of the graph.
 */
export function prepareCandidateContext(
  graph: LightningGraph,
  centralities: CentralityTable,
  routable: RoutableGraph = buildRoutableGraph(graph),
): CandidateContext {
  if (centralities.nodeCount !== graph.nodeCount || (centralities.graphVersion !== null && centralities.graphVersion !== graph.meta.version)) {
    throw new RangeError(`centrality table of graph ${centralities.graphVersion ?? '(built in code)'} does not belong to graph ${graph.meta.version}`);
  }
  const labels = componentLabels(routable);
  const largestMembers = largestComponent(routable, labels);
  const fees: number[] = [];
  for (let slot = 0; slot < graph.policyState.length; slot++) if (graph.isEnabled(slot)) fees.push(graph.feeRatePpm[slot]);
  fees.sort((a, b) => a - b);
  return {
    graph,
    routable,
    centralities,
    sortedBetweenness: sortedKeys(centralities.betweenness.raw, centralities.routable),
    sortedCloseness: sortedKeys(centralities.closeness.raw, centralities.routable),
    eigenvector: Float64Array.from(centralities.eigenvector.raw, (x) => (Number.isNaN(x) ? 0 : x)),
    componentOf: labels,
    largestLabel: largestMembers.length > 0 ? labels[largestMembers[0]] : -1,
    largestMembers,
    networkMedianFeePpm: fees.length ? Math.round(quantile(fees, 0.5)) : 0,
  };
}

export interface PreselectOptions {
  /** How many candidates to return; default 300. */
  limit?: number;
  /** Minimum number of usable peers a candidate needs; default 5 (a node with fewer routes little). */
  minPeers?: number;
}

/**
 * Candidate peers worth simulating for v, best first: routable nodes of the largest component with at least
 * `minPeers` usable peers, other than v and anything that already shares an announced channel with v (usable
 * or not: a disabled channel is still a relationship to fix, not a new peer), scored by the mean of their
 * betweenness percentile and their usable-capacity percentile among routable nodes. Ties go to the lower
 * node index. Returns at most `limit` node indices.
 */
export function preselectCandidates(ctx: CandidateContext, v: number, opts: PreselectOptions = {}): number[] {
  return preselectAmong(ctx, v, announcedPeers(ctx.graph, v), opts);
}

/** Every node sharing an announced channel with v, usable or not (what {@link preselectCandidates} excludes). */
export function announcedPeers(graph: LightningGraph, v: number): number[] {
  const peers = new Set<number>();
  if (v >= 0 && v < graph.nodeCount) for (const c of graph.channelsOf(v)) peers.add(graph.peerOf(c, v));
  return [...peers];
}

/** {@link preselectCandidates} from the typed arrays alone, v's announced peers given: what a worker can run. */
export function preselectAmong(ctx: GraphSimulationContext, v: number, announced: readonly number[], opts: PreselectOptions = {}): number[] {
  const { routable: rg, centralities: t } = ctx;
  const limit = opts.limit ?? 300;
  const minPeers = opts.minPeers ?? 5;
  const capacity = new Float64Array(rg.nodeCount);
  for (let u = 0; u < rg.nodeCount; u++) for (let j = rg.offsets[u]; j < rg.offsets[u + 1]; j++) capacity[u] += rg.adjCapacitySat[j];
  const capacityKeys = sortedKeys(capacity, t.routable);
  const peers = new Set<number>(announced);
  const scored: Array<[number, number]> = [];
  for (let u = 0; u < rg.nodeCount; u++) {
    if (u === v || peers.has(u) || ctx.componentOf[u] !== ctx.largestLabel || routableDegree(rg, u) < minPeers) continue;
    const capPct = countBelow(capacityKeys, rankKey(capacity[u])) / capacityKeys.length;
    scored.push([u, (t.betweenness.percentile[u] / 100 + capPct) / 2]);
  }
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return scored.slice(0, limit).map(([u]) => u);
}

/**
 * Simulates one new channel v–c for each candidate c (see {@link CandidateContext} for the method) on the
 * calling thread. Candidates that are unknown, v itself or already routable peers are reported in `skipped`.
 */
export function simulateChannelCandidates(ctx: CandidateContext, v: number, candidates: readonly number[]): ChannelCandidatesReport {
  const t0 = performance.now();
  const { valid, skipped } = screenCandidates(ctx, v, candidates);
  const effects = simulateChannelEffects(ctx, v, valid);
  return report(ctx, v, effects, skipped, t0);
}

/**
 * Same result as {@link simulateChannelCandidates} (equal up to floating-point summation order), computed by
 * worker threads (default 2). Each worker runs the cheap per-candidate BFS for every candidate, then its share
 * of the shared BFS roots (every `workers`-th root) and of the candidates' eigenvector runs; the partial
 * betweenness gains are added here. Capacity and fee suggestions are computed on the calling thread.
 */
export async function simulateChannelCandidatesInWorkers(
  ctx: CandidateContext,
  v: number,
  candidates: readonly number[],
  opts: { workers?: number } = {},
): Promise<ChannelCandidatesReport> {
  const t0 = performance.now();
  const { valid, skipped } = screenCandidates(ctx, v, candidates);
  // workers: 0 runs on the calling thread: for callers running from TypeScript sources, where every worker
  // thread first boots ts-node (1–2 s), more than the simulation itself.
  if (opts.workers === 0 || valid.length === 0) return report(ctx, v, simulateChannelEffects(ctx, v, valid), skipped, t0);
  const count = Math.max(1, Math.min(Math.floor(opts.workers ?? 2), valid.length));
  const shared = simulationContextOf(ctx);
  const parts = await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const input: ChannelCandidatesWorkerInput = { ctx: shared, v, candidates: valid, part: { index, count } };
      return runWorkerTask<ChannelEffectsPart>(join(__dirname, 'channel-candidates.worker'), input);
    }),
  );
  return report(ctx, v, combineParts(ctx, v, valid, parts), skipped, t0);
}

/**
 * One node's best candidates, preselected, screened and simulated on the calling thread, as plain data: what a
 * bulk worker thread computes for one item. {@link reportCandidateBatch} turns it into the same report as
 * {@link simulateChannelCandidates} of {@link preselectCandidates}, to the last bit (one part, same order of sums).
 */
export interface CandidateBatch {
  valid: number[];
  skipped: ChannelCandidatesReport['skipped'];
  part: ChannelEffectsPart;
}

export function simulateCandidateBatch(ctx: GraphSimulationContext, v: number, announced: readonly number[], opts: PreselectOptions = {}): CandidateBatch {
  const { valid, skipped } = screenCandidates(ctx, v, preselectAmong(ctx, v, announced, opts));
  return { valid, skipped, part: simulateChannelEffectsPart(ctx, v, valid, { index: 0, count: 1 }) };
}

/** The report of a {@link CandidateBatch} (capacity and fee suggestions read the full graph, on this thread). */
export function reportCandidateBatch(ctx: CandidateContext, v: number, batch: CandidateBatch, t0: number): ChannelCandidatesReport {
  return report(ctx, v, combineParts(ctx, v, batch.valid, [batch.part]), batch.skipped, t0);
}

export interface ChannelCandidatesWorkerInput {
  ctx: GraphSimulationContext;
  v: number;
  candidates: number[];
  part: SimulationPart;
}

/** Which share of a batch one worker computes: roots and candidates with position ≡ index (mod count). */
export interface SimulationPart {
  index: number;
  count: number;
}

/** One worker's share of a batch (see {@link simulateChannelEffectsPart}). */
export interface ChannelEffectsPart {
  /** v's betweenness gain from this part's BFS roots, for every candidate of the batch. */
  betweennessGain: Float64Array;
  /** Everything but betweenness, for this part's candidates (positions ≡ index mod count), in order. */
  effects: Array<Omit<ChannelEffect, 'betweenness'>>;
}

/** The graph part of the simulation for candidates already screened (no peer of v, not v). */
export function simulateChannelEffects(ctx: GraphSimulationContext, v: number, candidates: readonly number[]): ChannelEffect[] {
  return combineParts(ctx, v, candidates, [simulateChannelEffectsPart(ctx, v, candidates, { index: 0, count: 1 })]);
}

/** One share of {@link simulateChannelEffects}: what a worker thread runs. */
export function simulateChannelEffectsPart(ctx: GraphSimulationContext, v: number, candidates: readonly number[], part: SimulationPart): ChannelEffectsPart {
  return new CandidateSimulator(ctx, v).simulate(candidates, part);
}

function combineParts(ctx: GraphSimulationContext, v: number, candidates: readonly number[], parts: ChannelEffectsPart[]): ChannelEffect[] {
  const t = ctx.centralities;
  const routable = t.routable[v] === 1;
  const before = routable ? t.betweenness.raw[v] : 0;
  const rankBefore = routable ? t.betweenness.rank[v] : t.routableCount + 1;
  return candidates.map((_, k) => {
    let gain = 0;
    for (const p of parts) gain += p.betweennessGain[k];
    const after = before + gain;
    const rankAfter = rankAgainstOthers(ctx.sortedBetweenness, routable ? before : null, after);
    const rest = parts[k % parts.length].effects[Math.floor(k / parts.length)];
    return {
      ...rest,
      betweenness: { before: routable ? before : null, after, rankBefore, rankAfter, gain: rankBefore - rankAfter },
    };
  });
}

/**
 * Rank v would have with score x if no other score changed: 1 + the routable nodes other than v scoring
 * higher (at 12 significant digits). `mine` is v's current score (null when v is not routable).
 */
function rankAgainstOthers(sorted: Float64Array, mine: number | null, x: number): number {
  return countAbove(sorted, rankKey(x)) - (mine !== null && rankKey(mine) > rankKey(x) ? 1 : 0) + 1;
}

/** Only the typed arrays the simulation needs (what a worker receives). */
export function simulationContextOf(ctx: CandidateContext): GraphSimulationContext {
  const t = ctx.centralities;
  return {
    routable: ctx.routable,
    centralities: {
      routableCount: t.routableCount,
      routable: t.routable,
      betweenness: { raw: t.betweenness.raw, rank: t.betweenness.rank, percentile: t.betweenness.percentile },
      closeness: { raw: t.closeness.raw, rank: t.closeness.rank },
      eigenvector: { raw: t.eigenvector.raw, rank: t.eigenvector.rank },
    },
    sortedBetweenness: ctx.sortedBetweenness,
    sortedCloseness: ctx.sortedCloseness,
    eigenvector: ctx.eigenvector,
    componentOf: ctx.componentOf,
    largestLabel: ctx.largestLabel,
    largestMembers: ctx.largestMembers,
  };
}

function screenCandidates(ctx: GraphSimulationContext, v: number, candidates: readonly number[]) {
  const rg = ctx.routable;
  if (!(Number.isInteger(v) && v >= 0 && v < rg.nodeCount)) throw new RangeError(`node index ${v} is not in the graph`);
  const valid: number[] = [];
  const skipped: ChannelCandidatesReport['skipped'] = [];
  for (const c of candidates) {
    if (!(Number.isInteger(c) && c >= 0 && c < rg.nodeCount)) skipped.push({ node: c, reason: 'unknown-node' });
    else if (c === v) skipped.push({ node: c, reason: 'same-node' });
    else if (hasEdge(rg, v, c)) skipped.push({ node: c, reason: 'already-peer' });
    else valid.push(c);
  }
  return { valid, skipped };
}

function report(ctx: CandidateContext, v: number, effects: ChannelEffect[], skipped: ChannelCandidatesReport['skipped'], t0: number): ChannelCandidatesReport {
  const g = ctx.graph;
  return {
    node: v,
    pubkey: g.pubkeys[v],
    routable: ctx.centralities.routable[v] === 1,
    candidates: effects.map((e) => ({
      ...e,
      pubkey: g.pubkeys[e.node],
      alias: g.aliases[e.node],
      capacity: suggestCapacity(g, e.node),
      fees: suggestFees(g, e.node, ctx.networkMedianFeePpm),
    })),
    skipped,
    computeMs: Math.round(performance.now() - t0),
  };
}

const INF = 1 << 29;

/** BFS with shortest-path counts over the routable graph, buffers reused between runs. */
class PathCounter {
  readonly dist: Int32Array;
  readonly sigma: Float64Array;
  readonly queue: Int32Array;
  size = 0;

  constructor(private readonly rg: RoutableGraph) {
    this.dist = new Int32Array(rg.nodeCount).fill(INF);
    this.sigma = new Float64Array(rg.nodeCount);
    this.queue = new Int32Array(rg.nodeCount);
  }

  /** Runs from `s`; afterwards `dist` (INF = unreachable), `sigma` and `queue[0..size)` describe the BFS. */
  run(s: number): this {
    const { dist, sigma, queue } = this;
    const { offsets: off, neighbors: adj } = this.rg;
    for (let i = 0; i < this.size; i++) {
      dist[queue[i]] = INF;
      sigma[queue[i]] = 0;
    }
    queue[0] = s;
    dist[s] = 0;
    sigma[s] = 1;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++];
      const du = dist[u] + 1;
      const su = sigma[u];
      for (let j = off[u], end = off[u + 1]; j < end; j++) {
        const w = adj[j];
        const dw = dist[w];
        if (dw === INF) {
          dist[w] = du;
          sigma[w] = su;
          queue[tail++] = w;
        } else if (dw === du) {
          sigma[w] += su;
        }
      }
    }
    this.size = tail;
    return this;
  }
}

/** One candidate between the phases of a batch. */
interface PendingCandidate {
  c: number;
  harmonic: number;
  meanHopAfter: number;
  /** Betweenness gain accumulated so far (phase 2). */
  gain: number;
  /** The other side of the pairs, with what the pair formula reads from it, in ascending node order. */
  ys: Int32Array;
  yDistV: Int32Array;
  yDistC: Int32Array;
  ySigmaV: Float64Array;
  ySigmaC: Float64Array;
  /** Whether the BFS side is S_v (x = s) or S_c (x = t). */
  xIsV: boolean;
}

/** A node x of one candidate's BFS side, attached to the BFS root that serves it. */
interface PairJob {
  k: number;
  x: number;
  /** 1 when x is a single-channel node served by its peer's BFS. */
  shift: number;
  /** d(c,x) and σ_cx, read when x is on c's side (c's BFS is gone by phase 2). */
  distC: number;
  sigmaC: number;
}

/**
 * Runs a batch of candidates for one node v. Phase 1, per candidate: BFS from c, closeness and hop distance,
 * the sets S_v and S_c. Phase 2: one BFS per distinct root of every candidate's smaller side (candidates of
 * one request share most of them), each feeding the pair sums of every candidate that needs it, roots in
 * ascending order so a candidate's sums do not depend on the rest of the batch. Phase 3, per candidate:
 * ranks and the eigenvector.
 */
class CandidateSimulator {
  private readonly fromV: PathCounter;
  private readonly fromC: PathCounter;
  private readonly fromX: PathCounter;
  private readonly rankBefore: { closeness: number; eigenvector: number };
  private readonly routable: boolean;
  private readonly meanHopBefore: number | null;
  /** Nodes v can reach (v included), in BFS order. */
  private readonly reachV: Int32Array;
  private readonly sideV: Int32Array;
  private readonly sideC: Int32Array;

  constructor(
    private readonly ctx: GraphSimulationContext,
    private readonly v: number,
  ) {
    const rg = ctx.routable;
    const t = ctx.centralities;
    this.fromV = new PathCounter(rg).run(v);
    this.fromC = new PathCounter(rg);
    this.fromX = new PathCounter(rg);
    this.reachV = this.fromV.queue.slice(0, this.fromV.size);
    this.sideV = new Int32Array(rg.nodeCount);
    this.sideC = new Int32Array(rg.nodeCount);
    this.routable = t.routable[v] === 1;
    const behind = t.routableCount + 1;
    this.rankBefore = this.routable ? { closeness: t.closeness.rank[v], eigenvector: t.eigenvector.rank[v] } : { closeness: behind, eigenvector: behind };
    let sum = 0;
    for (let i = 1; i < this.reachV.length; i++) sum += this.fromV.dist[this.reachV[i]];
    this.meanHopBefore = this.reachV.length > 1 ? sum / (this.reachV.length - 1) : null;
  }

  simulate(candidates: readonly number[], part: SimulationPart): ChannelEffectsPart {
    const jobsByRoot = new Map<number, PairJob[]>();
    const pending = candidates.map((c, k) => this.prepare(c, k, jobsByRoot));
    const roots = Array.from(jobsByRoot.keys()).sort((a, b) => a - b);
    for (let i = part.index; i < roots.length; i += part.count) {
      const bfs = this.fromX.run(roots[i]);
      for (const job of jobsByRoot.get(roots[i])!) this.addPairs(pending[job.k], job, bfs.dist, bfs.sigma);
    }
    const effects: ChannelEffectsPart['effects'] = [];
    for (let k = part.index; k < pending.length; k += part.count) effects.push(this.finish(pending[k]));
    return { betweennessGain: Float64Array.from(pending, (p) => p.gain), effects };
  }

  /** Phase 1 for candidate c (index k): closeness, hop distance, pair sides; registers its BFS roots. */
  private prepare(c: number, k: number, jobsByRoot: Map<number, PairJob[]>): PendingCandidate {
    const { v } = this;
    const rg = this.ctx.routable;
    const dV = this.fromV.dist;
    const sV = this.fromV.sigma;
    const { dist: dC, sigma: sC, queue: qc } = this.fromC.run(c);

    // Closeness and mean hop distance: exact, d'(v,u) = min(d(v,u), 1 + d(c,u)).
    let harmonic = 0;
    let hops = 0;
    let reached = 0;
    for (let i = 0; i < this.fromC.size; i++) {
      const u = qc[i];
      if (u === v) continue;
      const d = Math.min(dV[u], dC[u] + 1);
      harmonic += 1 / d;
      hops += d;
      reached++;
    }
    for (let i = 1; i < this.reachV.length; i++) {
      const u = this.reachV[i];
      if (dC[u] !== INF) continue; // counted above
      harmonic += 1 / dV[u];
      hops += dV[u];
      reached++;
    }

    // S_v \ {v}: strictly closer to v (or reachable from v only); S_c: strictly closer to c.
    let nv = 0;
    let nc = 0;
    for (let i = 1; i < this.reachV.length; i++) {
      const u = this.reachV[i];
      if (dV[u] < dC[u]) this.sideV[nv++] = u;
    }
    for (let i = 0; i < this.fromC.size; i++) {
      const u = qc[i];
      if (dC[u] < dV[u]) this.sideC[nc++] = u;
    }
    const p: PendingCandidate = {
      c,
      harmonic,
      meanHopAfter: hops / reached,
      gain: 0,
      ys: new Int32Array(0),
      yDistV: new Int32Array(0),
      yDistC: new Int32Array(0),
      ySigmaV: new Float64Array(0),
      ySigmaC: new Float64Array(0),
      xIsV: nv <= nc,
    };
    if (nv === 0 || nc === 0) return p;
    // BFS from the smaller side; the other side's values are gathered once, in node order (cache-friendly).
    const xs = p.xIsV ? this.sideV.subarray(0, nv) : this.sideC.subarray(0, nc);
    const ys = (p.xIsV ? this.sideC.slice(0, nc) : this.sideV.slice(0, nv)).sort();
    p.ys = ys;
    p.yDistV = Int32Array.from(ys, (y) => dV[y]);
    p.yDistC = Int32Array.from(ys, (y) => dC[y]);
    p.ySigmaV = Float64Array.from(ys, (y) => sV[y]);
    p.ySigmaC = Float64Array.from(ys, (y) => sC[y]);
    for (const x of xs) {
      // A single-channel node's BFS is its peer's, one hop longer.
      const leaf = routableDegree(rg, x) === 1;
      const root = leaf ? rg.neighbors[rg.offsets[x]] : x;
      const job: PairJob = { k, x, shift: leaf ? 1 : 0, distC: dC[x], sigmaC: sC[x] };
      const jobs = jobsByRoot.get(root);
      if (jobs) jobs.push(job);
      else jobsByRoot.set(root, [job]);
    }
    return p;
  }

  /**
   * Phase 2: the pairs {x, y} of one candidate, given the BFS from x's root. With s on v's side, t on c's,
   * D = d(s,t) and D1 = d(s,v) + 1 + d(c,t): D1 < D → all new shortest paths use v–c (share through v = 1);
   * D1 = D → σ_sv·σ_ct new paths join σ_st old ones; D1 > D → unchanged.
   */
  private addPairs(p: PendingCandidate, job: PairJob, dR: Int32Array, sR: Float64Array): void {
    const dV = this.fromV.dist;
    const sV = this.fromV.sigma;
    const { ys, yDistV, yDistC, ySigmaV, ySigmaC } = p;
    const shift = job.shift;
    const x = job.x;
    let gain = 0;
    if (p.xIsV) {
      // x = s (v's side), y = t (c's side).
      const dvs = dV[x];
      const svs = sV[x];
      for (let k = 0; k < ys.length; k++) {
        const raw = dR[ys[k]];
        const dxy = raw === INF ? INF : raw + shift;
        const d1 = dvs + 1 + yDistC[k];
        if (d1 > dxy) continue;
        const through = dvs + yDistV[k] === dxy ? svs * ySigmaV[k] : 0;
        const before = dxy === INF ? 0 : through / sR[ys[k]];
        if (d1 < dxy) gain += 1 - before;
        else {
          const added = svs * ySigmaC[k];
          gain += (through + added) / (sR[ys[k]] + added) - before;
        }
      }
    } else {
      // x = t (c's side), y = s (v's side).
      const dct = job.distC;
      const sct = job.sigmaC;
      const dvt = dV[x];
      const svt = sV[x];
      for (let k = 0; k < ys.length; k++) {
        const raw = dR[ys[k]];
        const dxy = raw === INF ? INF : raw + shift;
        const d1 = yDistV[k] + 1 + dct;
        if (d1 > dxy) continue;
        const through = yDistV[k] + dvt === dxy ? ySigmaV[k] * svt : 0;
        const before = dxy === INF ? 0 : through / sR[ys[k]];
        if (d1 < dxy) gain += 1 - before;
        else {
          const added = ySigmaV[k] * sct;
          gain += (through + added) / (sR[ys[k]] + added) - before;
        }
      }
    }
    p.gain += gain;
  }

  /** Phase 3: closeness rank, hop distance and eigenvector for one candidate (betweenness: {@link combineParts}). */
  private finish(p: PendingCandidate): Omit<ChannelEffect, 'betweenness'> {
    const { ctx, v } = this;
    const t = ctx.centralities;
    const eig = this.eigenvectorAfter(p.c);
    const closenessBefore = this.routable ? t.closeness.raw[v] : null;
    const clRank = rankAgainstOthers(ctx.sortedCloseness, closenessBefore, p.harmonic);
    return {
      node: p.c,
      closeness: { before: closenessBefore, after: p.harmonic, rankBefore: this.rankBefore.closeness, rankAfter: clRank, gain: this.rankBefore.closeness - clRank },
      eigenvector: {
        before: this.routable ? t.eigenvector.raw[v] : null,
        after: eig.value,
        rankBefore: this.rankBefore.eigenvector,
        rankAfter: eig.rank,
        gain: this.rankBefore.eigenvector - eig.rank,
      },
      meanHopDistance: {
        before: this.meanHopBefore,
        after: p.meanHopAfter,
        change: this.meanHopBefore === null ? null : p.meanHopAfter - this.meanHopBefore,
      },
    };
  }

  /** v's eigenvector score and exact rank with the edge v–c added (every node's score recomputed). */
  private eigenvectorAfter(c: number): { value: number; rank: number } {
    const { ctx, v } = this;
    const t = ctx.centralities;
    const inLargest = (u: number) => ctx.componentOf[u] === ctx.largestLabel && ctx.largestLabel >= 0;
    let members = ctx.largestMembers;
    let values = ctx.eigenvector;
    if (inLargest(v) || inLargest(c)) {
      const outside = inLargest(v) ? c : v;
      if (!inLargest(outside)) {
        // The new channel brings the other node's island (or the lone new node) into the largest component.
        const extra: number[] = [];
        const label = ctx.componentOf[outside];
        if (label < 0) extra.push(outside);
        else for (let u = 0; u < ctx.componentOf.length; u++) if (ctx.componentOf[u] === label) extra.push(u);
        members = Int32Array.from([...ctx.largestMembers, ...extra]);
      }
      values = eigenvectorCentrality(ctx.routable, { members, start: ctx.eigenvector, extraEdge: [v, c] }).values;
    }
    const x = values[v];
    const mine = rankKey(x);
    // Rounding to 12 digits is monotone, so only values a hair above x can round to the same key.
    const sure = x + Math.abs(x) * 1e-10;
    let above = 0;
    for (let u = 0; u < values.length; u++) {
      const y = values[u];
      if (y <= x || u === v || !t.routable[u]) continue;
      if (y > sure || rankKey(y) > mine) above++;
    }
    return { value: values[v], rank: above + 1 };
  }
}

/** See {@link CapacitySuggestion}. */
export function suggestCapacity(g: LightningGraph, c: number): CapacitySuggestion {
  const sizes: number[] = [];
  for (const ch of g.channelsOf(c)) if (g.isUsable(ch)) sizes.push(g.chanCapacitySat[ch]);
  sizes.sort((a, b) => a - b);
  const nice = (x: number) => Math.max(20_000, Math.ceil(x / 10_000) * 10_000);
  if (sizes.length === 0) return { minimumViableSat: nice(0), idealSat: nice(0), sampleSize: 0 };
  return { minimumViableSat: nice(quantile(sizes, 0.25)), idealSat: nice(quantile(sizes, 0.5)), sampleSize: sizes.length };
}

/** See {@link FeeSuggestion}. */
export function suggestFees(g: LightningGraph, c: number, networkMedianPpm: number): FeeSuggestion {
  const ppm: number[] = [];
  for (const ch of g.channelsOf(c)) {
    const slot = g.inboundSlot(ch, c);
    if (g.isEnabled(slot)) ppm.push(g.feeRatePpm[slot]);
  }
  if (ppm.length === 0) return { passivePpm: networkMedianPpm, activePpm: networkMedianPpm, basis: 'network-median', sampleSize: 0 };
  ppm.sort((a, b) => a - b);
  return { passivePpm: Math.round(quantile(ppm, 0.5)), activePpm: Math.round(quantile(ppm, 0.75)), basis: 'candidate-inbound', sampleSize: ppm.length };
}

/** Quantile of an ascending array, linear interpolation between closest ranks (numpy's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function sortedKeys(raw: Float64Array, routable: Uint8Array): Float64Array {
  const keys: number[] = [];
  for (let u = 0; u < raw.length; u++) if (routable[u]) keys.push(rankKey(raw[u]));
  return Float64Array.from(keys).sort();
}
