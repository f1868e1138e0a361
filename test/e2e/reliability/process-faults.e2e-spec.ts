import { createClient } from '@keyv/redis';
import { join } from 'node:path';
import { RedisServer, startRedisServer } from '../../utils/redis-server';
import { ROOT, SpawnedApp, spawnApp, startSlowRequest } from '../deploy/spawned-app';

/**
 * SIGTERM to a worker process in the middle of a bulk job while it also serves a request: the request
 * finishes, the process exits cleanly, the job finishes on the other process with every item counted once and
 * each equal to what the API computes inline. SIGKILL of a worker is proven in
 * test/e2e/bulk-scale-out.e2e-spec.ts; SIGTERM with an in-flight request alone in
 * test/e2e/deploy/graceful-shutdown.e2e-spec.ts.
 */
const BULK = '/api/v1/nodes/bulk-analysis';
const API_KEY = 'reliability-api-key-5f2c9e81d7';
const SECRET_KEY = 'reliability-signing-secret-8b3a61';
const REDIS_PASSWORD = 'reliability-redis-pw-4e7d';
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';

async function call(base: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, { ...init, headers: { 'Content-Type': 'application/json', 'X-API-Key': API_KEY } });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('SIGTERM to a worker process during a bulk job and a request', () => {
  let redis: RedisServer;
  let a: SpawnedApp;
  let b: SpawnedApp;
  let pubkeys: string[];
  const measured: Record<string, unknown> = {};

  beforeAll(async () => {
    redis = await startRedisServer();
    const admin = createClient({ url: redis.url });
    await admin.connect();
    await admin.configSet('requirepass', REDIS_PASSWORD);
    await admin.close();
    const env = (role: string) => ({
      REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`,
      APP_ROLE: role,
      API_KEYS: API_KEY,
      SECRET_KEY,
      BULK_CHUNK_SIZE: '20',
      BULK_STALLED_INTERVAL_MS: '2000',
      WORKERS: '1',
      SHUTDOWN_TIMEOUT_MS: '15000',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
      RATE_LIMIT_EDGE_PER_MINUTE: '0',
    });
    const t0 = Date.now();
    [a, b] = await Promise.all([spawnApp(env('all'), 60_000), spawnApp(env('worker'), 60_000)]);
    measured.boot_two_processes_ms = Date.now() - t0;
    const { loadGraphSnapshot } = await import('../../../src/graph/loaders/graph-snapshot.loader');
    pubkeys = loadGraphSnapshot(join(ROOT, 'data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz')).pubkeys.filter((_, i) => i % 11 === 0).slice(0, 600);
  }, 90_000);

  afterAll(async () => {
    // RELIABILITY_FIGURES=1 prints what was measured (for docs/RELIABILITY.md).
    if (process.env.RELIABILITY_FIGURES) console.log(JSON.stringify(measured, null, 1));
    for (const p of [a, b]) if (p && p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGKILL');
    await redis?.stop();
  });

  it('the in-flight request answers 200, the worker exits cleanly, and the job completes on the other process with identical results', async () => {
    const submit = await call(a.base, BULK, { method: 'POST', body: JSON.stringify({ pubkeys, analysis_types: ['basic', 'recommendations', 'priorities'] }) });
    expect(submit.status).toBe(202);
    const id = submit.body.job_id as string;
    const bWorker = (s: Record<string, any>) => Object.entries(s.workers as Record<string, number>).find(([w]) => w.endsWith(`:${b.proc.pid}`))?.[1] ?? 0;

    let atTerm: Record<string, any> = {};
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      atTerm = (await call(a.base, `${BULK}/${id}?page_size=1`)).body;
      if (bWorker(atTerm) > 0) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(bWorker(atTerm)).toBeGreaterThan(0);
    expect(atTerm.progress.done).toBeLessThan(pubkeys.length);

    // A request in flight on B (its body still arriving) when SIGTERM lands.
    const slow = await startSlowRequest(b.port, `/api/v1/node/${ACINQ}/info`, { 'X-API-Key': API_KEY });
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    b.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    slow.finish();
    const raw = await slow.response;
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(raw).toContain(`"pubkey":"${ACINQ}"`);
    const exit = await b.exited;
    measured.worker_exit = { ...exit, after_ms: Date.now() - t0, b_items_at_sigterm: bWorker(atTerm), done_at_sigterm: atTerm.progress.done };
    // Nest's shutdown hooks re-raise the signal once everything is closed (as in graceful-shutdown.e2e-spec.ts).
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(b.output()).not.toMatch(/SHUTDOWN_TIMEOUT_MS/);
    // Its chunks in flight at SIGTERM were finished and written, not dropped halfway for another worker to redo.
    expect(b.output()).not.toMatch(/bulk chunk \S+ failed/);
    expect(Date.now() - t0).toBeLessThan(15_000);

    let s: Record<string, any> = {};
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      s = (await call(a.base, `${BULK}/${id}?page_size=1`)).body;
      if (s.status !== 'queued' && s.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    measured.job = { status: s.status, progress: s.progress, workers: s.workers };
    expect(s).toMatchObject({ status: 'completed', progress: { done: pubkeys.length, total: pubkeys.length } });
    const counted = Object.values(s.workers as Record<string, number>).reduce((x, y) => x + y, 0);
    expect(counted).toBe(pubkeys.length);
    expect(Object.keys(s.workers).some((w) => w.endsWith(`:${a.proc.pid}`))).toBe(true);
    expect(bWorker(s)).toBeGreaterThan(0);

    // Every item, whichever process ran it (and however often), equals what the API computes inline now.
    const strip = (r: Record<string, unknown>) => ({ pubkey: r.pubkey, basic: r.basic, recommendations: r.recommendations });
    let compared = 0;
    for (let page = 0; page * 50 < pubkeys.length; page++) {
      const job = (await call(a.base, `${BULK}/${id}?page=${page}&page_size=50`)).body;
      const inline = (await call(a.base, BULK, { method: 'POST', body: JSON.stringify({ pubkeys: pubkeys.slice(page * 50, page * 50 + 50), analysis_types: ['basic', 'recommendations'] }) })).body;
      expect(job.results.map(strip)).toEqual(inline.results.map(strip));
      expect(job.errors).toEqual(inline.errors);
      compared += job.results.length + job.errors.length;
    }
    measured.items_compared = compared;
    expect(compared).toBe(pubkeys.length);
  }, 120_000);

  it('neither process wrote the API key, the signing secret or the Redis password to its logs', () => {
    const out = a.output() + b.output();
    expect(out).toMatch(/"level":/);
    for (const secret of [API_KEY, SECRET_KEY, REDIS_PASSWORD]) expect(out).not.toContain(secret);
  });
});
