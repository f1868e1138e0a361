import type { EnvironmentVariables } from '../config/env.validation';

/** The validated variables the production rules look at; `validateEnv(...)`'s result fits as is. */
export type ProductionConfigInput = Pick<
  EnvironmentVariables,
  | 'ENVIRONMENT'
  | 'API_KEYS'
  | 'SECRET_KEY'
  | 'ALLOWED_HOSTS'
  | 'TRUST_PROXY'
  | 'SPARKSEER_BASE_URL'
  | 'LNBITS_URL'
  | 'LND_REST_URL'
  | 'MEMPOOL_BASE_URL'
  | 'OPENAI_BASE_URL'
  | 'ALERT_WEBHOOK_URL'
>;

/** Outbound URLs that carry keys, macaroons or signed alerts: plain http would expose them on the wire. */
const HTTPS_ONLY = ['SPARKSEER_BASE_URL', 'LNBITS_URL', 'LND_REST_URL', 'MEMPOOL_BASE_URL', 'OPENAI_BASE_URL', 'ALERT_WEBHOOK_URL'] as const;

/** Why this configuration must not run in production; empty outside production or when all is well. */
export function productionConfigProblems(env: ProductionConfigInput): string[] {
  if (env.ENVIRONMENT !== 'production') return [];
  const problems: string[] = [];
  if (!env.API_KEYS) problems.push('API_KEYS is required in production: without it every route is open to anyone');
  if (!env.SECRET_KEY) problems.push('SECRET_KEY is required in production: it signs the alert webhooks');
  for (const name of HTTPS_ONLY) {
    // eslint-disable-next-line security/detect-object-injection -- name iterates the constant HTTPS_ONLY list
    const url = env[name];
    if (url && !/^https:\/\//i.test(url.trim())) problems.push(`${name} must be an https:// URL in production (it is ${url.trim().split(':')[0]}://…)`);
  }
  return problems;
}

/** Production settings that are allowed but weaken the service; logged as warnings at boot. */
export function productionConfigWarnings(env: ProductionConfigInput): string[] {
  if (env.ENVIRONMENT !== 'production') return [];
  const warnings: string[] = [];
  if (!env.ALLOWED_HOSTS) warnings.push('ALLOWED_HOSTS is not set: requests for any Host name are answered');
  if (env.TRUST_PROXY === 'true') {
    warnings.push('TRUST_PROXY=true trusts every X-Forwarded-For hop, so a client can pick its own IP and dodge per-IP rate limits; set the number of proxies instead (e.g. 1)');
  }
  return warnings;
}

/** Throws one error listing every reason this configuration must not run in production. */
export function assertProductionConfig(env: ProductionConfigInput): void {
  const problems = productionConfigProblems(env);
  if (problems.length > 0) {
    throw new Error(`Refusing to start with ENVIRONMENT=production:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
