import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../utils/redis-server';

const ROOT = join(__dirname, '..', '..');
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const SECRETS = ['sk-live-SPARKSEER-secret-0001', 'openai-secret-0002', 'bearer-secret-0003', 'x-api-key-secret-0004', 'lnbits-secret-0005'];

describe('structured logs of the real process', () => {
  let proc: ChildProcess;
  let output = '';
  let base = '';

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
});
