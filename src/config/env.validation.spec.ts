import { EXPENSIVE_PER_MINUTE, expensiveLimitPerMinute, LOCAL_EXPENSIVE_PER_MINUTE, validateEnv } from './env.validation';

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
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => validateEnv(env)).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    expect(() => validateEnv({ PORT: 'x', CACHE_TTL: '0' })).toThrow(/PORT[\s\S]*CACHE_TTL|CACHE_TTL[\s\S]*PORT/);
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
