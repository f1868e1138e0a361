import { isAbsolute, join, resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { readFileSync } from 'node:fs';
import { expensiveLimitPerMinute, validateEnv } from './env.validation';

/** The project root, from `src/config` or `dist/config` alike. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const EMBEDDED_GRAPH = 'data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz';
export const EMBEDDED_HISTORY = [
  'data/ln-graph/cln_gossmap_2024-09-22.derived-describegraph.json.gz',
  'data/ln-graph/cln_listchannels_2021-04-16.json.gz',
];

const env = () => validateEnv(process.env);
const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
const projectPath = (p: string) => (isAbsolute(p) ? p : join(PROJECT_ROOT, p));

export const appConfig = registerAs('app', () => {
  const e = env();
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the project's own package.json
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return {
    name: pkg.name,
    version: pkg.version,
    port: e.PORT,
    environment: e.ENVIRONMENT,
    logLevel: e.LOG_LEVEL,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    /** Static on-chain fee rate for cost estimates, sat/vB. */
    onchainFeeRateSatVb: e.ONCHAIN_FEE_RATE_SAT_VB,
    /** Worker threads used for heavy graph analytics. */
    workers: e.WORKERS,
  };
});

export const cacheConfig = registerAs('cache', () => {
  const e = env();
  return {
    redisUrl: e.REDIS_URL ?? null,
    namespace: e.CACHE_NAMESPACE,
    /** TTLs in milliseconds, per data type (product document: node_info 5 min, recommendations 10 min). */
    ttlMs: {
      default: e.CACHE_TTL * 1000,
      node_info: 5 * 60_000,
      recommendations: 10 * 60_000,
      /** Live upstream answers are reused for a minute: enough to spare upstreams, short enough to stay live. */
      upstream: 60_000,
      /** The last good upstream answer, served (marked stale) when the upstream fails. */
      upstream_stale: 24 * 60 * 60_000,
      /**
       * Channel-candidate simulations behind the connectivity advice (about a second of CPU each) depend on the
       * graph only and are keyed by its version, so they never go stale: a day, not the advice's 10 minutes, so
       * that advice expiring never recomputes them all at once.
       */
      simulation: 24 * 60 * 60_000,
      /** Centralities are keyed by graph version, so they never go stale; the TTL only frees Redis memory. */
      centralities: 7 * 24 * 60 * 60_000,
    },
    /** A Redis call slower than this is treated as a failure and served from memory instead. */
    redisOpTimeoutMs: 250,
    redisConnectTimeoutMs: 1000,
  };
});

export const graphConfig = registerAs('graph', () => {
  const e = env();
  const snapshot = e.GRAPH_SNAPSHOT ?? EMBEDDED_GRAPH;
  const snapshotUrl = /^https:\/\//i.test(snapshot) ? snapshot : null;
  return {
    /** The file to load; the embedded snapshot when GRAPH_SNAPSHOT is a URL (served until a download succeeds). */
    snapshotPath: projectPath(snapshotUrl ? EMBEDDED_GRAPH : snapshot),
    /** GRAPH_SNAPSHOT when it is an https:// URL of a describegraph or listchannels dump. */
    snapshotUrl,
    download: {
      maxBytes: e.GRAPH_DOWNLOAD_MAX_MB * 1024 * 1024,
      timeoutMs: e.GRAPH_DOWNLOAD_TIMEOUT * 1000,
      tlsCertPath: e.GRAPH_SNAPSHOT_TLS_CERT_PATH ? projectPath(e.GRAPH_SNAPSHOT_TLS_CERT_PATH) : null,
    },
    /** Answers carry a warning when the graph is older than this (GRAPH_MAX_AGE_DAYS). */
    maxAgeDays: e.GRAPH_MAX_AGE_DAYS,
    listnodesPath: e.GRAPH_LISTNODES ? projectPath(e.GRAPH_LISTNODES) : undefined,
    /** True when serving the snapshot shipped with the project. */
    source: e.GRAPH_SOURCE,
    /** Seconds between reloads of the graph (0 = never). */
    refreshIntervalMs: e.GRAPH_REFRESH_INTERVAL * 1000,
    embedded: e.GRAPH_SNAPSHOT === undefined || snapshotUrl !== null || projectPath(e.GRAPH_SNAPSHOT) === projectPath(EMBEDDED_GRAPH),
    historyPaths: (e.GRAPH_HISTORY_SNAPSHOTS !== undefined ? list(e.GRAPH_HISTORY_SNAPSHOTS) : EMBEDDED_HISTORY).map(projectPath),
  };
});

export const flowConfig = registerAs('flow', () => {
  const e = env();
  return {
    /** Build the payment-flow model after each graph load. */
    enabled: e.FLOW_MODEL,
    /** Payments sampled per seeded run. */
    payments: e.FLOW_PAYMENTS,
    /** Seeded runs; the spread is taken over them. */
    runs: e.FLOW_RUNS,
  };
});

export const securityConfig = registerAs('security', () => {
  const e = env();
  return {
    secretKey: e.SECRET_KEY ?? null,
    corsOrigins: list(e.CORS_ORIGINS),
    allowedHosts: list(e.ALLOWED_HOSTS),
    apiKeys: list(e.API_KEYS),
    alertWebhookUrl: e.ALERT_WEBHOOK_URL ?? null,
    trustProxy: e.TRUST_PROXY,
    environment: e.ENVIRONMENT,
  };
});

