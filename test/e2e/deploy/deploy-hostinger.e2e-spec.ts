import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HostingerApiDouble, HostingerRelease } from '../../doubles/hostinger-api.double';
import { load as parseYaml } from 'js-yaml';
import { freePort } from '../../utils/redis-server';
import { testRedisUrl } from '../../utils/test-app';
import { ROOT } from './spawned-app';

const SCRIPT = join(ROOT, 'scripts/deploy-hostinger.sh');
const TOKEN = 'hostinger-token-for-tests-0001';
const API_KEYS = 'deploy-key-0123456789abcdef';
const SECRET_KEY = 'deploy-secret-0123456789';
const DOMAIN = 'api.test.example';
const VM_ID = 1_234_567;
const PROJECT = 'ln-node-intelligence';
const GOOD_1 = 'registry.test/acme/ln-node-intelligence:good-1';
const GOOD_2 = 'registry.test/acme/ln-node-intelligence:good-2';
const BAD_3 = 'registry.test/acme/ln-node-intelligence:bad-3';

/** Every image runs the real app from this checkout; the bad one with a graph snapshot that does not exist. */
const app = (env: Record<string, string> = {}): HostingerRelease => ({
  command: [process.execPath, '--require', 'ts-node/register/transpile-only', join(ROOT, 'src/main.ts')],
  cwd: ROOT,
  env: { GRAPH_HISTORY_SNAPSHOTS: '', ...env },
});

interface DeployRun {
  code: number | null;
  output: string;
}

function deploy(api: HostingerApiDouble, appPort: number, image: string, env: Record<string, string> = {}): Promise<DeployRun> {
  return new Promise((resolve) => {
    const proc = spawn('bash', [SCRIPT], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOSTINGER_API_TOKEN: TOKEN,
        HOSTINGER_API_URL: api.url,
        HOSTINGER_DOMAIN: DOMAIN,
        RELEASE_IMAGE: image,
        API_KEYS,
        SECRET_KEY,
        // The double publishes the app on a local port, without the TLS proxy in front.
        HEALTH_URL: `http://127.0.0.1:${appPort}/api/v1/health`,
        DEPLOY_POLL_INTERVAL: '0.5',
        DEPLOY_HEALTH_PASSES: '2',
        DEPLOY_TIMEOUT: '60',
        DEPLOY_ACTION_TIMEOUT: '30',
        LOG_LEVEL: 'warn',
        CACHE_NAMESPACE: `deploy${Date.now().toString(36)}`,
        ...env,
      },
    });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.once('exit', (code) => resolve({ code, output }));
  });
}

const health = (port: number) => fetch(`http://127.0.0.1:${port}/api/v1/health`).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string } }));

