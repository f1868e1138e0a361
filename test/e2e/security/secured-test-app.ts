import { Controller, Get, Type } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AlertsModule } from '../../../src/alerts/alerts.module';
import { AppModule } from '../../../src/app.module';
import { configureApp } from '../../../src/app.setup';
import { securityConfig } from '../../../src/config/configuration';
import { configureSecurity } from '../../../src/security/configure-security';
import { SecurityModule } from '../../../src/security/security.module';
import { ExpensiveRoute } from '../../../src/throttling/expensive-route.decorator';
import { ThrottlingModule } from '../../../src/throttling/throttling.module';
import { backgroundSettled } from '../../utils/test-app';

/** The production-readiness modules, in the order AppModule imports them (ThrottlingModule first: its guard runs first). */
export const PRODUCTION_MODULES: Type[] = [ThrottlingModule, SecurityModule, AlertsModule];

/** Every variable these suites touch; all are cleared first so one test's settings never leak into the next. */
const MANAGED_ENV = [
  'REDIS_URL', 'CACHE_TTL', 'CACHE_NAMESPACE', 'GRAPH_SNAPSHOT', 'GRAPH_LISTNODES', 'GRAPH_HISTORY_SNAPSHOTS',
  'GRAPH_MAX_AGE_DAYS', 'GRAPH_DOWNLOAD_MAX_MB', 'GRAPH_DOWNLOAD_TIMEOUT', 'GRAPH_SNAPSHOT_TLS_CERT_PATH', 'GRAPH_SOURCE',
  'GRAPH_REFRESH_INTERVAL', 'SPARKSEER_API_KEY', 'SPARKSEER_BASE_URL', 'SPARKSEER_NODE_PUBKEY', 'LNBITS_URL', 'LNBITS_API_KEY',
  'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'OPENAI_TIMEOUT_MS', 'OPENAI_DAILY_TOKEN_BUDGET', 'LND_REST_URL',
  'LND_MACAROON_HEX', 'LND_MACAROON_PATH', 'LND_TLS_CERT_PATH', 'CLN_REST_URL', 'CLN_RUNE', 'CLN_TLS_CERT_PATH', 'MEMPOOL_BASE_URL', 'UPSTREAM_TIMEOUT_MS', 'DEFAULT_LANGUAGE',
  'LOG_LEVEL', 'ENVIRONMENT', 'PORT', 'API_KEYS', 'SECRET_KEY', 'CORS_ORIGINS', 'ALLOWED_HOSTS', 'TRUST_PROXY',
  'ALERT_WEBHOOK_URL', 'WEBHOOK_ALLOWED_HOSTS', 'QUEUE_REDIS_URL', 'BULK_MAX_EXPENSIVE_ITEMS_PER_JOB', 'BULK_MAX_EXPENSIVE_ITEMS_PER_KEY', 'BULK_MAX_STORED_ITEMS_PER_KEY', 'BULK_INLINE_MAX', 'BULK_CHUNK_SIZE', 'BULK_RESULT_TTL',
  'RATE_LIMIT_PER_MINUTE', 'RATE_LIMIT_EXPENSIVE_PER_MINUTE', 'RATE_LIMIT_EDGE_PER_MINUTE', 'RECOMMENDATIONS_QUEUE_MAX', 'WORKERS', 'SHUTDOWN_TIMEOUT_MS', 'APP_ROLE',
  'FLOW_MODEL', 'FLOW_PAYMENTS', 'FLOW_RUNS',
];

/** A route marked expensive, standing in for priorities / bulk / channel candidates in these tests. */
@Controller('test-expensive')
export class ExpensiveProbeController {
  @Get()
  @ExpensiveRoute()
  probe(): { ok: true } {
    return { ok: true };
  }
}

export interface SecuredAppOptions {
  /** Extra controllers mounted under /api/v1 (e.g. {@link ExpensiveProbeController}). */
  controllers?: Type[];
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/**
 * The real application with the production-readiness modules, configured as main.ts does: configureSecurity, then
 * configureApp. Modules AppModule already imports are not imported again, and configureSecurity ignores a second
 * call, so this builds the same app before and after they are wired into AppModule / configureApp.
 */
export async function createSecuredTestApp(env: Record<string, string | undefined> = {}, opts: SecuredAppOptions = {}): Promise<NestExpressApplication> {
  for (const k of MANAGED_ENV) delete process.env[k];
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    FLOW_MODEL: 'false',
    GRAPH_HISTORY_SNAPSHOTS: '',
    CACHE_NAMESPACE: `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
  });
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const wired = (Reflect.getMetadata('imports', AppModule) ?? []) as unknown[];
  const missing = PRODUCTION_MODULES.filter((m) => !wired.includes(m));
  const builder = Test.createTestingModule({ imports: [AppModule, ...missing], controllers: opts.controllers ?? [] });
  const moduleRef = await (opts.customize ?? ((b) => b))(builder).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureSecurity(app, app.get<ConfigType<typeof securityConfig>>(securityConfig.KEY));
  configureApp(app, '1.0.0-test');
  try {
    await app.init();
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
  return app;
}

/** The work an app starts right after boot: timing-sensitive assertions (the rate limiter's 200 ms Redis budget) come after it. */
export const settled = backgroundSettled;

export async function until(what: string, check: () => Promise<boolean> | boolean, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
