import { EXPENSIVE_PER_MINUTE, expensiveLimitPerMinute, LOCAL_EXPENSIVE_PER_MINUTE, validateEnv } from './env.validation';
import { webhookConfig } from './configuration';

describe(validateEnv.name, () => {
  it('applies the product document defaults', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({ PORT: 8000, CACHE_TTL: 300, CACHE_NAMESPACE: 'mcp', ENVIRONMENT: 'development', LOG_LEVEL: 'info', OPENAI_MODEL: 'gpt-4o-mini', SPARKSEER_BASE_URL: 'https://api.sparkseer.space' });
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('accepts the product document example (LOG_LEVEL=INFO, WORKERS=2, lists)', () => {
    const env = validateEnv({ LOG_LEVEL: 'INFO', WORKERS: '2', PORT: '8000', ENVIRONMENT: 'production', CORS_ORIGINS: 'https://dazno.de,https://api.dazno.de', ALLOWED_HOSTS: 'api.dazno.de', REDIS_URL: 'redis://localhost:6379', SECRET_KEY: 'a-long-enough-secret' });
    expect(env).toMatchObject({ LOG_LEVEL: 'info', WORKERS: 2, ENVIRONMENT: 'production' });
  });

  it('graph age and download limits default to 7 days, 512 MB and 300 s; an https snapshot URL is accepted', () => {
    expect(validateEnv({})).toMatchObject({ GRAPH_MAX_AGE_DAYS: 7, GRAPH_DOWNLOAD_MAX_MB: 512, GRAPH_DOWNLOAD_TIMEOUT: 300 });
    expect(validateEnv({ GRAPH_SNAPSHOT: 'https://dumps.example/graph_2026-12-05.json.gz' }).GRAPH_SNAPSHOT).toBe('https://dumps.example/graph_2026-12-05.json.gz');
    expect(validateEnv({ GRAPH_SNAPSHOT: 'data/ln-graph/http-export.json' }).GRAPH_SNAPSHOT).toBe('data/ln-graph/http-export.json');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT: PORT must be an integer/],
    [{ PORT: '70000' }, /PORT/],
    [{ CACHE_TTL: '-1' }, /CACHE_TTL: CACHE_TTL must be at least 1 second/],
    [{ CACHE_TTL: '1.5' }, /CACHE_TTL must be a whole number/],
    [{ REDIS_URL: 'nonsense' }, /REDIS_URL: REDIS_URL must be a redis/],
    [{ ENVIRONMENT: 'prod' }, /ENVIRONMENT must be one of development, staging, production/],
    [{ CORS_ORIGINS: 'dazno.de' }, /CORS_ORIGINS must be a comma-separated list of http\(s\) origins/],
    [{ SPARKSEER_BASE_URL: 'ftp:/x' }, /SPARKSEER_BASE_URL must be an http\(s\) URL/],
    [{ SECRET_KEY: 'short' }, /SECRET_KEY must be at least 16 characters/],
    [{ GRAPH_SNAPSHOT: 'http://dumps.example/graph.json.gz' }, /GRAPH_SNAPSHOT must be a file path or an https:\/\/ URL: plain http:\/\/ is refused/],
    [{ GRAPH_SNAPSHOT: 'HTTP://dumps.example/graph.json.gz' }, /plain http:\/\/ is refused/],
    [{ GRAPH_MAX_AGE_DAYS: '-1' }, /GRAPH_MAX_AGE_DAYS must be a whole number of days/],
    [{ GRAPH_DOWNLOAD_MAX_MB: '0' }, /GRAPH_DOWNLOAD_MAX_MB must be a whole number of MB/],
    [{ GRAPH_DOWNLOAD_TIMEOUT: '5m' }, /GRAPH_DOWNLOAD_TIMEOUT must be a whole number of seconds/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => validateEnv(env)).toThrow(message);
  });

  it.each([
    [{ ALERT_WEBHOOK_URL: 'https://user:pass@hooks.example.org/x' }, /ALERT_WEBHOOK_URL must not carry credentials/],
    [{ ALERT_WEBHOOK_URL: 'http://127.0.0.1:9000/x' }, /ALERT_WEBHOOK_URL must point to a public address: 127\.0\.0\.1 is loopback/],
    [{ ALERT_WEBHOOK_URL: 'http://0x7f000001/x' }, /127\.0\.0\.1 is loopback/],
    [{ ALERT_WEBHOOK_URL: 'http://[::ffff:a9fe:a9fe]/x' }, /link-local/],
    [{ WEBHOOK_ALLOWED_HOSTS: 'a b' }, /WEBHOOK_ALLOWED_HOSTS must be a comma-separated list/],
  ])('refuses the webhook setting %j', (env, message) => {
    expect(() => validateEnv(env)).toThrow(message);
  });

  it('Core Lightning: GRAPH_SOURCE=cln and the CLN_* settings; a bad rune is refused without being echoed', () => {
    const rune = 'tU-RLjMiDpY2U0o3W1oFowar36RFGpWloPbW9-RuZdo9MyZpZD0wMjRi==';
    expect(validateEnv({ GRAPH_SOURCE: 'CLN', CLN_REST_URL: 'https://127.0.0.1:3010', CLN_RUNE: rune, CLN_TLS_CERT_PATH: 'ca.pem' })).toMatchObject({ GRAPH_SOURCE: 'cln', CLN_RUNE: rune });
    expect(() => validateEnv({ CLN_REST_URL: '127.0.0.1:3010' })).toThrow(/CLN_REST_URL must be an http\(s\) URL/);
    const bad = `${rune} extra`;
    expect(() => validateEnv({ CLN_RUNE: bad })).toThrow(/CLN_RUNE must be a rune/);
    try {
      validateEnv({ CLN_RUNE: bad });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(rune);
    }
  });

  it('lets an internal ALERT_WEBHOOK_URL through only when its host is in WEBHOOK_ALLOWED_HOSTS', () => {
    expect(validateEnv({ ALERT_WEBHOOK_URL: 'http://127.0.0.1:9000/x', WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, 127.0.0.1' }).WEBHOOK_ALLOWED_HOSTS).toBe('hooks.internal, 127.0.0.1');
    expect(validateEnv({ ALERT_WEBHOOK_URL: 'http://[::1]:9000/x', WEBHOOK_ALLOWED_HOSTS: '[::1]' }).ALERT_WEBHOOK_URL).toBe('http://[::1]:9000/x');
    expect(validateEnv({ ALERT_WEBHOOK_URL: 'https://hooks.example.org/T0K3N' }).ALERT_WEBHOOK_URL).toBe('https://hooks.example.org/T0K3N');
  });

  it('lists every bad variable at once', () => {
    expect(() => validateEnv({ PORT: 'x', CACHE_TTL: '0' })).toThrow(/PORT[\s\S]*CACHE_TTL|CACHE_TTL[\s\S]*PORT/);
  });
});

describe('webhookConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it.each([
    [{ ENVIRONMENT: 'production', NODE_ENV: 'test' }, true],
    [{ ENVIRONMENT: 'development', NODE_ENV: 'production' }, true],
    [{ ENVIRONMENT: 'staging', NODE_ENV: 'test' }, false],
  ])('makes webhooks https-only for %j: %s', (env, httpsOnly) => {
    process.env = { ...saved, ...env, WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, 10.0.0.5' };
    expect(webhookConfig()).toEqual({ httpsOnly, allowedHosts: ['hooks.internal', '10.0.0.5'] });
  });
});

describe(expensiveLimitPerMinute.name, () => {
  it.each([
    ['a development instance without keys (local use)', {}, LOCAL_EXPENSIVE_PER_MINUTE],
    ['a production build (NODE_ENV=production, as the Dockerfile sets)', { NODE_ENV: 'production' }, EXPENSIVE_PER_MINUTE],
    ['ENVIRONMENT=staging', { ENVIRONMENT: 'staging' }, EXPENSIVE_PER_MINUTE],
    ['ENVIRONMENT=production', { ENVIRONMENT: 'production' }, EXPENSIVE_PER_MINUTE],
    ['an instance with API keys', { API_KEYS: 'a-key-of-16-chars-or-more' }, EXPENSIVE_PER_MINUTE],
    ['an explicit RATE_LIMIT_EXPENSIVE_PER_MINUTE, whatever else is set', { RATE_LIMIT_EXPENSIVE_PER_MINUTE: '7' }, 7],
  ])('%s: %j gives %i a minute', (_label, env, expected) => {
    expect(expensiveLimitPerMinute(validateEnv(env))).toBe(expected);
  });
});
