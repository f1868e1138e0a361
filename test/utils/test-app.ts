import { DynamicModule, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { CentralityService } from '../../src/graph/centrality.service';
import { FlowService } from '../../src/graph/flow.service';
import { RequestMetricsService } from '../../src/metrics/request-metrics.service';
import { contractRecorder } from './contract';

/** Variables a test may set; everything else is cleared so the machine's environment cannot leak in. */
const MANAGED_ENV = [
  'REDIS_URL', 'CACHE_TTL', 'CACHE_NAMESPACE', 'GRAPH_SNAPSHOT', 'GRAPH_LISTNODES', 'GRAPH_HISTORY_SNAPSHOTS',
  'GRAPH_MAX_AGE_DAYS', 'GRAPH_DOWNLOAD_MAX_MB', 'GRAPH_DOWNLOAD_TIMEOUT', 'GRAPH_SNAPSHOT_TLS_CERT_PATH',
  'SPARKSEER_API_KEY', 'SPARKSEER_BASE_URL', 'SPARKSEER_NODE_PUBKEY', 'LNBITS_URL', 'LNBITS_API_KEY', 'OPENAI_API_KEY', 'OPENAI_BASE_URL',
  'OPENAI_MODEL', 'OPENAI_TIMEOUT_MS', 'OPENAI_DAILY_TOKEN_BUDGET', 'LND_REST_URL', 'LND_MACAROON_HEX', 'LND_MACAROON_PATH', 'LND_TLS_CERT_PATH', 'CLN_REST_URL', 'CLN_RUNE', 'CLN_TLS_CERT_PATH',
  'MEMPOOL_BASE_URL', 'UPSTREAM_TIMEOUT_MS', 'GRAPH_SOURCE', 'GRAPH_REFRESH_INTERVAL', 'LOG_LEVEL', 'ENVIRONMENT', 'PORT', 'DEFAULT_LANGUAGE',
  'APP_ROLE', 'BULK_INLINE_MAX', 'BULK_CHUNK_SIZE', 'BULK_WORKER_CONCURRENCY', 'BULK_RESULT_TTL', 'BULK_STALLED_INTERVAL_MS',
  'RATE_LIMIT_PER_MINUTE', 'RATE_LIMIT_EXPENSIVE_PER_MINUTE', 'RATE_LIMIT_EDGE_PER_MINUTE', 'RECOMMENDATIONS_QUEUE_MAX', 'SHUTDOWN_TIMEOUT_MS',
  'API_KEYS', 'SECRET_KEY', 'CORS_ORIGINS', 'ALLOWED_HOSTS', 'ALERT_WEBHOOK_URL', 'WEBHOOK_ALLOWED_HOSTS', 'QUEUE_REDIS_URL',
  'BULK_MAX_EXPENSIVE_ITEMS_PER_JOB', 'BULK_MAX_EXPENSIVE_ITEMS_PER_KEY', 'BULK_MAX_STORED_ITEMS_PER_KEY', 'TRUST_PROXY',
  'FLOW_MODEL', 'FLOW_PAYMENTS', 'FLOW_RUNS',
];

export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: the e2e global setup did not run');
  return url;
}

/**
 * The real application, configured exactly as main.ts does (configureApp), with the given environment.
 * Every app gets its own cache namespace so tests sharing one Redis never see each other's entries.
 */
export async function createTestApp(
  env: Record<string, string | undefined> = {},
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (b) => b,
  /** Modules imported beside AppModule (e.g. a global module providing an optional token). */
  imports: Array<Type | DynamicModule> = [],
): Promise<NestExpressApplication> {
  for (const k of MANAGED_ENV) delete process.env[k];
  // Suites send many requests from one address; the throttling suite sets its own limits.
  Object.assign(process.env, { FLOW_MODEL: 'false', RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000', RATE_LIMIT_EDGE_PER_MINUTE: '0', LOG_LEVEL: 'silent', CACHE_NAMESPACE: `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` });
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const moduleRef = await customize(Test.createTestingModule({ imports: [AppModule, ...imports] })).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  // Before the routes: every response of every e2e test is checked against openapi.json.
  app.use(contractRecorder);
  configureApp(app, '1.0.0-test');
  await app.init();
  return app;
}

/**
 * Waits for the background centrality and flow computations of the current graph to finish, in every app given.
 * Cache keys of node answers carry their statuses (an answer cached while computing is not served once ready), so
 * a test asserting a cache hit between two requests must not let a status change fall between them; and the
 * computations keep the event loop busy, so timing-sensitive assertions come after them.
 */
export async function backgroundSettled(...apps: NestExpressApplication[]): Promise<void> {
  await Promise.all(apps.flatMap((app) => [app.get(CentralityService).settled(), app.get(FlowService).settled()]));
}

/**
 * Every 5xx the app answered, from its own request metrics: suites assert there are none. `excused` names 5xx
 * answers a suite saw and accepted (e.g. a job store slower than its bound on a busy machine), per "METHOD route".
 */
export function serverErrorRoutes(app: NestExpressApplication, excused: Record<string, number> = {}): string[] {
  return app
    .get(RequestMetricsService)
    .summary()
    .routes.map((r) => ({ label: `${r.method} ${r.route}`, count: Math.round(r.error_rate * r.request_count) - (excused[`${r.method} ${r.route}`] ?? 0) }))
    .filter((r) => r.count !== 0)
    .map((r) => `${r.label}: ${r.count} x 5xx`);
}
