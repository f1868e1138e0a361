#!/usr/bin/env node
/**
 * Bulk-analysis benchmark (not a test): `npm run bench:bulk` (builds first; needs redis-server on the PATH).
 * On the whole embedded 2026 graph (17,324 nodes, submitted as two jobs: the API takes 10,000 pubkeys a job):
 *   1. `basic` in one process: nodes/s (target >= 1,000);
 *   2. `basic,network_position,recommendations` in one process (APP_ROLE=all) and in two processes (all + worker)
 *      on one Redis: time and nodes/s of each, and the speed-up (targets: <= 30 s; >= 1.6x with two);
 *   3. Redis memory held by one job of 10,000 nodes with those three types (MEMORY USAGE … SAMPLES 0);
 *   4. the highest speed-up the machine allows: the one-process median over the two processes' CPU seconds per
 *      run spread over all cores (no run can be shorter than that).
 *
 * How a run is timed: from just before the first submission to the later of the two jobs' `finished_at` (set by
 * the worker that wrote the last item; same machine, same clock). The client polls every 100 ms only to learn
 * that the jobs are done: a fine-grained poll would put the benchmark's own client on the two cores it measures.
 * BENCH_ROUNDS rounds (default 3), each with fresh processes: both configurations are started side by side on one
 * Redis (distinct namespaces), run once untimed each (per-process indexes are built on first use), then alternate
 * for BENCH_RUNS runs each (default 3); a run's jobs are deleted after it, so every run finds the same Redis. The
 * speed-up is the ratio of the medians of all runs, shown round by round as well. CPU seconds
 * per process, and the time each app's main thread spent runnable but waiting for a core (from /proc), say where
 * the time went: with two processes, Redis and the garbage collectors' threads compete with both for two cores.
 * Knobs: BENCH_ROUNDS, BENCH_RUNS, BENCH_CHUNK (BULK_CHUNK_SIZE), BENCH_CONCURRENCY (BULK_WORKER_CONCURRENCY); unset, the app's defaults.
 */
const { availableParallelism } = require('node:os');
const { dist, sleep, freePort, loadEmbeddedGraph, spawnApp, waitUntilReady, cpuSeconds, runqueueWaitSeconds, machineCpuSeconds, BenchRedis } = require('./bench-kit');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
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

/** One configuration's timed runs across rounds; each round brings its own processes (Redis first in `pids`). */
class Config {
  constructor(label) {
    Object.assign(this, { label, runs: [], rounds: [], cpu: [], waits: [], machine: { busy: 0, total: 0 }, bytes: null });
  }

  async run(redis, { app, pids }, pubkeys, timed) {
    const cpu0 = pids.map(cpuSeconds);
    const wait0 = pids.slice(1).map(runqueueWaitSeconds);
    const machine0 = machineCpuSeconds();
    const run = await runJobs(app, pubkeys, FULL);
    if (timed) {
      const machine = machineCpuSeconds();
      this.machine.busy += machine.busy - machine0.busy;
      this.machine.total += machine.total - machine0.total;
      pids.forEach((pid, i) => (this.cpu[i] = (this.cpu[i] ?? 0) + cpuSeconds(pid) - cpu0[i]));
      pids.slice(1).forEach((pid, i) => (this.waits[i] = (this.waits[i] ?? 0) + runqueueWaitSeconds(pid) - wait0[i]));
      this.runs.push(run);
      if (this.bytes === null) this.bytes = ['spec', 'meta', 'items', 'counts'].reduce((s, p) => s + Number(redis.cli('memory', 'usage', `${app.namespace}:bulk:${run.ids[0]}:${p}`, 'samples', '0').trim() || 0), 0);
    }
    // Every run finds the same Redis: the jobs of the previous one are gone.
    for (const id of run.ids) redis.cli('del', ...['spec', 'meta', 'items', 'counts'].map((p) => `${app.namespace}:bulk:${id}:${p}`));
    return run;
  }

  endRound() {
    this.rounds.push(median(this.runs.slice(this.rounds.length * RUNS).map((r) => r.seconds)));
  }

  /** CPU seconds of all the configuration's processes, Redis included, per timed run. */
  get cpuPerRun() {
    return this.cpu.reduce((a, b) => a + b, 0) / this.runs.length;
  }

  get median() {
    return median(this.runs.map((r) => r.seconds));
  }

