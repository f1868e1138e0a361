import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './redis-server';

export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** Prism's own problem types (router, validator, proxy), as opposed to the app's `urn:ln-intelligence:error:*`. */
export const PRISM_ERROR_TYPE = 'https://stoplight.io/prism/errors#';

export interface PrismProxy {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `prism proxy openapi.json <upstream> --errors --validate-request=false`: every request is forwarded as sent
 * (request validation off, or Prism would answer bad inputs itself with a 422 and the app would never see them)
 * and every response is validated against the spec; a violation adds `sl-violations` and, with `--errors`,
 * replaces the response with Prism's 500 VIOLATIONS problem.
 */
export async function startPrismProxy(upstream: string, readyWithinMs = 30_000): Promise<PrismProxy> {
  const port = await freePort();
  const args = ['proxy', join(ROOT, 'openapi.json'), upstream, '--host', '127.0.0.1', '--port', String(port), '--errors', '--validate-request=false', '--multiprocess=false'];
  const proc: ChildProcess = spawn(join(BIN, 'prism'), args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' } });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  };
  const until = Date.now() + readyWithinMs;
  while (Date.now() < until && proc.exitCode === null) {
    if (await fetch(`${url}/api/v1/health/live`).then((r) => r.ok, () => false)) return { url, output: () => out, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`prism proxy did not start:\n${out}`);
}

/**
 * Portman CLI: openapi.json + config → Postman collection with contract and variation tests. Run in a scratch
 * directory under reports/ because Portman writes its working files (tmp/) in the current directory.
 */
export async function generateCollection(configFile: string, outFile: string): Promise<string> {
  const work = join(ROOT, 'reports', 'fuzz', 'portman-work');
  mkdirSync(work, { recursive: true });
  const args = ['-l', join(ROOT, 'openapi.json'), '-c', configFile, '-o', outFile, '--includeTests', '--no-warn'];
  const proc = spawn(join(BIN, 'portman'), args, { cwd: work, env: { PATH: process.env.PATH ?? '' } });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
  if (code !== 0 || !/Collection written to/.test(out)) throw new Error(`portman failed (exit ${code}):\n${out}`);
  return out;
}

/** One request newman sent, as it came back through Prism. */
export interface SentRequest {
  name: string;
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: string;
  violations: string | null;
  failedAssertions: string[];
}

/* Newman ships no types; these are the parts of its run events the suite reads. */
interface NewmanHeaderList {
  get(name: string): string | undefined;
}
interface NewmanRunEvents {
  on(event: 'request', cb: (err: Error | null, args: { item: { id: string; name: string }; request: { method: string; url: { toString(): string } }; response?: { code: number; headers: NewmanHeaderList; stream?: Buffer } }) => void): NewmanRunEvents;
  on(event: 'assertion', cb: (err: (Error & { message: string }) | null, args: { item: { id: string }; assertion: string }) => void): NewmanRunEvents;
  on(event: 'done', cb: (err: Error | null, summary: { run: { failures: unknown[]; timings: { started: number; completed: number } } }) => void): NewmanRunEvents;
}
interface Newman {
  run(options: Record<string, unknown>): NewmanRunEvents;
}

/**
 * Runs the collection with newman against `baseUrl` and returns every request with its answer and the
 * Portman assertions that failed on it. A request that got no answer at all (socket error) is an error.
 */
export function runCollection(collectionFile: string, baseUrl: string, reportFile: string): Promise<{ requests: SentRequest[]; durationMs: number }> {
  const newman = require('newman') as Newman;
  const requests: SentRequest[] = [];
  const byItem = new Map<string, SentRequest>();
  const transportErrors: string[] = [];
  return new Promise((resolve, reject) => {
    newman
      .run({
        collection: collectionFile,
        envVar: [{ key: 'baseUrl', value: baseUrl }],
        timeoutRequest: 60_000,
        ignoreRedirects: true,
        reporters: ['json'],
        reporter: { json: { export: reportFile } },
      })
      .on('request', (err, args) => {
        if (err || !args.response) {
          transportErrors.push(`${args.item.name}: ${err?.message ?? 'no response'}`);
          return;
        }
        const r: SentRequest = {
          name: args.item.name,
          method: args.request.method,
          url: args.request.url.toString(),
          status: args.response.code,
          contentType: args.response.headers.get('content-type') ?? '',
          body: args.response.stream?.toString('utf8') ?? '',
          violations: args.response.headers.get('sl-violations') ?? null,
          failedAssertions: [],
        };
        requests.push(r);
        byItem.set(args.item.id, r);
      })
      .on('assertion', (err, args) => {
        if (err) byItem.get(args.item.id)?.failedAssertions.push(`${args.assertion}: ${err.message}`);
      })
      .on('done', (err, summary) => {
        if (err) return reject(err);
        if (transportErrors.length) return reject(new Error(`requests without an answer:\n${transportErrors.join('\n')}`));
        resolve({ requests, durationMs: summary.run.timings.completed - summary.run.timings.started });
      });
  });
}
