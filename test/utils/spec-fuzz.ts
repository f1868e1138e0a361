import fc from 'fast-check';
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

/* ---- Schemathesis-style generation: spec-valid requests from openapi.json ---- */

export type JsonSchema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Arrays are kept short so a request stays cheap; minItems is always honoured. */
const MAX_GENERATED_ITEMS = 4;
/** Stands for any http(s) URL: a local port nothing listens on, so a generated callback never leaves the machine. */
export const GENERATED_URL = 'http://127.0.0.1:1/hook';

/**
 * A fast-check arbitrary of values valid against `schema` (OpenAPI 3.0 subset the document uses). Where the
 * schema leaves an object open (no `additionalProperties: false`), an undeclared property is sometimes added:
 * the spec allows it, so the server must accept it. Examples are preferred half of the time, as Schemathesis
 * does, so that path parameters also reach existing resources.
 */
export function valueFor(schema: JsonSchema, schemas: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  if (schema.$ref) return valueFor(schemas[schema.$ref.split('/').pop()!] ?? {}, schemas);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueFor(s, schemas)));
  if (schema.allOf?.length === 1) return valueFor(schema.allOf[0], schemas);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const generated = generatedFor(schema, schemas);
  return schema.example !== undefined ? fc.oneof(fc.constant(schema.example), generated) : generated;
}

function generatedFor(schema: JsonSchema, schemas: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = schema.minimum ?? -(2 ** 31);
      const max = schema.maximum ?? 2 ** 31 - 1;
      return fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -(2 ** 31), max: schema.maximum ?? 2 ** 31 - 1, noNaN: true, noDefaultInfinity: true });
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS));
      const items = valueFor(schema.items ?? {}, schemas);
      return schema.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const declared = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, schemas)])), { requiredKeys: schema.required ?? [] });
      if (schema.additionalProperties === false) return declared;
      const extra = fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/).filter((k) => !(k in props)), fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 2 });
      return fc.tuple(declared, extra).map(([d, e]) => ({ ...e, ...d }));
    }
    case 'string':
    default: {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'uri') return fc.constant(GENERATED_URL);
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? Infinity;
      const base = schema.pattern ? fc.stringMatching(new RegExp(schema.pattern)) : fc.string({ unit: 'grapheme', maxLength: Math.min(max, 40) });
      return base.filter((s) => [...s].length >= min && [...s].length <= max);
    }
  }
}

export interface SpecOperation {
  method: string;
  path: string;
  parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

export interface GeneratedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Spec-valid requests for one operation: path, query and header parameters and the JSON body. `known` gives
 * path parameters an existing value (e.g. a job created beforehand), used half of the time.
 */
export function requestsFor(op: SpecOperation, schemas: Record<string, JsonSchema>, known: Record<string, string> = {}): fc.Arbitrary<GeneratedRequest> {
  const params = op.parameters ?? [];
  const paramValue = (p: (typeof params)[number]) => {
    // Header values must be sendable: visible ASCII, as HTTP allows.
    if (p.in === 'header' && !p.schema.enum) return fc.stringMatching(/^[\x21-\x7e]{0,20}$/);
    const existing = p.in === 'path' ? known[p.name] : undefined;
    return existing === undefined ? valueFor(p.schema, schemas) : fc.oneof(fc.constant(existing), valueFor(p.schema, schemas));
  };
  const values = fc.record(Object.fromEntries(params.map((p) => [p.name, paramValue(p)])), { requiredKeys: params.filter((p) => p.required || p.in === 'path').map((p) => p.name) });
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const body = bodySchema ? valueFor(bodySchema, schemas) : fc.constant(undefined);
  return fc.tuple(values, body).map(([v, b]) => {
    const given = v as Record<string, unknown>;
    let path = op.path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const p of params) {
      if (!(p.name in given)) continue;
      const value = String(given[p.name]);
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (p.in === 'query') query.append(p.name, value);
      else if (p.in === 'header') headers[p.name] = value;
    }
    const qs = query.toString();
    return { method: op.method, url: qs ? `${path}?${qs}` : path, headers, ...(bodySchema ? { body: b } : {}) };
  });
}
