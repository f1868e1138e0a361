#!/usr/bin/env node
/**
 * Bulk-analysis benchmark (not a test): `npm run bench:bulk` (builds first; needs redis-server on the PATH).
 * On the whole embedded 2026 graph (17,324 nodes, submitted as two jobs: the API takes 10,000 pubkeys a job):
 *   1. `basic` in one process: nodes/s (target >= 1,000);
 *   2. `basic,network_position,recommendations` in one process (APP_ROLE=all) and in two processes (all + worker)
 *      on one Redis: wall time and nodes/s of each, and the speed-up (targets: <= 30 s; >= 1.6x with two);
 *   3. Redis memory held by one job of 10,000 nodes with those three types (MEMORY USAGE … SAMPLES 0).
 * Each configuration runs the job once untimed first, so both are measured warm.
 * Knobs: BENCH_CHUNK (BULK_CHUNK_SIZE, default 200), BENCH_CONCURRENCY (BULK_WORKER_CONCURRENCY, default 1).
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, sleep, freePort, loadEmbeddedGraph, waitUntilReady, BenchRedis } = require('./bench-kit');

async function startApp(redisUrl, role, namespace) {
  const port = await freePort();
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), REDIS_URL: redisUrl, APP_ROLE: role, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000', CACHE_NAMESPACE: namespace, BULK_CHUNK_SIZE: process.env.BENCH_CHUNK ?? '200', BULK_WORKER_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '1', WORKERS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(base);
  return { proc, base };
}

async function runJobs(base, pubkeys, types) {
  const t0 = performance.now();
  const ids = [];
  for (let i = 0; i < pubkeys.length; i += 10000) {
    const res = await fetch(`${base}/api/v1/nodes/bulk-analysis`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pubkeys: pubkeys.slice(i, i + 10000), analysis_types: types }) });
    const body = await res.json();
    if (res.status !== 202) throw new Error(`submit: ${res.status} ${JSON.stringify(body)}`);
    ids.push(body.job_id);
  }
  const workers = {};
  for (const id of ids) {
    for (;;) {
      const s = await (await fetch(`${base}/api/v1/nodes/bulk-analysis/${id}?page_size=1`)).json();
      if (s.status === 'completed') {
        for (const [w, n] of Object.entries(s.workers)) workers[w] = (workers[w] ?? 0) + n;
        break;
      }
      if (s.status !== 'queued' && s.status !== 'running') throw new Error(`job ${id} ${s.status}`);
      await sleep(10); // fine-grained: the whole run lasts about a second, a coarse poll would blur it
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, rate: pubkeys.length / seconds, ids, workers };
}

async function main() {
  const { pubkeys } = loadEmbeddedGraph().graph;
  const full = ['basic', 'network_position', 'recommendations'];
  const redis = await BenchRedis.start();
  const procs = [redis.proc];
  try {
    const one = await startApp(redis.url, 'all', 'bench1');
    procs.push(one.proc);
    const basic = await runJobs(one.base, pubkeys, ['basic']);
    console.log(`basic, 1 process: ${pubkeys.length} nodes in ${basic.seconds.toFixed(2)} s = ${basic.rate.toFixed(0)} nodes/s (target >= 1,000)`);
    await runJobs(one.base, pubkeys, full); // warm-up, untimed: per-process indexes are built on first use
    const single = await runJobs(one.base, pubkeys, full);
    console.log(`basic+network_position+recommendations, 1 process: ${single.seconds.toFixed(2)} s = ${single.rate.toFixed(0)} nodes/s (target <= 30 s)`);
    const keys = ['spec', 'meta', 'items', 'counts'].map((p) => `bench1:bulk:${single.ids[0]}:${p}`);
    const bytes = keys.reduce((s, k) => s + Number(redis.cli('memory', 'usage', k, 'samples', '0').trim() || 0), 0);
    console.log(`Redis memory for one job of 10,000 nodes (${full.join(',')}): ${(bytes / 1e6).toFixed(1)} MB (${(bytes / 10000 / 1024).toFixed(1)} KB per node)`);
    one.proc.kill('SIGTERM');
    await sleep(500);

    const a = await startApp(redis.url, 'all', 'bench2');
    const b = await startApp(redis.url, 'worker', 'bench2');
    procs.push(a.proc, b.proc);
    await runJobs(a.base, pubkeys, full); // the same untimed warm-up for both processes
    const two = await runJobs(a.base, pubkeys, full);
    console.log(`basic+network_position+recommendations, 2 processes: ${two.seconds.toFixed(2)} s = ${two.rate.toFixed(0)} nodes/s; items per worker ${JSON.stringify(two.workers)}`);
    console.log(`speed-up with two processes: ${(single.seconds / two.seconds).toFixed(2)}x (target >= 1.6x)`);
  } finally {
    for (const p of procs) p.kill('SIGTERM');
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