describe('scripts/deploy-hostinger.sh against a local double of the Hostinger API', () => {
  let api: HostingerApiDouble;
  let appPort: number;

  beforeAll(async () => {
    appPort = await freePort();
    api = new HostingerApiDouble({
      token: TOKEN,
      vm: { id: VM_ID, hostname: DOMAIN },
      appPort,
      releases: { [GOOD_1]: app(), [GOOD_2]: app(), [BAD_3]: app({ GRAPH_SNAPSHOT: '/nonexistent/graph.json.gz' }) },
      rewrite: { 'redis://redis:6379': testRedisUrl(), 'redis://queue-redis:6379': testRedisUrl() },
    });
    await api.start();
  });
  afterAll(() => api.close());

  it('checks its prerequisites before calling anything', async () => {
    const run = await deploy(api, appPort, GOOD_1, { HOSTINGER_API_TOKEN: '', SECRET_KEY: '' });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/missing variables: HOSTINGER_API_TOKEN SECRET_KEY/);
    const latest = await deploy(api, appPort, 'registry.test/acme/ln-node-intelligence:latest');
    expect(latest.code).toBe(1);
    expect(latest.output).toMatch(/must not use :latest/);
    expect(api.calls).toEqual([]);
  });

  it('first deploy: finds the VPS from the domain, deploys, and waits until the release is healthy', async () => {
    const run = await deploy(api, appPort, GOOD_1);
    expect(run.output).toMatch(/DEPLOYED: registry\.test\/acme\/ln-node-intelligence:good-1 is healthy/);
    expect(run.code).toBe(0);
    for (const step of ['Checking prerequisites', 'Checking the API token and the VPS', 'first deploy, nothing to roll back to', 'Deploying', 'to be healthy']) {
      expect(run.output).toContain(step);
    }
    expect(run.output).toContain(`VPS ${VM_ID} (${DOMAIN}): state running, actions unlocked`);
    for (const secret of [TOKEN, API_KEYS, SECRET_KEY]) expect(run.output).not.toContain(secret);
    expect(api.runningRelease(PROJECT)).toBe(GOOD_1);
    expect(await health(appPort)).toMatchObject({ status: 200, body: { status: 'healthy' } });
    // The compose file carries the release, its healthcheck (product document: 30 s / 10 s / 3) and the settings.
    const content = api.content(PROJECT)!;
    expect(content).toContain(`image: "${GOOD_1}"`);
    expect(content).toMatch(/interval: 30s\n\s+timeout: 10s\n\s+retries: 3/);
    expect(content).toContain('ENVIRONMENT: "production"');
    expect(content).toContain(`ALLOWED_HOSTS: "${DOMAIN}"`);
    // The bulk queue gets its own Redis that never evicts and keeps an append-only file (issue 20, finding 4).
    const services = (parseYaml(content) as { services: Record<string, { command?: string[]; environment?: Record<string, string> }> }).services;
    const command = services['queue-redis'].command!.join(' ');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(command).toContain('--appendonly yes');
    expect(services.app.environment!.QUEUE_REDIS_URL).toBe('redis://queue-redis:6379');
  }, 120_000);

  it('next deploy: replaces the running release with the new one', async () => {
    const run = await deploy(api, appPort, GOOD_2, { HOSTINGER_VM_ID: String(VM_ID) });
    expect(run.output).toContain(`saved the compose file and environment of project ${PROJECT} (release ${GOOD_1})`);
    expect(run.code).toBe(0);
    expect(api.runningRelease(PROJECT)).toBe(GOOD_2);
  }, 120_000);

  it('a release that fails its health check is rolled back, and the previous release serves again', async () => {
    const before = api.calls.length;
    const run = await deploy(api, appPort, BAD_3);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/containers: .* exited/);
    expect(run.output).toContain('Collecting diagnostics');
    expect(run.output).toMatch(/app \| .*graph/i);
    expect(run.output).toContain(`Rolling back to the previous release (${GOOD_2})`);
    expect(run.output).toContain(`ROLLED BACK: ${BAD_3} was not healthy; ${GOOD_2} is serving again.`);

    expect(api.runningRelease(PROJECT)).toBe(GOOD_2);
    expect(api.content(PROJECT)).toContain(`image: "${GOOD_2}"`);
    expect(await health(appPort)).toMatchObject({ status: 200, body: { status: 'healthy' } });
    const calls = api.calls.slice(before).map((c) => `${c.method} ${c.path}`);
    expect(calls.filter((c) => c === `POST /api/vps/v1/virtual-machines/${VM_ID}/docker`)).toHaveLength(2);
    // Never the destructive `down` (it deletes volumes and images).
    expect(calls.some((c) => c.startsWith('DELETE'))).toBe(false);
  }, 180_000);
});

describe('scripts/deploy-hostinger.sh when the very first release is broken', () => {
  it('stops the project (nothing to roll back to) and says a human is needed', async () => {
    const appPort = await freePort();
    const api = new HostingerApiDouble({ token: TOKEN, vm: { id: VM_ID, hostname: DOMAIN }, appPort, releases: { [BAD_3]: app({ GRAPH_SNAPSHOT: '/nonexistent/graph.json.gz' }) } });
    await api.start();
    try {
      const run = await deploy(api, appPort, BAD_3);
      expect(run.code).toBe(3);
      expect(run.output).toContain('No previous release: stopping project');
      expect(run.output).toMatch(/nothing to roll back to; project ln-node-intelligence is stopped\n/);
      expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith(`/docker/${PROJECT}/stop`))).toBe(true);
      expect(api.runningRelease(PROJECT)).toBeNull();
    } finally {
      await api.close();
    }
  }, 120_000);

  it('refuses an unknown token with the API message and correlation id', async () => {
    const appPort = await freePort();
    const api = new HostingerApiDouble({ token: 'another-token', vm: { id: VM_ID, hostname: DOMAIN }, appPort, releases: {} });
    await api.start();
    try {
      const run = await deploy(api, appPort, GOOD_1);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/HTTP 401 \(Unauthenticated; correlation_id [0-9a-f-]{36}\)/);
      expect(run.output).toContain('check HOSTINGER_API_TOKEN');
    } finally {
      await api.close();
    }
  }, 60_000);
});

describe('shell scripts', () => {
  it.each(['scripts/deploy-hostinger.sh', '.ci/run', 'scripts/ci/system-deps.sh'])('%s is shellcheck clean', (script) => {
    // scripts/ci/system-deps.sh (run by npm test and .ci/run) installs Debian's shellcheck; a machine without it fails here rather than skipping the lint.
    const run = spawnSync('shellcheck', ['--severity=style', join(ROOT, script)], { encoding: 'utf8' });
    if (run.error) throw new Error(`shellcheck could not run (${run.error.message}): apt-get install -y shellcheck`);
    expect({ status: run.status, findings: run.stdout }).toEqual({ status: 0, findings: '' });
  });
});
