import createFetchClient from 'openapi-fetch';
import { operations } from './operations';
import type { paths } from './schema';

export type { paths, components, operations as OperationTypes } from './schema';
export { OPERATION_IDS } from './operations';

export interface ClientOptions {
  /** The service's origin, e.g. `http://localhost:8000` (paths already include /api/v1). */
  baseUrl: string;
  /** Sent as `X-API-Key` when the service has API keys configured. */
  apiKey?: string;
  /** `fr` or `en`, sent as Accept-Language. */
  language?: 'fr' | 'en';
  fetch?: typeof fetch;
}

/**
 * A typed client of the Lightning node intelligence API. Every operation is a function named by its
 * operationId, returning openapi-fetch's `{ data, error, response }`: `error` is the RFC 9457 problem body.
 *
 * ```ts
 * const api = createClient({ baseUrl: 'http://localhost:8000' });
 * const { data } = await api.getNodeInfo({ params: { path: { pubkey: '03864e…' } } });
 * ```
 */
export function createClient(opts: ClientOptions) {
  const client = createFetchClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/$/, ''),
    fetch: opts.fetch,
    headers: {
      ...(opts.apiKey ? { 'X-API-Key': opts.apiKey } : {}),
      ...(opts.language ? { 'Accept-Language': opts.language } : {}),
    },
  });
  return { ...operations(client), raw: client };
}
