import { join } from 'node:path';
import { runWorkerTask } from '../../common/workers/worker-task';
import { LightningGraph } from '../model/lightning-graph';
import { competitionRanks, percentiles } from '../stats/ranking';
import { assembleBetweenness, BrandesPartial, brandesFromSources } from './brandes';
import type { CentralityWorkerInput } from './centrality.worker';
import { EigenvectorOptions, eigenvectorCentrality } from './eigenvector';
import { LeafReduction, reduceLeaves } from './leaf-reduction';
import { buildRoutableGraph, RoutableGraph } from './routable-graph';

/**
 * One centrality for every node index of the graph. Unroutable nodes (no usable channel) are not part of
 * the routable graph, so they have no score and no rank: `raw`, `normalized` and `percentile` hold NaN and
 * `rank` holds 0. Ranks and percentiles are computed among the routable nodes only.
 */
export interface CentralityColumn {
  raw: Float64Array;
  normalized: Float64Array;
  /**
   * Competition rank among routable nodes ({@link competitionRanks}): 1 = most central, equal scores share the
   * best rank. Scores are compared at 12 significant digits, so nodes that are tied in exact arithmetic (for
   * example two leaves of one hub) stay tied whatever order the floating-point sums ran in. 0 = unroutable.
   */
  rank: Uint32Array;
  /** Share (0–100) of routable nodes with a strictly lower score ({@link percentiles}); NaN when unroutable. */
  percentile: Float64Array;
}

/** Every centrality of every node, as typed arrays: transferable between threads, serialisable for a cache. */
export interface CentralityTable {
  /** `LightningGraph.meta.version` of the graph it was computed on, null for graphs built in code. */
  graphVersion: string | null;
  nodeCount: number;
  /** n in every normalisation: nodes with at least one usable channel. */
  routableCount: number;
  /** Undirected edges of the routable graph (parallel channels collapsed). */
  edgeCount: number;
  largestComponentSize: number;
  /** 1 when the node has at least one usable channel. */
  routable: Uint8Array;
  /**
   * Exact shortest-path betweenness (Brandes), hop count, undirected. `raw`: Σ over unordered pairs {s,t}
   * (s ≠ v ≠ t) of σ_st(v)/σ_st, the share of the shortest s–t paths that pass through v — each pair counted
   * once, as igraph's `betweenness(directed=False)` does. `normalized`: raw / ((n−1)(n−2)/2), n =
   * `routableCount` (networkx and graphology's `normalized: true`), in [0, 1].
   */
  betweenness: CentralityColumn;
  /**
   * Harmonic closeness. `raw`: H(v) = Σ_{u ≠ v} 1/d(v,u), hop distance, unreachable nodes add 0.
   * `normalized`: H(v)/(n−1), in [0, 1] (igraph's `harmonic_centrality(normalized=True)`).
   */
  closeness: CentralityColumn;
  /**
   * Eigenvector centrality on the largest connected component (see {@link eigenvectorCentrality}); routable
   * nodes outside it score 0 and tie for the last rank. `raw`: unit Euclidean norm (networkx, graphology);
   * `normalized`: divided by the maximum, so the top node scores 1 (igraph's `scale=True`).
   */
  eigenvector: CentralityColumn;
  /** Mean hop distance from the node to the other nodes of its component; NaN when unroutable. */
  meanHopDistance: Float64Array;
  eigenvalue: number;
  eigenvectorIterations: number;
  eigenvectorConverged: boolean;
  /** Wall time of the computation, ms. */
  computeMs: number;
}

export interface CentralityOptions {
  eigenvector?: Pick<EigenvectorOptions, 'tolerance' | 'maxIterations'>;
}

export interface CentralityWorkerOptions extends CentralityOptions {
  /**
   * Worker threads for the all-sources pass; default 2 (the production machine has 2 cores). 0 computes on the
   * calling thread (for callers running from TypeScript sources, where each worker first boots ts-node).
   */
  workers?: number;
}

/**
 * Computes betweenness, harmonic closeness and eigenvector centrality of every node, on the calling thread.
 * Accepts a Lightning snapshot (its routable graph is built here) or a ready routable graph.
 */
export function computeCentralities(graph: LightningGraph | RoutableGraph, opts: CentralityOptions = {}): CentralityTable {
  const t0 = performance.now();
  const rg = toRoutable(graph);
  const reduction = reduceLeaves(rg);
  const all = Int32Array.from({ length: reduction.core.size }, (_, i) => i);
  const partial = brandesFromSources(reduction.core, all);
  return assembleCentralities(graph, rg, reduction, [partial], t0, opts);
}

