import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import Ajv from 'ajv';
import { CentralityService } from '../../../src/graph/centrality.service';
import { generateCollection, PRISM_ERROR_TYPE, PrismProxy, ROOT, runCollection, SentRequest, startPrismProxy } from '../../utils/spec-fuzz';
import { FlowService } from '../../../src/graph/flow.service';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../../utils/test-app';

/**
 * Spec-driven fuzzing: Portman turns openapi.json and test/fuzz/portman-config.yaml into a Postman collection
 * (contract tests for every operation, boundary values generated from the spec, hand-written bad inputs);
 * newman runs it through a Prism validation proxy in front of the real app, so every answer is checked by a
 * third-party validator as well as by Portman's assertions and by this suite.
 */
const SPEC = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, object> };
};
const REPORTS = join(ROOT, 'reports', 'fuzz');
const CONFIG = join(ROOT, 'test', 'fuzz', 'portman-config.yaml');

/** Every operation of the spec as `METHOD /path/{param}` with a matcher for concrete URLs. */
const OPERATIONS = Object.entries(SPEC.paths).flatMap(([path, ops]) =>
  Object.keys(ops).map((method) => ({
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  })),
);

function operationOf(r: SentRequest): string | undefined {
  const path = new URL(r.url).pathname;
  return OPERATIONS.find((o) => o.method === r.method && o.pattern.test(path))?.key;
}

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ components: { schemas: SPEC.components.schemas } }, 'spec');
const isProblem = ajv.compile({ $ref: 'spec#/components/schemas/ProblemDetailsDto' });

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

describe('spec-driven fuzzing: Portman + newman through a Prism validation proxy', () => {
  let app: NestExpressApplication;
  let prism: PrismProxy;
  /** Statuses as the app itself answered them, before Prism: a Prism replacement cannot hide a 5xx. */
  const appStatuses: number[] = [];

  beforeAll(async () => {
    // SECRET_KEY and the allow-listed loopback make the collection's callback_url valid (test/fuzz/portman-config.yaml).
    // A small flow model (FLOW_MODEL is off in test apps by default) so the what-if and fee-curve operations answer.
    app = await createTestApp({
      REDIS_URL: testRedisUrl(),
      GRAPH_HISTORY_SNAPSHOTS: undefined,
      SECRET_KEY: 'fuzz-suite-secret-0123456789',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      FLOW_MODEL: 'true',
      FLOW_PAYMENTS: '2000',
      FLOW_RUNS: '2',
    });
    await app.listen(0, '127.0.0.1');
    app.getHttpServer().on('request', (_req, res) => res.once('finish', () => appStatuses.push(res.statusCode)));
    const upstream = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    mkdirSync(REPORTS, { recursive: true });
    // Centralities and the flow model first: a 503 ANALYTICS_NOT_READY / FLOW_NOT_READY would mask what the
    // candidates and flow operations do.
    [prism] = await Promise.all([startPrismProxy(upstream), app.get(CentralityService).settled(), app.get(FlowService).settled()]);
  }, 120_000);

  afterAll(async () => {
    await prism?.stop();
    await app?.close();
  });

  it('sends every generated request; no 5xx, no spec violation, every 4xx a problem+json, every Portman check passes', async () => {
    const started = Date.now();
    const collectionFile = join(REPORTS, 'collection.json');
    await generateCollection(CONFIG, collectionFile);
    const { requests, durationMs } = await runCollection(collectionFile, prism.url, join(REPORTS, 'newman-report.json'));

    const byStatus: Record<string, number> = {};
    for (const r of requests) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const appByStatus: Record<string, number> = {};
    for (const s of appStatuses) appByStatus[s] = (appByStatus[s] ?? 0) + 1;
    const where = (r: SentRequest) => `${r.method} ${r.url} → ${r.status}`;

    const violations = requests
      .filter((r) => r.violations !== null || (r.contentType.includes('json') && String((parse(r.body) as { type?: unknown })?.type ?? '').startsWith(PRISM_ERROR_TYPE)))
      .map((r) => `${where(r)}: ${(r.violations ?? r.body).slice(0, 600)}`);
    const appServerErrors = appStatuses.filter((s) => s >= 500).length;
    const badProblems = requests
      .filter((r) => r.status >= 400 && r.status < 500)
      .flatMap((r) => {
        const body = parse(r.body);
        if (!r.contentType.startsWith('application/problem+json')) return [`${where(r)}: content type ${r.contentType}`];
        return isProblem(body) ? [] : [`${where(r)}: ${ajv.errorsText(isProblem.errors)} in ${r.body.slice(0, 300)}`];
      });
    const failedChecks = requests.filter((r) => r.failedAssertions.length).map((r) => `${where(r)} [${r.name.split('\n')[0].slice(0, 60)}]: ${r.failedAssertions.join(' | ')}`);
    const covered = new Set(requests.map(operationOf).filter((k): k is string => !!k));
    const uncovered = OPERATIONS.map((o) => o.key).filter((k) => !covered.has(k));

    const summary = {
      requests_sent: requests.length,
      by_status: byStatus,
      app_by_status: appByStatus,
      app_5xx: appServerErrors,
      spec_violations: violations.length,
      non_problem_4xx: badProblems.length,
      failed_portman_assertions: failedChecks.length,
      operations_covered: covered.size,
      operations_in_spec: OPERATIONS.length,
      newman_duration_ms: durationMs,
      total_duration_ms: Date.now() - started,
      details: { violations, badProblems, failedChecks, uncovered },
    };
    writeFileSync(join(ROOT, 'reports', 'fuzz-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const { details: _details, ...figures } = summary;
    console.log(`spec-driven fuzz: ${JSON.stringify(figures)}`);

    expect(requests.length).toBeGreaterThan(100);
    expect(uncovered).toEqual([]);
    expect(appServerErrors).toBe(0);
    expect(serverErrorRoutes(app)).toEqual([]);
    expect(violations).toEqual([]);
    expect(badProblems).toEqual([]);
    expect(failedChecks).toEqual([]);
    // The fuzzing reached the app's validation: a run where everything passed as 2xx would prove nothing.
    expect(byStatus[400]).toBeGreaterThan(40);
    expect(byStatus[404]).toBeGreaterThan(5);
  }, 240_000);
});
