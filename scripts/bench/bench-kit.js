/**
 * What the benchmarks share: the repository root, ports and pauses, the embedded 2026 graph read through the
 * compiled code (dist/, so `npm run build` first), and a redis-server of their own.
 */
const { spawn, spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const EMBEDDED_2026 = path.join(ROOT, 'data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const dist = (p) => require(path.join(ROOT, 'dist', p));

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU time a process has used so far (user + system), in seconds (Linux; clock ticks of 10 ms). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Seconds a process's main thread has spent runnable but waiting for a CPU (Linux schedstat). */
function runqueueWaitSeconds(pid) {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
}

/** Busy and total CPU time of the whole machine so far, in seconds (Linux /proc/stat; idle and iowait are not busy). */
function machineCpuSeconds() {
  const t = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = t.reduce((a, b) => a + b, 0);
  return { busy: (total - t[3] - t[4]) / 100, total: total / 100 };
}

/** The embedded 2026 graph and its network ranks. */
function loadEmbeddedGraph() {
  const graph = dist('graph/loaders/graph-snapshot.loader.js').loadGraphSnapshot(EMBEDDED_2026);
  return { graph, ranks: dist('graph/stats/node-stats.js').computeNetworkRanks(graph) };
}

/** Routable nodes (degree > 0), fewest channels first, ties by pubkey: the median node is the middle one. */
function routableByDegree({ graph, ranks }) {
  return [...Array(graph.nodeCount).keys()].filter((v) => ranks.degree[v] > 0).sort((a, b) => ranks.degree[a] - ranks.degree[b] || (graph.pubkeys[a] < graph.pubkeys[b] ? -1 : 1));
}

/**
 * Starts the compiled app (dist/main.js) on `port`, logging warnings only and with rate limits out of the way of
 * the load; `env` adds to or overrides that. Returns the child at once: callers time or await readiness themselves.
 * APP_NODE_ARGS passes options to its node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, which NODE_OPTIONS refuses).
 */
function spawnApp(port, env = {}) {
  const nodeArgs = process.env.APP_NODE_ARGS ? process.env.APP_NODE_ARGS.split(' ').filter(Boolean) : [];
  return spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000', RATE_LIMIT_EDGE_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Polls GET /api/v1/health/ready every `everyMs` until the app answers 200. */
async function waitUntilReady(base, everyMs = 50) {
  while (!(await fetch(`${base}/api/v1/health/ready`).then((r) => r.ok, () => false))) await sleep(everyMs);
}

/** A redis-server on a free port; with `dir`, append-only persistence there, so a killed server restarts with its data. */
class BenchRedis {
  constructor(port, dir) {
    this.port = port;
    this.dir = dir;
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async start(dir) {
    const redis = new BenchRedis(await freePort(), dir);
    await redis.start();
    return redis;
  }

  async start() {
    const persistence = this.dir ? ['--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
    this.proc = spawn('redis-server', ['--port', String(this.port), '--save', '', ...persistence], { stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      if (this.cli('ping').includes('PONG')) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  cli(...args) {
    return spawnSync('redis-cli', ['-p', String(this.port), ...args]).stdout?.toString() ?? '';
  }

  kill() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve();
    return new Promise((r) => { this.proc.once('exit', r); this.proc.kill('SIGKILL'); });
  }
}

module.exports = { ROOT, EMBEDDED_2026, sleep, freePort, dist, rssMb, cpuSeconds, runqueueWaitSeconds, machineCpuSeconds, loadEmbeddedGraph, routableByDegree, spawnApp, waitUntilReady, BenchRedis };