/**
 * Same result as {@link computeCentralities}, with the all-sources shortest-path pass (nearly all the cost)
 * split across worker threads; the eigenvector runs on the calling thread meanwhile (tens of ms). Sources
 * are dealt round-robin, so the split and therefore the floating-point sums are the same on every run.
 */
export async function computeCentralitiesInWorkers(
  graph: LightningGraph | RoutableGraph,
  opts: CentralityWorkerOptions = {},
): Promise<CentralityTable> {
  if (opts.workers === 0) return computeCentralities(graph, opts);
  const t0 = performance.now();
  const workers = Math.max(1, Math.floor(opts.workers ?? 2));
  const rg = toRoutable(graph);
  const reduction = reduceLeaves(rg);
  const { core } = reduction;
  const tasks: Promise<BrandesPartial>[] = [];
  for (let w = 0; w < workers; w++) {
    const sources: number[] = [];
    for (let s = w; s < core.size; s += workers) sources.push(s);
    const input: CentralityWorkerInput = { core, sources: Int32Array.from(sources) };
    tasks.push(runWorkerTask<BrandesPartial>(join(__dirname, 'centrality.worker'), input));
  }
  // Let the workers start before the main thread gets busy with the eigenvector.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const eigen = eigenvectorCentrality(rg, opts.eigenvector);
  const partials = await Promise.all(tasks);
  return assembleCentralities(graph, rg, reduction, partials, t0, opts, eigen);
}

function toRoutable(graph: LightningGraph | RoutableGraph): RoutableGraph {
  return graph instanceof LightningGraph ? buildRoutableGraph(graph) : graph;
}

function assembleCentralities(
  graph: LightningGraph | RoutableGraph,
  rg: RoutableGraph,
  { core, coreOf, parentOf }: LeafReduction,
  partials: BrandesPartial[],
  t0: number,
  opts: CentralityOptions,
  eigen = eigenvectorCentrality(rg, opts.eigenvector),
): CentralityTable {
  const n = rg.nodeCount;
  const sum = (pick: (p: BrandesPartial) => Float64Array): Float64Array => {
    const out = new Float64Array(core.size);
    for (const p of partials) {
      const a = pick(p);
      for (let i = 0; i < core.size; i++) out[i] += a[i];
    }
    return out;
  };
  const coreBetweenness = assembleBetweenness(core, sum((p) => p.dependency));
  const harmonic = sum((p) => p.harmonic);
  const harmonicLeaf = sum((p) => p.harmonicLeaf);
  const distanceSum = sum((p) => p.distanceSum);
  const distanceSumLeaf = sum((p) => p.distanceSumLeaf);

  const routable = new Uint8Array(n);
  const betweenness = new Float64Array(n).fill(NaN);
  const closeness = new Float64Array(n).fill(NaN);
  const meanHopDistance = new Float64Array(n).fill(NaN);
  for (let v = 0; v < n; v++) {
    const k = coreOf[v];
    if (k >= 0) {
      routable[v] = 1;
      betweenness[v] = coreBetweenness[k];
      closeness[v] = harmonic[k];
      meanHopDistance[v] = distanceSum[k] / (core.componentSize[k] - 1);
    } else if (parentOf[v] >= 0) {
      const p = coreOf[parentOf[v]];
      routable[v] = 1;
      // A single-channel node is never strictly between two others.
      betweenness[v] = 0;
      closeness[v] = harmonicLeaf[p];
      meanHopDistance[v] = distanceSumLeaf[p] / (core.componentSize[p] - 1);
    }
  }

  const eigenRaw = new Float64Array(n).fill(NaN);
  let eigenMax = 0;
  for (let v = 0; v < n; v++) {
    if (!routable[v]) continue;
    eigenRaw[v] = eigen.values[v];
    if (eigen.values[v] > eigenMax) eigenMax = eigen.values[v];
  }

  const r = rg.routableCount;
  const pairs = ((r - 1) * (r - 2)) / 2;
  return {
    graphVersion: graph instanceof LightningGraph ? graph.meta.version : null,
    nodeCount: n,
    routableCount: r,
    edgeCount: rg.edgeCount,
    largestComponentSize: eigen.members.length,
    routable,
    betweenness: column(betweenness, routable, pairs > 0 ? 1 / pairs : 0),
    closeness: column(closeness, routable, r > 1 ? 1 / (r - 1) : 0),
    eigenvector: column(eigenRaw, routable, eigenMax > 0 ? 1 / eigenMax : 0),
    meanHopDistance,
    eigenvalue: eigen.eigenvalue,
    eigenvectorIterations: eigen.iterations,
    eigenvectorConverged: eigen.converged,
    computeMs: Math.round(performance.now() - t0),
  };
}

