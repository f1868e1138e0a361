import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, Socket } from 'node:net';

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILL: the server vanishes mid-connection, as in a crash. */
  kill(): Promise<void>;
  /** Starts a server again on the same port (after kill). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Sends PING and waits for PONG; rejects after `timeoutMs`. */
export function pingRedis(port: number, host = '127.0.0.1', timeoutMs = 2000): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = new Socket();
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`no PONG from ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    sock.connect(port, host, () => sock.write('PING\r\n'));
    sock.once('data', (d) => {
      clearTimeout(timer);
      sock.destroy();
      if (d.toString().startsWith('+PONG')) resolve();
      else reject(new Error(`unexpected answer from ${host}:${port}: ${d.toString().trim()}`));
    });
  });
}

async function waitForPong(port: number, deadlineMs = 5000): Promise<void> {
  const until = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      await pingRedis(port, '127.0.0.1', 500);
      return;
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`redis-server on port ${port} did not answer: ${String(last)}`);
}

export function assertRedisServerInstalled(): void {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      'redis-server is not installed and REDIS_URL is not set: the e2e suite needs a real Redis. ' +
        'Install it (apt-get install -y redis-server) or point REDIS_URL at one. Tests are never skipped for this.',
    );
  }
}

/** Starts a throw-away `redis-server` (no persistence) on a free port; `extraArgs` add settings (`--maxmemory-policy`, …). */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServer> {
  assertRedisServerInstalled();
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const launch = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning', ...extraArgs], {
      stdio: 'ignore',
    });
    await waitForPong(port);
  };
  const end = async (signal: NodeJS.Signals) => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill(signal);
    });
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => end('SIGKILL'),
    restart: launch,
    stop: () => end('SIGTERM'),
  };
}
