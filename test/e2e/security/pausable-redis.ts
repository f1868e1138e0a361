import { ChildProcess, spawn } from 'node:child_process';
import { assertRedisServerInstalled, freePort, pingRedis } from '../../utils/redis-server';

export interface PausableRedis {
  url: string;
  /** SIGSTOP: the server keeps its connections open but answers nothing, like a Redis stuck on a slow disk. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** A throw-away redis-server that can be frozen (SIGSTOP) and thawed, to test what a hung Redis does to callers. */
export async function startPausableRedis(): Promise<PausableRedis> {
  assertRedisServerInstalled();
  const port = await freePort();
  const proc: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
  const until = Date.now() + 5000;
  for (;;) {
    try {
      await pingRedis(port, '127.0.0.1', 300);
      break;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => proc.kill('SIGSTOP'),
    resume: () => proc.kill('SIGCONT'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGCONT');
        proc.kill('SIGTERM');
      }),
  };
}
