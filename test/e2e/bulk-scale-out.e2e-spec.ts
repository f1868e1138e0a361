import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { RedisServer, freePort, startRedisServer } from '../utils/redis-server';

const ROOT = join(__dirname, '..', '..');
const BULK = '/api/v1/nodes/bulk-analysis';

interface Instance {
  proc: ChildProcess;
  base: string;
  output: string[];
}

async function startInstance(redisUrl: string): Promise<Instance> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      REDIS_URL: redisUrl,
      APP_ROLE: 'all',
      LOG_LEVEL: 'warn',
      GRAPH_HISTORY_SNAPSHOTS: '',
      BULK_CHUNK_SIZE: '20',
      // A dead worker's chunk is taken over after ~2 s instead of BullMQ's default 30 s.
      BULK_STALLED_INTERVAL_MS: '2000',
      WORKERS: '1',
      // Not the flow model's load (two worker threads per process) on top of the bulk work under test.
      FLOW_MODEL: 'false',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
      RATE_LIMIT_EDGE_PER_MINUTE: '0',
    },
  });
  const output: string[] = [];
  proc.stdout!.on('data', (d) => output.push(String(d)));
  proc.stderr!.on('data', (d) => output.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (await fetch(`${base}/api/v1/health/ready`).then((r) => r.ok, () => false)) return { proc, base, output };
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`instance did not become ready:\n${output.join('').slice(-3000)}`);
}

async function json(url: string, init?: RequestInit) {
  const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json' } });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('bulk analysis scales out over one Redis', () => {
  let redis: RedisServer;
  let a: Instance;
  let b: Instance;
  let pubkeys: string[];

  beforeAll(async () => {
    redis = await startRedisServer();
    [a, b] = await Promise.all([startInstance(redis.url), startInstance(redis.url)]);
    const { loadGraphSnapshot } = await import('../../src/graph/loaders/graph-snapshot.loader');
    // Every third node: hubs and small nodes mixed, as in a real run (the file lists the biggest hubs first).
    pubkeys = loadGraphSnapshot(join(ROOT, 'data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz')).pubkeys.filter((_, i) => i % 3 === 0);
  }, 180_000);

  afterAll(async () => {
    for (const i of [a, b]) i?.proc.kill('SIGKILL');
    await redis?.stop();
  });

  it('both processes take items of one job; its status reads the same through either', async () => {
    const submit = await json(`${a.base}${BULK}`, { method: 'POST', body: JSON.stringify({ pubkeys: pubkeys.slice(0, 2000), analysis_types: ['basic', 'recommendations'] }) });
    expect(submit.status).toBe(202);
    const id = submit.body.job_id as string;
    let viaB: Record<string, any> = {};
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      viaB = (await json(`${b.base}${BULK}/${id}?page_size=1`)).body;
      if (viaB.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(viaB).toMatchObject({ status: 'completed', progress: { done: 2000, total: 2000 } });
    const workers = Object.keys(viaB.workers);
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => Number(w.split(':').pop())).sort()).toEqual([a.proc.pid, b.proc.pid].sort());
    const viaA = (await json(`${a.base}${BULK}/${id}?page=7&page_size=100`)).body;
    const againViaB = (await json(`${b.base}${BULK}/${id}?page=7&page_size=100`)).body;
    expect(viaA.results).toEqual(againViaB.results);
  }, 180_000);

  it('a process killed mid-job does not lose the job: the other finishes every item, each with one result', async () => {
    const submit = await json(`${a.base}${BULK}`, { method: 'POST', body: JSON.stringify({ pubkeys, analysis_types: ['basic', 'recommendations', 'priorities'] }) });
    expect(submit.status).toBe(202);
    const id = submit.body.job_id as string;
    // Kill B once it has started taking chunks.
    const killUntil = Date.now() + 60_000;
    let killedAt = -1;
    while (Date.now() < killUntil) {
      const s = (await json(`${a.base}${BULK}/${id}?page_size=1`)).body;
      if (s.workers[`${Object.keys(s.workers).find((w) => w.endsWith(`:${b.proc.pid}`)) ?? ''}`] > 0) {
        killedAt = s.progress.done;
        b.proc.kill('SIGKILL');
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(killedAt).toBeGreaterThanOrEqual(0);
    expect(killedAt).toBeLessThan(pubkeys.length);
    let s: Record<string, any> = {};
    const until = Date.now() + 150_000;
    while (Date.now() < until) {
      s = (await json(`${a.base}${BULK}/${id}?page_size=1`)).body;
      if (s.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(s).toMatchObject({ status: 'completed', progress: { done: pubkeys.length, total: pubkeys.length } });
    // Items are keyed by index: a chunk re-run after the kill rewrote the same items, never added any.
    const counted = Object.values(s.workers as Record<string, number>).reduce((x, y) => x + y, 0);
    expect(counted).toBe(pubkeys.length);
    expect(Object.keys(s.workers).some((w) => w.endsWith(`:${a.proc.pid}`))).toBe(true);
  }, 240_000);
});
