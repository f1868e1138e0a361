/**
 * Overhead of the resilience layer (timeout → bulkhead → circuit breaker → retry, metrics, error mapping) per
 * call, against a direct axios call to the same local double in the same run.
 *
 *   npx ts-node --transpile-only scripts/bench/resilience-overhead.bench.ts [calls=5000]
 *
 * Both paths use the same axios settings (keep-alive agent, body read as text) and the same JSON.parse and
 * mapper, so the difference is the policies and the bookkeeping only. Calls run one at a time, alternating
 * between the two paths (and which goes first) so drift in the machine affects both equally.
 * Target: ≤ 1 ms added at p50. Exits 1 when the target is missed.
 */
import { Logger } from '@nestjs/common';
import axios from 'axios';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { resilienceOptions } from '../../src/clients/common/resilience.options';
import { ResilientHttp } from '../../src/clients/common/resilient-http';
import { UpstreamMetrics } from '../../src/clients/common/upstream-metrics.service';
import { mapMempoolStats } from '../../src/clients/mempool/mempool.mapper';
import { mempoolDouble } from '../../test/doubles/mempool.double';

const CALLS = Number(process.argv[2] ?? 5000);
const WARMUP = Math.min(1000, Math.ceil(CALLS / 5));
const PATH = '/v1/lightning/statistics/latest';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main(): Promise<void> {
  Logger.overrideLogger(false);
  const double = mempoolDouble();
  await double.start();
  const baseUrl = `${double.url}/api`;

  const direct = axios.create({
    baseURL: baseUrl,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 4 }),
    headers: { Accept: 'application/json' },
    responseType: 'text',
    transformResponse: [(d: unknown) => d],
    maxRedirects: 0,
  });
  const resilient = new ResilientHttp({
    upstream: 'mempool',
    baseUrl,
    metrics: new UpstreamMetrics(),
    options: resilienceOptions('mempool', 5000, { maxConcurrent: 4 }),
  });

  const viaAxios = async () => mapMempoolStats(JSON.parse((await direct.get<string>(PATH)).data));
  const viaResilience = () => resilient.request({ operation: 'statistics', path: PATH, parse: mapMempoolStats });

  for (let i = 0; i < WARMUP; i++) {
    await viaAxios();
    await viaResilience();
  }
  const a: number[] = [];
  const r: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < CALLS; i++) {
    if (i % 2 === 0) {
      await time(viaAxios, a);
      await time(viaResilience, r);
    } else {
      await time(viaResilience, r);
      await time(viaAxios, a);
    }
  }
  a.sort((x, y) => x - y);
  r.sort((x, y) => x - y);
  const row = (name: string, s: number[]) => ({ path: name, p50_ms: +percentile(s, 50).toFixed(3), p99_ms: +percentile(s, 99).toFixed(3), mean_ms: +(s.reduce((x, y) => x + y, 0) / s.length).toFixed(3) });
  const rows = [row('direct axios', a), row('ResilientHttp', r)];
  const addedP50 = rows[1].p50_ms - rows[0].p50_ms;
  const addedP99 = rows[1].p99_ms - rows[0].p99_ms;
  console.log(`resilience overhead: ${CALLS} sequential calls per path to a local mempool double (Node ${process.version})`);
  console.table(rows);
  console.log(`added by the resilience layer: p50 ${addedP50.toFixed(3)} ms, p99 ${addedP99.toFixed(3)} ms (target p50 <= 1 ms: ${addedP50 <= 1 ? 'met' : 'MISSED'})`);

  resilient.close();
  (direct.defaults.httpAgent as http.Agent).destroy();
  await double.stop();
  if (addedP50 > 1) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
