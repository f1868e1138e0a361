import { validateEnv } from '../config/env.validation';
import { assertProductionConfig, productionConfigProblems, productionConfigWarnings } from './production-config';

const SAFE = { ENVIRONMENT: 'production', API_KEYS: 'key-0123456789abcdef', SECRET_KEY: 'secret-0123456789ab', ALLOWED_HOSTS: 'api.dazno.de', TRUST_PROXY: '1' };

describe(assertProductionConfig.name, () => {
  it('takes the validated environment as is and passes a safe production configuration', () => {
    expect(() => assertProductionConfig(validateEnv(SAFE))).not.toThrow();
    expect(productionConfigWarnings(validateEnv(SAFE))).toEqual([]);
  });

  it('refuses production without API_KEYS or SECRET_KEY, listing both', () => {
    const env = validateEnv({ ENVIRONMENT: 'production' });
    expect(() => assertProductionConfig(env)).toThrow(/API_KEYS is required[\s\S]*SECRET_KEY is required/);
  });

  it.each(['SPARKSEER_BASE_URL', 'LNBITS_URL', 'LND_REST_URL', 'MEMPOOL_BASE_URL', 'OPENAI_BASE_URL', 'ALERT_WEBHOOK_URL'])('refuses a plain-http %s in production', (name) => {
    const env = validateEnv({ ...SAFE, [name]: 'http://upstream.example.org/with-token-in-path' });
    const problems = productionConfigProblems(env);
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name} must be an https:// URL in production`))]);
    expect(problems.join()).not.toContain('with-token');
  });

  it('lets development and staging run without keys and with http upstreams', () => {
    for (const ENVIRONMENT of ['development', 'staging']) {
      expect(productionConfigProblems(validateEnv({ ENVIRONMENT, LNBITS_URL: 'http://localhost:5000' }))).toEqual([]);
    }
  });

  it('warns about a missing Host allow-list and TRUST_PROXY=true', () => {
    const warnings = productionConfigWarnings(validateEnv({ ...SAFE, ALLOWED_HOSTS: '', TRUST_PROXY: 'true' }));
    expect(warnings).toEqual([expect.stringMatching(/^ALLOWED_HOSTS is not set/), expect.stringMatching(/^TRUST_PROXY=true/)]);
  });
});
