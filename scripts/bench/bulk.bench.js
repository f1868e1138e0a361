#!/usr/bin/env node
/**
 * Bulk-analysis benchmark (not a test): `npm run bench:bulk` (builds first; needs redis-server on the PATH).
 * On the whole embedded 2026 graph (17,324 nodes, submitted as two jobs: the API takes 10,000 pubkeys a job):
 *   1. `basic` in one process: nodes/s (target >= 1,000);
 *   2. `basic,network_position,recommendations` in one process (APP_ROLE=all) and in two processes (all + worker)
 *      on one Redis: time and nodes/s of each, and the speed-up (targets: <= 30 s; >= 1.6x with two);
 *   3. Redis memory held by one job of 10,000 nodes with those three types (MEMORY USAGE … SAMPLES 0).
 *
 * How a run is timed: from just before the first submission to the later of the two jobs' `finished_at` (set by
 * the worker that wrote the last item; same machine, same clock). The client polls every 100 ms only to learn
 * that the jobs are done: a fine-grained poll would put the benchmark's own client on the two cores it measures.
 * Both configurations are started side by side on one Redis (distinct namespaces), run once untimed each (per-
 * process indexes are built on first use), then alternate for BENCH_RUNS runs each (default 5); a run's jobs are
 * deleted after it, so every run finds the same Redis. The speed-up is the ratio of the two medians. CPU seconds
 * per process, and the time each app's main thread spent runnable but waiting for a core (from /proc), say where
 * the time went: with two processes, Redis and the garbage collectors' threads compete with both for two cores.
 * Knobs: BENCH_RUNS, BENCH_CHUNK (BULK_CHUNK_SIZE), BENCH_CONCURRENCY (BULK_WORKER_CONCURRENCY); unset, the app's defaults.
 */
const { sleep, freePort, loadEmbeddedGraph, spawnApp, waitUntilReady, cpuSeconds, runqueueWaitSeconds, BenchRedis } = require('./bench-kit');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FULL = ['basic', 'network_position', 'recommendations'];

async function startApp(redisUrl, role, namespace) {
  const port = await freePort();
  const proc = spawnApp(port, {
    REDIS_URL: redisUrl,
    APP_ROLE: role,
    CACHE_NAMESPACE: namespace,
    ...(process.env.BENCH_CHUNK ? { BULK_CHUNK_SIZE: process.env.BENCH_CHUNK } : {}),
    ...(process.env.BENCH_CONCURRENCY ? { BULK_WORKER_CONCURRENCY: process.env.BENCH_CONCURRENCY } : {}),
    WORKERS: '1',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(base);
  return { proc, base, namespace };
}

/** Submits the whole graph as jobs of 10,000 through `app`, waits for them; seconds from submission to the last item. */
async function runJobs(app, pubkeys, types) {
  const startedAt = Date.now();
  const ids = [];
  for (let i = 0; i < pubkeys.length; i += 10000) {
    const res = await fetch(`${app.base}/api/v1/nodes/bulk-analysis`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pubkeys: pubkeys.slice(i, i + 10000), analysis_types: types }) });
    const body = await res.json();
    if (res.status !== 202) throw new Error(`submit: ${res.status} ${JSON.stringify(body)}`);
    ids.push(body.job_id);
  }
  const workers = {};
  let finishedAt = 0;
  for (const id of ids) {
    for (;;) {
      const s = await (await fetch(`${app.base}/api/v1/nodes/bulk-analysis/${id}?page_size=1`)).json();
      if (s.status === 'completed') {
        for (const [w, n] of Object.entries(s.workers)) workers[w] = (workers[w] ?? 0) + n;
        finishedAt = Math.max(finishedAt, Date.parse(s.timings.finished_at));
        break;
      }
      if (s.status !== 'queued' && s.status !== 'running') throw new Error(`job ${id} ${s.status}`);
      await sleep(100);
    }
  }
  const seconds = (finishedAt - startedAt) / 1000;
  return { seconds, rate: pubkeys.length / seconds, ids, workers };
}