export const sparkseerConfig = registerAs('sparkseer', () => {
  const e = env();
  return {
    apiKey: e.SPARKSEER_API_KEY ?? null,
    baseUrl: e.SPARKSEER_BASE_URL,
    /** Owner of the key: the only node the /v1/services/* answers describe (null until configured or learned). */
    nodePubkey: e.SPARKSEER_NODE_PUBKEY?.toLowerCase() ?? null,
    timeoutMs: e.UPSTREAM_TIMEOUT_MS,
  };
});

export const lnbitsConfig = registerAs('lnbits', () => {
  const e = env();
  return { url: e.LNBITS_URL ?? null, apiKey: e.LNBITS_API_KEY ?? null, timeoutMs: e.UPSTREAM_TIMEOUT_MS };
});

export const openaiConfig = registerAs('openai', () => {
  const e = env();
  return {
    apiKey: e.OPENAI_API_KEY ?? null,
    model: e.OPENAI_MODEL,
    baseUrl: e.OPENAI_BASE_URL ?? null,
    timeoutMs: e.OPENAI_TIMEOUT_MS,
    dailyTokenBudget: e.OPENAI_DAILY_TOKEN_BUDGET,
  };
});

export const lndConfig = registerAs('lnd', () => {
  const e = env();
  return {
    restUrl: e.LND_REST_URL ?? null,
    macaroonHex: e.LND_MACAROON_HEX ?? null,
    macaroonPath: e.LND_MACAROON_PATH ? projectPath(e.LND_MACAROON_PATH) : null,
    tlsCertPath: e.LND_TLS_CERT_PATH ? projectPath(e.LND_TLS_CERT_PATH) : null,
    timeoutMs: e.UPSTREAM_TIMEOUT_MS,
  };
});

export const clnConfig = registerAs('cln', () => {
  const e = env();
  return {
    restUrl: e.CLN_REST_URL ?? null,
    rune: e.CLN_RUNE ?? null,
    tlsCertPath: e.CLN_TLS_CERT_PATH ? projectPath(e.CLN_TLS_CERT_PATH) : null,
    timeoutMs: e.UPSTREAM_TIMEOUT_MS,
  };
});

export const mempoolConfig = registerAs('mempool', () => {
  const e = env();
  return { baseUrl: e.MEMPOOL_BASE_URL ?? null, timeoutMs: e.UPSTREAM_TIMEOUT_MS };
});

export const limitsConfig = registerAs('limits', () => {
  const e = env();
  return {
    perMinute: e.RATE_LIMIT_PER_MINUTE,
    expensivePerMinute: expensiveLimitPerMinute(e),
    /** Every request per client, counted before parsing and routing (0 = off). */
    edgePerMinute: e.RATE_LIMIT_EDGE_PER_MINUTE,
    /** Uncached recommendations that may wait for a worker; past this they get 503 with Retry-After. */
    recommendationQueueMax: e.RECOMMENDATIONS_QUEUE_MAX,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
});

export const bulkConfig = registerAs('bulk', () => {
  const e = env();
  return {
    role: e.APP_ROLE,
    inlineMax: e.BULK_INLINE_MAX,
    chunkSize: e.BULK_CHUNK_SIZE,
    concurrency: e.BULK_WORKER_CONCURRENCY,
    resultTtlMs: e.BULK_RESULT_TTL * 1000,
    stalledIntervalMs: e.BULK_STALLED_INTERVAL_MS,
    /** The worker's lock on a chunk: a dead worker's chunk is taken over after about this long. */
    lockDurationMs: Math.max(1000, e.BULK_STALLED_INTERVAL_MS),
    /** The queue and job results: QUEUE_REDIS_URL, else the cache's REDIS_URL. */
    redisUrl: e.QUEUE_REDIS_URL ?? e.REDIS_URL ?? null,
    /** True when the queue has a Redis of its own, apart from the cache's. */
    separateRedis: e.QUEUE_REDIS_URL !== undefined && e.QUEUE_REDIS_URL !== e.REDIS_URL,
    namespace: e.CACHE_NAMESPACE,
    secretKey: e.SECRET_KEY ?? null,
    limits: {
      expensivePerJob: e.BULK_MAX_EXPENSIVE_ITEMS_PER_JOB,
      expensivePerKey: e.BULK_MAX_EXPENSIVE_ITEMS_PER_KEY,
      storedPerKey: e.BULK_MAX_STORED_ITEMS_PER_KEY,
    },
  };
});

export const webhookConfig = registerAs('webhook', () => {
  const e = env();
  return {
    /** Hosts a webhook may reach although internal (an operator's own receiver); exact names or IP addresses. */
    allowedHosts: list(e.WEBHOOK_ALLOWED_HOSTS),
    /**
     * Plain http only outside production, as for every other outbound URL; NODE_ENV=production (set by the
     * Dockerfile) counts too, so a container started with the default ENVIRONMENT still refuses http webhooks.
     */
    httpsOnly: e.ENVIRONMENT === 'production' || e.NODE_ENV === 'production',
  };
});

export const ALL_CONFIG = [flowConfig, webhookConfig, bulkConfig, appConfig, cacheConfig, graphConfig, securityConfig, limitsConfig, sparkseerConfig, lnbitsConfig, openaiConfig, lndConfig, mempoolConfig, clnConfig];
