import type { ConfigType } from '@nestjs/config';
import type { ClnApi } from '../clients/cln/cln.types';
import type { LndApi } from '../clients/lnd/lnd.types';
import type { graphConfig } from '../config/configuration';
import type { DescribeGraphJson } from './loaders/describegraph.loader';
import type { GraphDownloadClient } from './origins/graph-download.client';
import { GraphService } from './graph.service';

const A = '02' + 'a'.repeat(64);
const B = '03' + 'b'.repeat(64);
const C = '02' + 'c'.repeat(64);
const policy = { time_lock_delta: 40, fee_base_msat: '1000', fee_rate_milli_msat: '100', last_update: 1700000000 };
const edge = (id: string, n1: string, n2: string) => ({ channel_id: id, node1_pub: n1, node2_pub: n2, capacity: '1000000', node1_policy: policy, node2_policy: policy });
const GRAPH: DescribeGraphJson = { nodes: [{ pub_key: A }, { pub_key: B }, { pub_key: C }], edges: [edge('1', A, B), edge('2', A, C), edge('3', B, C)] };

function service(describeGraph: () => Promise<DescribeGraphJson>, refreshIntervalMs = 60_000) {
  const cfg = {
    source: 'lnd', snapshotPath: '/nonexistent', snapshotUrl: null, embedded: true, listnodesPath: undefined, refreshIntervalMs, maxAgeDays: 7,
    download: { maxBytes: 1, timeoutMs: 1, tlsCertPath: null }, historyPaths: [],
  } as unknown as ConfigType<typeof graphConfig>;
  return new GraphService(cfg, { describeGraph } as unknown as LndApi, {} as ClnApi, {} as GraphDownloadClient);
}

describe('GraphService: the state of a live graph source', () => {
  it('a live graph is dated by its load time and is healthy right after a load', async () => {
    const g = service(() => Promise.resolve(GRAPH));
    const state = await g.reload();
    expect(state.source).toBe(`lnd-graph:${new Date().toISOString().slice(0, 10)}`);
    expect(state.graph.meta.snapshotDateSource).toBe('load_time');
    expect(g.freshness()).toMatchObject({ age_days: 0, stale: false, warning: null });
    expect(g.liveSourceProblem()).toBeNull();
    expect(g.refreshState()).toMatchObject({ configured_origin: 'lnd', serving_origin: 'lnd', live: true, interval_seconds: 60, consecutive_failures: 0, last_failure: null });
  });

  it('is overdue once two intervals pass without a successful load', async () => {
    const g = service(() => Promise.resolve(GRAPH), 60_000);
    const { loadedAt } = await g.reload();
    expect(g.liveSourceProblem(new Date(loadedAt.getTime() + 119_000))).toBeNull();
    expect(g.liveSourceProblem(new Date(loadedAt.getTime() + 121_000))).toMatch(/the lnd graph source has not refreshed since .* \(GRAPH_REFRESH_INTERVAL=60 s\); serving the lnd graph of/);
  });

  it('a failed refresh keeps the graph and is a problem until a load succeeds', async () => {
    let fail = false;
    const g = service(() => (fail ? Promise.reject(new Error('lnd answered HTTP 500')) : Promise.resolve(GRAPH)));
    const kept = await g.reload();
    fail = true;
    await g.refresh();
    await g.refresh();
    expect(g.current()).toBe(kept);
    expect(g.refreshState()).toMatchObject({ consecutive_failures: 2, last_failure: { reason: 'lnd answered HTTP 500' } });
    expect(g.liveSourceProblem()).toMatch(/the lnd graph source failed 2 time\(s\) in a row, last at .*: lnd answered HTTP 500; serving the lnd graph of/);
    fail = false;
    await g.refresh();
    expect(g.liveSourceProblem()).toBeNull();
    expect(g.refreshState().consecutive_failures).toBe(0);
  });

  it('refuses a refresh that lost most of the graph, and keeps the current one', async () => {
    let json = GRAPH;
    const g = service(() => Promise.resolve(json));
    const kept = await g.reload();
    json = { nodes: GRAPH.nodes.slice(0, 2), edges: GRAPH.edges.slice(0, 1) };
    await g.refresh();
    expect(g.current()).toBe(kept);
    expect(g.refreshState().last_failure?.reason).toMatch(/refused: the new graph has 1 channels against 3/);
  });

  it('stamps an answer with the age of the graph at the time of the call', async () => {
    const g = service(() => Promise.resolve(GRAPH));
    await g.reload();
    const answer = { pubkey: A };
    const later = new Date(Date.now() + 10 * 86_400_000);
    const stamped = g.stamp(answer, later);
    expect(stamped).toMatchObject({ pubkey: A, graph: { age_days: 10, stale: true } });
    expect(stamped.graph.warning).toMatch(/10 days old/);
    expect(answer).toEqual({ pubkey: A }); // the answer (possibly a cached object) is not modified
  });
});
