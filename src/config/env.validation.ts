import { plainToInstance, Transform } from 'class-transformer';
import { checkWebhookUrl } from '../common/net/webhook-url.policy';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const GRAPH_SOURCES = ['embedded', 'file', 'lnd', 'cln'] as const;
export type GraphSource = (typeof GRAPH_SOURCES)[number];
const REFRESH_MSG = 'GRAPH_REFRESH_INTERVAL must be a whole number of seconds between 0 (off) and 86400';
const MAX_AGE_MSG = 'GRAPH_MAX_AGE_DAYS must be a whole number of days between 0 and 36500';
const DOWNLOAD_MB_MSG = 'GRAPH_DOWNLOAD_MAX_MB must be a whole number of MB between 1 and 4096';
const DOWNLOAD_TIMEOUT_MSG = 'GRAPH_DOWNLOAD_TIMEOUT must be a whole number of seconds between 1 and 3600';
const TIMEOUT_MSG = 'UPSTREAM_TIMEOUT_MS must be a whole number of milliseconds between 100 and 120000';
const RATE_MSG = 'RATE_LIMIT_PER_MINUTE and RATE_LIMIT_EXPENSIVE_PER_MINUTE must be whole numbers between 1 and 1000000';
const EDGE_RATE_MSG = 'RATE_LIMIT_EDGE_PER_MINUTE must be a whole number between 0 (off) and 1000000';
const QUEUE_MSG = 'RECOMMENDATIONS_QUEUE_MAX must be a whole number between 0 and 10000';
const SHUTDOWN_MSG = 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds between 0 and 600000';
const OPENAI_TIMEOUT_MSG = 'OPENAI_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 300000';
const TOKEN_BUDGET_MSG = 'OPENAI_DAILY_TOKEN_BUDGET must be a whole number of tokens between 0 and 1000000000';
const FEE_RATE_MSG = 'ONCHAIN_FEE_RATE_SAT_VB must be a whole number of sat/vB between 1 and 10000';
const PORT_MSG = 'PORT must be an integer between 1 and 65535';
const WORKERS_MSG = 'WORKERS must be an integer between 1 and 64';
const CAP_JOB_MSG = 'BULK_MAX_EXPENSIVE_ITEMS_PER_JOB must be an integer between 1 and 10000';
const CAP_KEY_MSG = 'BULK_MAX_EXPENSIVE_ITEMS_PER_KEY must be an integer between 1 and 1000000';
const STORED_MSG = 'BULK_MAX_STORED_ITEMS_PER_KEY must be an integer between 1 and 100000000';
const FLOW_PAYMENTS_MSG = 'FLOW_PAYMENTS must be a whole number of sampled payments between 1000 and 10000000';
const FLOW_RUNS_MSG = 'FLOW_RUNS must be a whole number of seeded runs between 1 and 50';
const toBool = ({ value }: { value: unknown }) => (typeof value === 'string' ? ({ true: true, '1': true, false: false, '0': false } as Record<string, boolean>)[value.trim().toLowerCase()] ?? value : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const toLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the service reads, with its default. Validated once at boot: a bad value stops
 * the process with a message that names the variable.
 */
export class EnvironmentVariables {
  @Transform(toInt) @IsInt({ message: PORT_MSG }) @Min(1, { message: PORT_MSG }) @Max(65535, { message: PORT_MSG })
  PORT = 8000;

  @Transform(toLower) @IsIn(ENVIRONMENTS, { message: `ENVIRONMENT must be one of ${ENVIRONMENTS.join(', ')}` })
  ENVIRONMENT: Environment = 'development';

  @Transform(toLower) @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (any case)` })
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toInt) @IsInt({ message: WORKERS_MSG }) @Min(1, { message: WORKERS_MSG }) @Max(64, { message: WORKERS_MSG })
  WORKERS = 2;

  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^rediss?:\/\/[^\s/]+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://localhost:6379' })
  REDIS_URL?: string;

  @Transform(toInt) @IsInt({ message: 'CACHE_TTL must be a whole number of seconds between 1 and 604800' }) @Min(1, { message: 'CACHE_TTL must be at least 1 second' }) @Max(604800, { message: 'CACHE_TTL must be at most 604800 seconds (7 days)' })
  CACHE_TTL = 300;

  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'CACHE_NAMESPACE must be 1-64 characters of letters, digits, _ . -' })
  CACHE_NAMESPACE = 'mcp';

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(16, { message: 'SECRET_KEY must be at least 16 characters' })
  SECRET_KEY?: string;

  @Transform(emptyToUndefined) @IsOptional()
  // eslint-disable-next-line security/detect-unsafe-regex -- each repetition must consume a comma, so backtracking is bounded; runs once at boot on operator-set env
  @Matches(/^\s*https?:\/\/[^,\s]+(\s*,\s*https?:\/\/[^,\s]+)*\s*$/, { message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins' })
  CORS_ORIGINS?: string;

  @Transform(emptyToUndefined) @IsOptional()
  // eslint-disable-next-line security/detect-unsafe-regex -- each repetition must consume a comma, so backtracking is bounded; runs once at boot on operator-set env
  @Matches(/^\s*[A-Za-z0-9.*:-]+(\s*,\s*[A-Za-z0-9.*:-]+)*\s*$/, { message: 'ALLOWED_HOSTS must be a comma-separated list of host names' })
  ALLOWED_HOSTS?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  OPENAI_API_KEY?: string;

  @IsString()
  OPENAI_MODEL = 'gpt-4o-mini';

  /** Any OpenAI-compatible server (include the /v1 path). */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'OPENAI_BASE_URL must be an http(s) URL, e.g. https://api.openai.com/v1' })
  OPENAI_BASE_URL?: string;

  @Transform(toInt) @IsInt({ message: OPENAI_TIMEOUT_MSG }) @Min(1000, { message: OPENAI_TIMEOUT_MSG }) @Max(300000, { message: OPENAI_TIMEOUT_MSG })
  OPENAI_TIMEOUT_MS = 20000;

  /** Tokens per UTC day after which plans are served by the deterministic engine (0 = no model calls). */
  @Transform(toInt) @IsInt({ message: TOKEN_BUDGET_MSG }) @Min(0, { message: TOKEN_BUDGET_MSG }) @Max(1_000_000_000, { message: TOKEN_BUDGET_MSG })
  OPENAI_DAILY_TOKEN_BUDGET = 200000;

  /** On-chain fee rate (sat/vB) used to estimate channel open/close costs when no live fee source is configured. */
  @Transform(toInt) @IsInt({ message: FEE_RATE_MSG }) @Min(1, { message: FEE_RATE_MSG }) @Max(10000, { message: FEE_RATE_MSG })
  ONCHAIN_FEE_RATE_SAT_VB = 10;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  SPARKSEER_API_KEY?: string;

  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'SPARKSEER_BASE_URL must be an http(s) URL' })
  SPARKSEER_BASE_URL = 'https://api.sparkseer.space';

  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'LNBITS_URL must be an http(s) URL' })
  LNBITS_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  LNBITS_API_KEY?: string;

  /** A file path, or an https:// URL downloaded at boot and every GRAPH_REFRESH_INTERVAL (plain http is refused). */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  @Matches(/^(?!http:\/\/)/i, { message: 'GRAPH_SNAPSHOT must be a file path or an https:// URL: plain http:// is refused, a graph fetched without TLS could be altered on the way' })
  GRAPH_SNAPSHOT?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  GRAPH_LISTNODES?: string;

  /** Language of advice when the request's Accept-Language names neither fr nor en. */
  @Transform(toLower) @IsIn(['fr', 'en'], { message: 'DEFAULT_LANGUAGE must be fr or en' })
  DEFAULT_LANGUAGE: 'fr' | 'en' = 'fr';

  // --- Live sources (issue "Real data sources") ---
  @Transform(toLower) @IsIn(GRAPH_SOURCES, { message: `GRAPH_SOURCE must be one of ${GRAPH_SOURCES.join(', ')}` })
  GRAPH_SOURCE: GraphSource = 'embedded';

  @Transform(toInt) @IsInt({ message: REFRESH_MSG }) @Min(0, { message: REFRESH_MSG }) @Max(86400, { message: REFRESH_MSG })
  GRAPH_REFRESH_INTERVAL = 0;

  // --- Graph age and downloads (issue 23) ---
  /** Answers warn when the graph is older than this many days. */
  @Transform(toInt) @IsInt({ message: MAX_AGE_MSG }) @Min(0, { message: MAX_AGE_MSG }) @Max(36500, { message: MAX_AGE_MSG })
  GRAPH_MAX_AGE_DAYS = 7;

  @Transform(toInt) @IsInt({ message: DOWNLOAD_MB_MSG }) @Min(1, { message: DOWNLOAD_MB_MSG }) @Max(4096, { message: DOWNLOAD_MB_MSG })
  GRAPH_DOWNLOAD_MAX_MB = 512;

  @Transform(toInt) @IsInt({ message: DOWNLOAD_TIMEOUT_MSG }) @Min(1, { message: DOWNLOAD_TIMEOUT_MSG }) @Max(3600, { message: DOWNLOAD_TIMEOUT_MSG })
  GRAPH_DOWNLOAD_TIMEOUT = 300;

  /** PEM certificate to trust for an https GRAPH_SNAPSHOT served with a private or self-signed certificate. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  GRAPH_SNAPSHOT_TLS_CERT_PATH?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'LND_REST_URL must be an http(s) URL, e.g. https://127.0.0.1:8080' })
  LND_REST_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^[0-9a-fA-F]+$/, { message: 'LND_MACAROON_HEX must be hexadecimal' })
  LND_MACAROON_HEX?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  LND_MACAROON_PATH?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  LND_TLS_CERT_PATH?: string;

  // --- Core Lightning REST (clnrest plugin) ---
  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'CLN_REST_URL must be an http(s) URL, e.g. https://127.0.0.1:3010' })
  CLN_REST_URL?: string;

  /** A rune from `lightning-cli createrune` (base64url), sent in the `Rune` header. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^[A-Za-z0-9_=-]+$/, { message: 'CLN_RUNE must be a rune (base64url text from lightning-cli createrune)' })
  CLN_RUNE?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  CLN_TLS_CERT_PATH?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'MEMPOOL_BASE_URL must be an http(s) URL, e.g. https://mempool.space/api' })
  MEMPOOL_BASE_URL?: string;

  /** The pubkey of the node that owns SPARKSEER_API_KEY (its /v1/services/* answers are about that node only). */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^0[23][0-9a-fA-F]{64}$/, { message: 'SPARKSEER_NODE_PUBKEY must be a node pubkey (66 hex characters, 02/03)' })
  SPARKSEER_NODE_PUBKEY?: string;

  @Transform(toInt) @IsInt({ message: TIMEOUT_MSG }) @Min(100, { message: TIMEOUT_MSG }) @Max(120000, { message: TIMEOUT_MSG })
  UPSTREAM_TIMEOUT_MS = 5000;

  // --- Bulk analysis ---
  @Transform(toLower) @IsIn(['api', 'worker', 'all'], { message: 'APP_ROLE must be api, worker or all' })
  APP_ROLE: 'api' | 'worker' | 'all' = 'all';

  @Transform(toInt) @IsInt({ message: 'BULK_INLINE_MAX must be an integer between 1 and 500' }) @Min(1, { message: 'BULK_INLINE_MAX must be an integer between 1 and 500' }) @Max(500, { message: 'BULK_INLINE_MAX must be an integer between 1 and 500' })
  BULK_INLINE_MAX = 50;

  @Transform(toInt) @IsInt({ message: 'BULK_CHUNK_SIZE must be an integer between 1 and 1000' }) @Min(1, { message: 'BULK_CHUNK_SIZE must be an integer between 1 and 1000' }) @Max(1000, { message: 'BULK_CHUNK_SIZE must be an integer between 1 and 1000' })
  BULK_CHUNK_SIZE = 100;

  @Transform(toInt) @IsInt({ message: 'BULK_WORKER_CONCURRENCY must be an integer between 1 and 64' }) @Min(1, { message: 'BULK_WORKER_CONCURRENCY must be an integer between 1 and 64' }) @Max(64, { message: 'BULK_WORKER_CONCURRENCY must be an integer between 1 and 64' })
  // Two, so one chunk is computed while the other's outcomes are written to Redis (npm run bench:bulk).
  BULK_WORKER_CONCURRENCY = 2;

  @Transform(toInt) @IsInt({ message: 'BULK_RESULT_TTL must be a whole number of seconds between 60 and 2592000' }) @Min(60, { message: 'BULK_RESULT_TTL must be a whole number of seconds between 60 and 2592000' }) @Max(2592000, { message: 'BULK_RESULT_TTL must be a whole number of seconds between 60 and 2592000' })
  BULK_RESULT_TTL = 86400;

  /** Distinct pubkeys a job asking for channel_candidates may list (each costs 50–400 ms of CPU). */
  @Transform(toInt) @IsInt({ message: CAP_JOB_MSG }) @Min(1, { message: CAP_JOB_MSG }) @Max(10_000, { message: CAP_JOB_MSG })
  BULK_MAX_EXPENSIVE_ITEMS_PER_JOB = 1000;

  /** channel_candidates items one API key may have in queued and running jobs at once. */
  @Transform(toInt) @IsInt({ message: CAP_KEY_MSG }) @Min(1, { message: CAP_KEY_MSG }) @Max(1_000_000, { message: CAP_KEY_MSG })
  BULK_MAX_EXPENSIVE_ITEMS_PER_KEY = 2000;

  /** Items of results one API key's jobs may keep in the job store (Redis) until they expire. */
  @Transform(toInt) @IsInt({ message: STORED_MSG }) @Min(1, { message: STORED_MSG }) @Max(100_000_000, { message: STORED_MSG })
  BULK_MAX_STORED_ITEMS_PER_KEY = 50_000;

  /**
   * Redis for the bulk queue and job results; defaults to REDIS_URL. Give a separate Redis with
   * maxmemory-policy noeviction and AOF when REDIS_URL is an evicting cache.
   */
  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^rediss?:\/\/[^\s/]+/, { message: 'QUEUE_REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://queue-redis:6379' })
  QUEUE_REDIS_URL?: string;

  /** How often BullMQ checks for chunks whose worker died (its lock expired); lower = faster recovery. */
  @Transform(toInt) @IsInt({ message: 'BULK_STALLED_INTERVAL_MS must be a whole number of milliseconds between 500 and 600000' }) @Min(500, { message: 'BULK_STALLED_INTERVAL_MS must be a whole number of milliseconds between 500 and 600000' }) @Max(600000, { message: 'BULK_STALLED_INTERVAL_MS must be a whole number of milliseconds between 500 and 600000' })
  BULK_STALLED_INTERVAL_MS = 30000;

  // --- Production readiness (issue "Production readiness") ---
  /** Comma-separated API keys; several at once allow rotation. */
  // eslint-disable-next-line security/detect-unsafe-regex -- each repetition must consume a comma, so backtracking is bounded; runs once at boot on operator-set env
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^\s*[^,\s]{16,}(\s*,\s*[^,\s]{16,})*\s*$/, { message: 'API_KEYS must be a comma-separated list of keys of at least 16 characters' })
  API_KEYS?: string;

  @Transform(toInt) @IsInt({ message: RATE_MSG }) @Min(1, { message: RATE_MSG }) @Max(1_000_000, { message: RATE_MSG })
  RATE_LIMIT_PER_MINUTE = 120;

  /** Unset: see {@link expensiveLimitPerMinute}. */
  @Transform(toInt) @IsOptional() @IsInt({ message: RATE_MSG }) @Min(1, { message: RATE_MSG }) @Max(1_000_000, { message: RATE_MSG })
  RATE_LIMIT_EXPENSIVE_PER_MINUTE?: number;

  /**
   * Set to `production` by the Dockerfile and Nixpacks builds; read only: it keeps local-use defaults out of them
   * and makes webhooks https-only.
   */
  @IsOptional() @IsString()
  NODE_ENV?: string;

  /** Every request per client (key, or IP without one), counted before the body is parsed or the route is known. */
  @Transform(toInt) @IsInt({ message: EDGE_RATE_MSG }) @Min(0, { message: EDGE_RATE_MSG }) @Max(1_000_000, { message: EDGE_RATE_MSG })
  RATE_LIMIT_EDGE_PER_MINUTE = 600;

  /** Uncached recommendations waiting for a free worker (WORKERS compute at once); one more gets 503 + Retry-After. */
  @Transform(toInt) @IsInt({ message: QUEUE_MSG }) @Min(0, { message: QUEUE_MSG }) @Max(10_000, { message: QUEUE_MSG })
  RECOMMENDATIONS_QUEUE_MAX = 8;

  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'ALERT_WEBHOOK_URL must be an http(s) URL' })
  ALERT_WEBHOOK_URL?: string;

  /**
   * Hosts a webhook (bulk callback_url, ALERT_WEBHOOK_URL) may reach although they are loopback, private or
   * link-local: exact host names or IP addresses, comma-separated. Unset: only public addresses are called.
   */
  @Transform(emptyToUndefined) @IsOptional()
  // eslint-disable-next-line security/detect-unsafe-regex -- each repetition must consume a comma, so backtracking is bounded; runs once at boot on operator-set env
  @Matches(/^\s*[A-Za-z0-9.:\[\]-]+(\s*,\s*[A-Za-z0-9.:\[\]-]+)*\s*$/, { message: 'WEBHOOK_ALLOWED_HOSTS must be a comma-separated list of host names or IP addresses' })
  WEBHOOK_ALLOWED_HOSTS?: string;

  /** Express `trust proxy`: hops to trust (e.g. 1 behind Hostinger's proxy), or false. */
  @Matches(/^(false|true|\d{1,2}|loopback|linklocal|uniquelocal)$/, { message: 'TRUST_PROXY must be false, true, a hop count (e.g. 1) or loopback/linklocal/uniquelocal' })
  TRUST_PROXY = 'loopback';

  @Transform(toInt) @IsInt({ message: SHUTDOWN_MSG }) @Min(0, { message: SHUTDOWN_MSG }) @Max(600000, { message: SHUTDOWN_MSG })
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** The payment-flow model of each loaded graph (README "Payment-flow model"): computed in a worker after each load. */
  @Transform(toBool) @IsBoolean({ message: 'FLOW_MODEL must be true or false (or 1/0)' })
  FLOW_MODEL = true;

  /** Payments sampled per seeded run of the flow model. */
  @Transform(toInt) @IsInt({ message: FLOW_PAYMENTS_MSG }) @Min(1000, { message: FLOW_PAYMENTS_MSG }) @Max(10_000_000, { message: FLOW_PAYMENTS_MSG })
  // The engine's own default (DEFAULT_DEMAND.paymentsPerSeed): 5 runs of 24,000 = 120,000 payments, as benchmarked.
  FLOW_PAYMENTS = 24_000;

  /** Seeded runs of the flow model; the spread (p10–p90) is taken over them. */
  @Transform(toInt) @IsInt({ message: FLOW_RUNS_MSG }) @Min(1, { message: FLOW_RUNS_MSG }) @Max(50, { message: FLOW_RUNS_MSG })
  FLOW_RUNS = 5;

  /** Empty means no history; unset means the embedded older snapshots. */
  @IsOptional() @IsString()
  GRAPH_HISTORY_SNAPSHOTS?: string;
}

/** Validates `env`; throws one error naming every bad variable. */
/** Expensive requests a minute when RATE_LIMIT_EXPENSIVE_PER_MINUTE is unset: the production default. */
export const EXPENSIVE_PER_MINUTE = 20;
/** The same for local use, so that a user can script the API without tuning limits: one every 100 ms. */
export const LOCAL_EXPENSIVE_PER_MINUTE = 600;

/**
 * RATE_LIMIT_EXPENSIVE_PER_MINUTE, else the local-use default on a development instance that is not a production
 * build and asks for no key (nothing to protect but the user's own machine), else the production default.
 */
export function expensiveLimitPerMinute(e: Pick<EnvironmentVariables, 'RATE_LIMIT_EXPENSIVE_PER_MINUTE' | 'ENVIRONMENT' | 'NODE_ENV' | 'API_KEYS'>): number {
  if (e.RATE_LIMIT_EXPENSIVE_PER_MINUTE !== undefined) return e.RATE_LIMIT_EXPENSIVE_PER_MINUTE;
  const local = e.ENVIRONMENT === 'development' && e.NODE_ENV !== 'production' && !e.API_KEYS;
  return local ? LOCAL_EXPENSIVE_PER_MINUTE : EXPENSIVE_PER_MINUTE;
}

export function validateEnv(env: Record<string, unknown>): EnvironmentVariables {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
  const parsed = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  const lines = errors.map((e) => `  - ${e.property}: ${[...new Set(Object.values(e.constraints ?? {}))].join('; ')}`);
  if (errors.length === 0 && parsed.ALERT_WEBHOOK_URL) {
    // https in production is production-config's rule (it names every upstream alike); the rest is checked here.
    const allowedHosts = (parsed.WEBHOOK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    const verdict = checkWebhookUrl(parsed.ALERT_WEBHOOK_URL, { httpsOnly: false, allowedHosts });
    if (!verdict.ok) lines.push(`  - ALERT_WEBHOOK_URL: ALERT_WEBHOOK_URL ${verdict.problem}`);
  }
  if (lines.length > 0) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  return parsed;
}