/** One configuration: the app that takes submissions, and every process whose CPU time is counted (Redis first). */
class Config {
  constructor(label, app, pids) {
    Object.assign(this, { label, app, pids, runs: [], cpu: pids.map(() => 0), waits: pids.slice(1).map(() => 0), bytes: null });
  }

  async run(redis, pubkeys, timed) {
    const cpu0 = this.pids.map(cpuSeconds);
    const wait0 = this.pids.slice(1).map(runqueueWaitSeconds);
    const run = await runJobs(this.app, pubkeys, FULL);
    if (timed) {
      this.pids.forEach((pid, i) => (this.cpu[i] += cpuSeconds(pid) - cpu0[i]));
      this.pids.slice(1).forEach((pid, i) => (this.waits[i] += runqueueWaitSeconds(pid) - wait0[i]));
      this.runs.push(run);
      if (this.bytes === null) this.bytes = ['spec', 'meta', 'items', 'counts'].reduce((s, p) => s + Number(redis.cli('memory', 'usage', `${this.app.namespace}:bulk:${run.ids[0]}:${p}`, 'samples', '0').trim() || 0), 0);
    }
    // Every run finds the same Redis: the jobs of the previous one are gone.
    for (const id of run.ids) redis.cli('del', ...['spec', 'meta', 'items', 'counts'].map((p) => `${this.app.namespace}:bulk:${id}:${p}`));
    return run;
  }

  get median() {
    const s = this.runs.map((r) => r.seconds).sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  }

  report(total) {
    const perRun = (xs) => xs.map((c) => (c / this.runs.length).toFixed(2)).join(' / ');
    const who = this.label === '1 process' ? 'api+worker' : 'api+worker / worker';
    return `${FULL.join('+')}, ${this.label}: median ${this.median.toFixed(2)} s = ${(total / this.median).toFixed(0)} nodes/s (runs: ${this.runs.map((r) => r.seconds.toFixed(2)).join(' ')}); CPU seconds per run: ${perRun(this.cpu)} (redis / ${who}); main thread waiting for a CPU per run: ${perRun(this.waits)} s (${who})`;
  }
}

async function main() {
  const { pubkeys } = loadEmbeddedGraph().graph;
  const redis = await BenchRedis.start();
  const procs = [redis.proc];
  try {
    // Both configurations stay up side by side (an idle process costs nothing) and their runs alternate, so a
    // slow spell of this shared machine falls on both rather than on whichever happened to run then.
    const one = await startApp(redis.url, 'all', 'bench1');
    const a = await startApp(redis.url, 'all', 'bench2');
    const b = await startApp(redis.url, 'worker', 'bench2');
    procs.push(one.proc, a.proc, b.proc);
    const basic = await runJobs(one, pubkeys, ['basic']);
    console.log(`basic, 1 process: ${pubkeys.length} nodes in ${basic.seconds.toFixed(2)} s = ${basic.rate.toFixed(0)} nodes/s (target >= 1,000)`);
    redis.cli('flushall');
    const single = new Config('1 process', one, [redis.proc.pid, one.proc.pid]);
    const two = new Config('2 processes', a, [redis.proc.pid, a.proc.pid, b.proc.pid]);
    for (const c of [single, two]) await c.run(redis, pubkeys, false);
    for (let r = 0; r < RUNS; r++) for (const c of [single, two]) await c.run(redis, pubkeys, true);

    console.log(`${single.report(pubkeys.length)} (target <= 30 s)`);
    console.log(`Redis memory for one job of 10,000 nodes (${FULL.join(',')}): ${(single.bytes / 1e6).toFixed(1)} MB (${(single.bytes / 10000 / 1024).toFixed(1)} KB per node)`);
    console.log(`${two.report(pubkeys.length)}; items per worker (last run) ${JSON.stringify(two.runs[RUNS - 1].workers)}`);
    const paired = single.runs.map((r, i) => r.seconds / two.runs[i].seconds).sort((x, y) => x - y);
    console.log(`speed-up with two processes: ${(single.median / two.median).toFixed(2)}x (ratio of medians; target >= 1.6x); run by run ${paired[0].toFixed(2)}-${paired[paired.length - 1].toFixed(2)}x`);
  } finally {
    for (const p of procs) p.kill('SIGTERM');
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
