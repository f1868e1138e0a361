import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../utils/redis-server';

const ROOT = join(__dirname, '..', '..');
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const SECRETS = ['sk-live-SPARKSEER-secret-0001', 'openai-secret-0002', 'bearer-secret-0003', 'x-api-key-secret-0004', 'lnbits-secret-0005'];
/** Secrets a client misplaced in the query string: the request is refused, and its log line must not hold them. */
const QUERY_SECRETS = { api_key: 'query-secret-0006', token: 'query-secret-0007', rune: 'query-secret-0008', 'X-Auth-Token': 'query-secret-0009', password: 'query-secret-0010' };
/** A search by a 65-character pubkey prefix identifies the node as well as the pubkey does. */
const PREFIX_65 = ACINQ.slice(0, 65);
/** X-Request-Id values that do not look like ids (too long, spaces, markup): replaced by a fresh id. */
const BAD_REQUEST_IDS = ['r'.repeat(65), 'two words', 'id<script>'];

describe('structured logs of the real process', () => {
  let proc: ChildProcess;
  let output = '';
  let base = '';
  const answeredIds: Array<string | null> = [];

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        LOG_LEVEL: 'info',
        GRAPH_HISTORY_SNAPSHOTS: '',
        // Configured but unreachable (a closed local port): failing calls must not log the keys either.
        SPARKSEER_API_KEY: SECRETS[0],
        SPARKSEER_BASE_URL: 'http://127.0.0.1:1',
        SPARKSEER_NODE_PUBKEY: ACINQ,
        OPENAI_API_KEY: SECRETS[1],
        LNBITS_URL: 'http://127.0.0.1:1',
        LNBITS_API_KEY: SECRETS[4],
        UPSTREAM_TIMEOUT_MS: '1000',
      },
    });
    proc.stdout!.on('data', (d) => (output += d));
    proc.stderr!.on('data', (d) => (output += d));
    const until = Date.now() + 45_000;
    while (Date.now() < until) {
      const ok = await fetch(`${base}/api/v1/health/ready`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const headers = { Authorization: `Bearer ${SECRETS[2]}`, 'X-API-Key': SECRETS[3], 'X-Request-Id': 'log-test-1' };
    await fetch(`${base}/api/v1/node/${ACINQ}/info`, { headers });
    await fetch(`${base}/api/v1/node/${ACINQ}/info?include_historical=maybe`, { headers });
    await fetch(`${base}/api/v1/health?verbose=true`, { headers });
    await fetch(`${base}/api/v1/metrics?${new URLSearchParams(QUERY_SECRETS).toString()}`);
    await fetch(`${base}/api/v1/nodes/search?q=${PREFIX_65}`, { headers: { 'X-Request-Id': 'log-test-prefix' } });
    for (const id of BAD_REQUEST_IDS) answeredIds.push((await fetch(`${base}/api/v1/metrics`, { headers: { 'X-Request-Id': id } })).headers.get('x-request-id'));
    // Each request's line is written when its answer finishes; wait until the last one is in the output.
    const lastId = answeredIds[answeredIds.length - 1] ?? '';
    const logDeadline = Date.now() + 10_000;
    while (!output.includes(`"id":"${lastId}"`) && Date.now() < logDeadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
  });

  afterAll(() => {
    proc.kill('SIGTERM');
  });

  it('writes JSON lines with request ids', () => {
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(3);
    const parsed = lines.map((l) => JSON.parse(l));
    const request = parsed.find((l) => l.req?.id === 'log-test-1' && l.res);
    expect(request).toMatchObject({ req: { method: 'GET' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
  });

  it('truncates pubkeys and never writes a secret', () => {
    expect(output).toContain('03864ef0…3f8f');
    expect(output).not.toContain(ACINQ);
    for (const s of SECRETS) expect(output).not.toContain(s);
  });

  it('redacts secret-looking query parameters and truncates a pubkey prefix searched for', () => {
    for (const s of Object.values(QUERY_SECRETS)) expect(output).not.toContain(s);
    expect(output).toMatch(/api_key=\[redacted\]&token=\[redacted\]&rune=\[redacted\]/);
    expect(output).not.toContain(PREFIX_65);
    const search = output.split('\n').find((l) => l.includes('"id":"log-test-prefix"') && l.includes('"url"'));
    expect(search).toContain('q=03864ef0…a3f8');
  });

  it('uses a client X-Request-Id only when it looks like an id, otherwise a fresh one', () => {
    expect(answeredIds).toHaveLength(BAD_REQUEST_IDS.length);
    for (const id of answeredIds) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    for (const bad of BAD_REQUEST_IDS) expect(output).not.toContain(bad);
  });
});
