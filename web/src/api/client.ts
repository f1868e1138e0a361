/**
 * The only module that talks HTTP: a small typed wrapper over fetch for the public API under /api/v1, one
 * function per operation, named after the API's operation ids so an OpenAPI-generated SDK can replace this file.
 *
 * Every call sends the chosen language as Accept-Language and, when the operator gave one, the API key as
 * X-API-Key. A non-2xx answer becomes an {@link ApiError} carrying the RFC 9457 problem the API sent. When a
 * response's headers arrive, the call leaves a User Timing mark `api:<operation>:response`, which the page's
 * first-render measure starts from.
 */
import type {
  ChannelCandidates,
  FeeCurve,
  Health,
  Language,
  Metrics,
  NetworkStats,
  NodeInfo,
  NodeSearchResponse,
  PrioritiesRequest,
  PrioritiesResponse,
  Priority,
  Problem,
  Recommendations,
} from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** From Retry-After, when the API sent one. */
    readonly retryAfterMs: number | null,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get code(): string | null {
    return this.problem?.code ?? null;
  }
}

/** No answer at all (server down, network cut), as opposed to an answer with an error status. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

export interface ClientSettings {
  language: () => Language;
  apiKey: () => string | null;
}

interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /** Statuses whose body is the answer rather than a problem (health answers 503 with its report). */
  acceptStatuses?: number[];
}

export function createApiClient(settings: ClientSettings) {
  async function request<T>(operation: string, method: 'GET' | 'POST', path: string, opts: RequestOptions = {}): Promise<T> {
    const url = new URL(API_BASE + path, window.location.origin);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': settings.language() };
    const key = settings.apiKey();
    if (key) headers['X-API-Key'] = key;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal: opts.signal });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      throw new NetworkError(err);
    }
    performance.mark(`api:${operation}:response`);
    const isProblem = (res.headers.get('Content-Type') ?? '').includes('problem+json');
    if (res.ok || (opts.acceptStatuses?.includes(res.status) && !isProblem)) return (await res.json()) as T;
    let problem: Problem | null = null;
    try {
      const body = (await res.json()) as Partial<Problem>;
      if (body && typeof body.status === 'number' && typeof body.code === 'string') problem = body as Problem;
    } catch {
      // Not JSON (a proxy's error page): the status alone is what we know.
    }
    const retryAfter = Number(res.headers.get('Retry-After'));
    throw new ApiError(res.status, problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null);
  }

  const node = (pubkey: string) => `/node/${encodeURIComponent(pubkey)}`;

  return {
    searchNodes: (q: string, limit: number, signal?: AbortSignal) => request<NodeSearchResponse>('searchNodes', 'GET', '/nodes/search', { query: { q, limit }, signal }),
    getNodeInfo: (pubkey: string, opts: { includeHistorical?: boolean } = {}, signal?: AbortSignal) =>
      request<NodeInfo>(opts.includeHistorical ? 'getNodeInfoHistorical' : 'getNodeInfo', 'GET', `${node(pubkey)}/info`, {
        query: { include_historical: opts.includeHistorical || undefined },
        signal,
      }),
    getRecommendations: (pubkey: string, filter: { category?: string; priority?: Priority } = {}, signal?: AbortSignal) =>
      request<Recommendations>('getRecommendations', 'GET', `${node(pubkey)}/recommendations`, { query: filter, signal }),
    getChannelCandidates: (pubkey: string, limit: number, signal?: AbortSignal) =>
      request<ChannelCandidates>('getChannelCandidates', 'GET', `${node(pubkey)}/channel-candidates`, { query: { limit }, signal }),
    createPriorities: (pubkey: string, body: PrioritiesRequest, signal?: AbortSignal) =>
      request<PrioritiesResponse>('createPriorities', 'POST', `${node(pubkey)}/priorities`, { body, signal }),
    getFeeCurve: (pubkey: string, peer: string, range: { from?: number; to?: number; points?: number } = {}, signal?: AbortSignal) =>
      request<FeeCurve>('getFeeCurve', 'GET', `${node(pubkey)}/channels/${encodeURIComponent(peer)}/fee-curve`, { query: range, signal }),
    getNetworkStats: (signal?: AbortSignal) => request<NetworkStats>('getNetworkStats', 'GET', '/network/stats', { signal }),
    getHealth: (signal?: AbortSignal) => request<Health>('getHealth', 'GET', '/health', { signal, acceptStatuses: [503] }),
    getMetrics: (signal?: AbortSignal) => request<Metrics>('getMetrics', 'GET', '/metrics', { signal }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
