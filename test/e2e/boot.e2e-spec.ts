import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { createTestApp } from '../utils/test-app';

const ROOT = join(__dirname, '..', '..');

/** Boots the real entry point (src/main.ts through ts-node) and returns how it ended. */
function boot(env: Record<string, string>) {
  // No test here expects a successful boot: a process that would listen is a failure, ended by the timeout.
  const r = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('boot refuses bad configuration with a message naming the variable', () => {
  it.each([
    ['PORT', 'abc', /PORT must be an integer between 1 and 65535/],
    ['CACHE_TTL', '-1', /CACHE_TTL must be at least 1 second/],
    ['REDIS_URL', 'nonsense', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['LOG_LEVEL', 'chatty', /LOG_LEVEL must be one of/],
  ])('%s=%s', (name, value, message) => {
    const r = boot({ [name]: value });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(message);
  });
});

describe('graph snapshots', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-'));

  it('a corrupt snapshot stops boot with a clear message', () => {
    const bad = join(dir, 'corrupt.json.gz');
    writeFileSync(bad, gzipSync(Buffer.from('{"nodes": [')).subarray(0, 20));
    const r = boot({ GRAPH_SNAPSHOT: bad });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/Graph snapshot corrupt.json.gz: .*(corrupt|truncated|not valid JSON)/);
  });

  it('a JSON file of unknown shape stops boot naming the accepted formats', () => {
    const odd = join(dir, 'odd.json');
    writeFileSync(odd, JSON.stringify({ nodes: [{ id: '1' }], edges: [{ source: '1', target: '2' }] }));
    const r = boot({ GRAPH_SNAPSHOT: odd });
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/unknown format: expected LND describegraph .* or CLN listchannels/);
  });

  it('serves a CLN listchannels export (the 2021 file), detected from its content', async () => {
    const app = await createTestApp({ GRAPH_SNAPSHOT: 'data/ln-graph/cln_listchannels_2021-04-16.json.gz', GRAPH_HISTORY_SNAPSHOTS: '' });
    try {
      const health = await request(app.getHttpServer()).get('/api/v1/health').expect(200);
      expect(health.body.graph).toMatchObject({ nodes: 8827, channels: 37454, format: 'cln-listchannels', snapshot_date: '2021-04-16', snapshot_date_source: 'last_update' });
      const { body } = await request(app.getHttpServer())
        .get('/api/v1/node/03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f/info')
        .expect(200);
      expect(body.source).toBe('graph-file:2021-04-16');
      // listchannels has short channel ids but no aliases.
      expect(body.node_info.alias).toBeNull();
      expect(body.channels[0].short_channel_id).toMatch(/^\d+x\d+x\d+$/);
      expect(body.channels[0].block_height).toBe(Number(body.channels[0].short_channel_id.split('x')[0]));
      expect(body.channels[0].local_policy?.last_update ?? body.channels[0].remote_policy?.last_update).toBeGreaterThan(1.6e9);
    } finally {
      await app.close();
    }
  });
});