  report(total) {
    const perRun = (xs) => xs.map((c) => (c / this.runs.length).toFixed(2)).join(' / ');
    const who = this.label === '1 process' ? 'api+worker' : 'api+worker / worker';
    return `${FULL.join('+')}, ${this.label}: median ${this.median.toFixed(2)} s = ${(total / this.median).toFixed(0)} nodes/s (round medians: ${this.rounds.map((x) => x.toFixed(2)).join(' ')}); CPU seconds per run: ${perRun(this.cpu)} (redis / ${who}); main thread waiting for a CPU per run: ${perRun(this.waits)} s (${who}); machine busy ${((this.machine.busy / this.machine.total) * 100).toFixed(0)} % of all cores (submission to the last poll)`;
  }
}

/** The app's own median (of ascending values), over run times in any order. */
function median(xs) {
  return dist('graph/stats/ranking.js').median([...xs].sort((a, b) => a - b));
}

async function main() {
  const { pubkeys } = loadEmbeddedGraph().graph;
  const redis = await BenchRedis.start();
  const single = new Config('1 process');
  const two = new Config('2 processes');
  let lastWorkers = {};
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Fresh processes each round: one process can run 10 % faster or slower than the next for its whole life
      // (same code, same machine), and a ratio taken from a single set of processes carries that luck.
      // Within a round both configurations stay up side by side (an idle process costs nothing) and their runs
      // alternate, so a slow spell of this shared machine falls on both.
      redis.cli('flushall');
      const one = await startApp(redis.url, 'all', 'bench1');
      const a = await startApp(redis.url, 'all', 'bench2');
      const b = await startApp(redis.url, 'worker', 'bench2');
      try {
        if (round === 0) {
          const basic = await runJobs(one, pubkeys, ['basic']);
          console.log(`basic, 1 process: ${pubkeys.length} nodes in ${basic.seconds.toFixed(2)} s = ${basic.rate.toFixed(0)} nodes/s (target >= 1,000)`);
        }
        const procs = new Map([[single, { app: one, pids: [redis.proc.pid, one.proc.pid] }], [two, { app: a, pids: [redis.proc.pid, a.proc.pid, b.proc.pid] }]]);
        for (const [c, p] of procs) await c.run(redis, p, pubkeys, false);
        for (let r = 0; r < RUNS; r++) for (const [c, p] of procs) lastWorkers = (await c.run(redis, p, pubkeys, true)).workers;
        for (const c of [single, two]) c.endRound();
        console.log(`round ${round + 1} of ${ROUNDS}: 1 process ${single.rounds[round].toFixed(2)} s, 2 processes ${two.rounds[round].toFixed(2)} s, speed-up ${(single.rounds[round] / two.rounds[round]).toFixed(2)}x`);
      } finally {
        await Promise.all([one, a, b].map(stop));
      }
    }

    console.log(`${single.report(pubkeys.length)} (target <= 30 s)`);
    console.log(`Redis memory for one job of 10,000 nodes (${FULL.join(',')}): ${(single.bytes / 1e6).toFixed(1)} MB (${(single.bytes / 10000 / 1024).toFixed(1)} KB per node)`);
    console.log(`${two.report(pubkeys.length)}; items per worker (last run) ${JSON.stringify(lastWorkers)}`);
    const perRound = single.rounds.map((x, i) => x / two.rounds[i]).sort((x, y) => x - y);
    console.log(`speed-up with two processes: ${(single.median / two.median).toFixed(2)}x (ratio of the medians of all ${ROUNDS * RUNS} runs; target >= 1.6x); round by round ${perRound.map((x) => x.toFixed(2)).join(' ')}x`);
    // Two processes cannot finish sooner than their CPU seconds (Redis, both apps, their GC threads) spread over
    // every core: that bounds the speed-up whatever the scheduling, and says whether a shortfall is the machine's.
    const cores = availableParallelism();
    const floor = two.cpuPerRun / cores;
    console.log(`ceiling of that speed-up on ${cores} cores: ${(single.median / floor).toFixed(2)}x (1-process median / (2-process CPU seconds per run ${two.cpuPerRun.toFixed(2)} / ${cores}): every core busy all the time)`);
  } finally {
    redis.proc.kill('SIGTERM');
  }
}

/** SIGTERM, then wait for the exit, so the next round's processes do not share the cores with a dying one. */
function stop({ proc }) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', resolve);
    proc.kill('SIGTERM');
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
