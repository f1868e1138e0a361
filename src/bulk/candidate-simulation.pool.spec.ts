import type { ConfigType } from '@nestjs/config';
import type { bulkConfig } from '../config/configuration';
import { computeCentralities } from '../graph/analytics/centralities';
import { prepareCandidateContext, preselectCandidates, simulateChannelCandidates } from '../graph/analytics/channel-candidates';
import { buildRoutableGraph } from '../graph/analytics/routable-graph';
import { lightningGraphOf, randomLightningLikeEdges } from '../graph/analytics/testing/test-graphs';
import { CandidateSimulationPool } from './candidate-simulation.pool';

describe(CandidateSimulationPool.name, () => {
  const n = 150;
  const g = lightningGraphOf(
    n,
    randomLightningLikeEdges(n, 41).map(([a, b], i) => ({ a, b, capacitySat: 100_000 * (1 + (i % 13)), feeA: (i * 37) % 500, feeB: (i * 53) % 900 })),
  );
  const rg = buildRoutableGraph(g);
  const ctx = prepareCandidateContext(g, computeCentralities(rg), rg);
  const pool = new CandidateSimulationPool({ concurrency: 2 } as ConfigType<typeof bulkConfig>);
  afterAll(() => pool.onApplicationShutdown());

  it('gives, on its worker threads, the very report the calling thread computes (every node, several at once)', async () => {
    const nodes = Array.from({ length: n }, (_, v) => v).filter((v) => v % 5 === 0);
    const threaded = await Promise.all(nodes.map((v) => pool.simulate(ctx, v, 10)));
    nodes.forEach((v, i) => {
      const local = simulateChannelCandidates(ctx, v, preselectCandidates(ctx, v, { limit: 10 }));
      expect({ ...threaded[i], computeMs: 0 }).toEqual({ ...local, computeMs: 0 });
      expect(JSON.stringify(threaded[i].candidates)).toBe(JSON.stringify(local.candidates));
    });
    expect(threaded.some((r) => r.candidates.length === 10)).toBe(true);
  }, 120_000);
});