/** Scores compared for ranking: 12 significant digits, so exact ties survive floating-point summation order. */
export function rankKey(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(12));
}

/**
 * Normalises a raw score column and ranks it among the routable nodes (NaN / 0 for the others, see
 * {@link CentralityColumn}).
 */
export function column(raw: Float64Array, routable: Uint8Array, factor: number): CentralityColumn {
  const n = raw.length;
  const normalized = new Float64Array(n);
  const members: number[] = [];
  for (let v = 0; v < n; v++) {
    normalized[v] = raw[v] * factor;
    if (routable[v]) members.push(v);
  }
  const keys = Float64Array.from(members, (v) => rankKey(raw[v]));
  const memberRanks = competitionRanks(keys);
  const memberPct = percentiles(memberRanks, keys);
  const rank = new Uint32Array(n);
  const percentile = new Float64Array(n).fill(NaN);
  members.forEach((v, i) => {
    rank[v] = memberRanks[i];
    percentile[v] = memberPct[i];
  });
  return { raw, normalized, rank, percentile };
}

/** Buffers of a table, for `postMessage` transfer lists. */
export function centralityTableBuffers(t: CentralityTable): ArrayBuffer[] {
  const cols = [t.betweenness, t.closeness, t.eigenvector].flatMap((c) => [c.raw, c.normalized, c.rank, c.percentile]);
  return [t.routable, t.meanHopDistance, ...cols].map((a) => a.buffer as ArrayBuffer);
}

/** JSON-safe form of a {@link CentralityTable}: typed arrays as base64 of their bytes (NaN survives). */
export interface CentralityTableJson {
  format: 'centrality-table/1';
  meta: Omit<CentralityTable, 'routable' | 'betweenness' | 'closeness' | 'eigenvector' | 'meanHopDistance'>;
  arrays: Record<string, string>;
}

const COLUMNS = ['betweenness', 'closeness', 'eigenvector'] as const;
const FIELDS = ['raw', 'normalized', 'rank', 'percentile'] as const;

/** Serialises a table for a cache copy (e.g. Redis keyed by graph version); ~2.5 MB for 17k nodes. */
export function serializeCentralityTable(t: CentralityTable): CentralityTableJson {
  const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const arrays: Record<string, string> = { routable: b64(t.routable), meanHopDistance: b64(t.meanHopDistance) };
  for (const c of COLUMNS) for (const f of FIELDS) arrays[`${c}.${f}`] = b64(t[c][f]);
  const { routable: _r, betweenness: _b, closeness: _c, eigenvector: _e, meanHopDistance: _m, ...meta } = t;
  return { format: 'centrality-table/1', meta, arrays };
}

/** Inverse of {@link serializeCentralityTable}; throws on a payload of another format or size. */
export function deserializeCentralityTable(json: CentralityTableJson): CentralityTable {
  if (json?.format !== 'centrality-table/1') throw new TypeError('not a centrality-table/1 payload');
  const n = json.meta.nodeCount;
  const bytes = (key: string, width: number): ArrayBuffer => {
    const buf = Buffer.from(json.arrays[key] ?? '', 'base64');
    if (buf.byteLength !== n * width) throw new TypeError(`centrality table field ${key} has ${buf.byteLength} bytes, expected ${n * width}`);
    // Copy into a fresh, aligned buffer: Buffer.from may return a slice of a shared pool.
    const out = new ArrayBuffer(buf.byteLength);
    new Uint8Array(out).set(buf);
    return out;
  };
  const col = (c: (typeof COLUMNS)[number]): CentralityColumn => ({
    raw: new Float64Array(bytes(`${c}.raw`, 8)),
    normalized: new Float64Array(bytes(`${c}.normalized`, 8)),
    rank: new Uint32Array(bytes(`${c}.rank`, 4)),
    percentile: new Float64Array(bytes(`${c}.percentile`, 8)),
  });
  return {
    ...json.meta,
    routable: new Uint8Array(bytes('routable', 1)),
    meanHopDistance: new Float64Array(bytes('meanHopDistance', 8)),
    betweenness: col('betweenness'),
    closeness: col('closeness'),
    eigenvector: col('eigenvector'),
  };
}
