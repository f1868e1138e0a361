import { ChildProcess, spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../../utils/redis-server';

export const ROOT = join(__dirname, '..', '..', '..');

export interface SpawnedApp {
  proc: ChildProcess;
  port: number;
  base: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The real entry point (src/main.ts through ts-node), as production runs it, ready to answer. */
export async function spawnApp(env: Record<string, string> = {}, readyWithinMs = 45_000): Promise<SpawnedApp> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    // The flow model off unless a test turns it on, as in createTestApp: two such processes each building it
    // (two worker threads, seconds of CPU) on a 2-core machine is load these tests do not measure.
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'info', GRAPH_HISTORY_SNAPSHOTS: '', FLOW_MODEL: 'false', ...env },
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + readyWithinMs;
  while (Date.now() < until && proc.exitCode === null) {
    if (await fetch(`${base}/api/v1/health/ready`).then((r) => r.ok, () => false)) return { proc, port, base, output: () => out, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGKILL');
  throw new Error(`the app did not become ready:\n${out}`);
}

/**
 * A GET whose chunked body is still being sent: the request is in flight (routing waits for the body) until
 * `finish()` sends the rest. Resolves `response` with the raw HTTP answer once the server closes the connection.
 */
export async function startSlowRequest(port: number, path: string, headers: Record<string, string> = {}) {
  const socket = new Socket();
  await new Promise<void>((resolve, reject) => socket.once('error', reject).connect(port, '127.0.0.1', resolve));
  let raw = '';
  socket.on('data', (d) => (raw += d));
  const response = new Promise<string>((resolve) => socket.once('close', () => resolve(raw)));
  const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n1\r\n{\r\n`);
  return {
    response,
    finish: () => socket.write('1\r\n}\r\n0\r\n\r\n'),
    destroy: () => socket.destroy(),
  };
}
