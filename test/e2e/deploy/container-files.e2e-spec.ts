import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { load as parseYaml } from 'js-yaml';
import { ROOT } from './spawned-app';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period: string };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
  command?: string[];
  volumes?: string[];
}

/** Docker cannot run here: these check what can be checked without it (syntax, and the settings that matter). */
describe('container and build files', () => {
  it('docker-compose.yml parses and carries the product health check on the app, with Redis', () => {
    const compose = parseYaml(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
    const { app, redis } = compose.services;
    expect(app.build).toBe('.');
    expect(app.environment).toMatchObject({ PORT: '8000', REDIS_URL: 'redis://redis:6379' });
    expect(app.healthcheck).toMatchObject({ interval: '30s', timeout: '10s', retries: 3 });
    expect(app.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:8000/api/v1/health');
    expect(app.depends_on).toEqual({ redis: { condition: 'service_healthy' }, 'queue-redis': { condition: 'service_healthy' } });
    // Longer than the default SHUTDOWN_TIMEOUT_MS (10 s): the app's own deadline ends it before SIGKILL.
    expect(parseInt(app.stop_grace_period!, 10)).toBeGreaterThan(10);
    expect(redis.image).toMatch(/^redis:7/);
    expect(redis.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('docker-compose.yml gives the bulk queue its own Redis that never evicts and keeps an append-only file', () => {
    const compose = parseYaml(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
    const { app, redis, 'queue-redis': queue } = compose.services;
    expect(app.environment).toMatchObject({ QUEUE_REDIS_URL: 'redis://queue-redis:6379' });
    const setting = (cmd: string[], name: string) => cmd[cmd.indexOf(`--${name}`) + 1];
    expect(setting(queue.command!, 'maxmemory-policy')).toBe('noeviction');
    expect(setting(queue.command!, 'appendonly')).toBe('yes');
    expect(queue.volumes).toEqual(['queue-redis-data:/data']);
    expect(queue.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(setting(redis.command!, 'maxmemory-policy')).toBe('allkeys-lru');
  });

  it('the compose health check command is valid JavaScript for node -e', () => {
    const compose = parseYaml(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
    expect(compose.services.app.healthcheck!.test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(() => new Script(compose.services.app.healthcheck!.test[3])).not.toThrow();
  });

  it('Dockerfile: multi-stage on node:20-bookworm-slim, non-root, health check, node dist/main', () => {
    const dockerfile = read('Dockerfile');
    const froms = [...dockerfile.matchAll(/^FROM (\S+) AS (\S+)$/gm)].map((m) => [m[1], m[2]]);
    expect(froms).toEqual([
      ['node:20-bookworm-slim', 'build'],
      ['node:20-bookworm-slim', 'runtime'],
    ]);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.indexOf('CMD ['));
    expect(runtime).toMatch(/^HEALTHCHECK --interval=30s --timeout=10s --retries=3/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/main"\]$/m);
    expect(runtime).toContain('COPY data ./data');
  });

  it('.dockerignore keeps secrets, history and dependencies out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.git', '.env', 'node_modules', 'dist']) expect(ignored).toContain(entry);
    expect(ignored).not.toContain('data');
  });

  it('nixpacks.toml pins Node 20 and starts node dist/main', () => {
    const toml = read('nixpacks.toml');
    expect(toml).toMatch(/^providers = \["node"\]$/m);
    expect(toml).toMatch(/^NIXPACKS_NODE_VERSION = "20"$/m);
    expect(toml).toMatch(/^\[start\]\ncmd = "node dist\/main"$/m);
    expect(toml).not.toMatch(/^\[healthcheck\]/m);
  });

  it('scripts/deploy-hostinger.sh is valid bash', () => {
    const r = spawnSync('bash', ['-n', join(ROOT, 'scripts/deploy-hostinger.sh')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
