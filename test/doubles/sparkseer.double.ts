import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SparkseerCentralitiesWire, SparkseerCurrentStatsWire } from '../../src/clients/sparkseer/sparkseer.wire';
import { FakeUpstream, RecordedRequest, Reply, router } from './fake-upstream';

const FIXTURES = join(__dirname, '..', 'fixtures', 'sparkseer');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** Probably the node whose key produced the saved services answers (sparkseer.md; a guess, see the fixtures README). */
export const SPARKSEER_OWNER = '02778f4a4eb3a2344b9fd8ee72e7ec5f03f803e5f5273e2e1a2af508910cf2b12b';
/** The pubkey in the API reference's samples. */
export const SPARKSEER_DOCS_PUBKEY = '03899f4a6c679c3a1bea61c3ba7bb0ac560f3d420286d1d898c5f83b8e0830844f';

/** The API reference's current-stats sample values (https://api.sparkseer.space), for a given pubkey. */
export function docsCurrentStats(pubkey: string): SparkseerCurrentStatsWire {
  return {
    pubkey, total_capacity: 210000000, num_channels: 69, mean_channel_capacity: 21000000.42, median_channel_capacity: 21000000,
    mean_outbound_base_fee: 1000, mean_outbound_fee_rate: 420, median_outbound_base_fee: 1000, median_outbound_fee_rate: 420,
    mean_inbound_base_fee: 1000, mean_inbound_fee_rate: 420, median_inbound_base_fee: 1000, median_inbound_fee_rate: 420,
    alias: 'string', ipv4: 'string', ipv6: 'string', torv3: 'string', last_update: 1592312018,
    betweenness_rank: 420, closeness_rank: 420, eigenvector_rank: 420, weighted_betweenness_rank: 420, weighted_closeness_rank: 420, weighted_eigenvector_rank: 420,
    htlc_response_time_mean: 2.69, htlc_response_time_median: 2, liquidity_flexibility_score: 69.21, effective_outbound_balance: 69.21, effective_inbound_balance: 69.21,
  };
}

const DOCS_CENTRALITIES: SparkseerCentralitiesWire = {
  graph_timestamp: 1592312018,
  centralities: [
    { pubkey: SPARKSEER_DOCS_PUBKEY, ranks: [{ cent_between_rank: 420, cent_between_weight_rank: 420, cent_close_rank: 69, cent_close_weight_rank: 69, cent_eigen_rank: 21, cent_eigen_weight_rank: 21 }] },
  ],
};

export interface SparkseerDoubleOptions {
  /** API key → pubkey of the node that owns it. */
  keys: Record<string, string>;
  /** Nodes current-stats knows (default: the docs pubkey and SPARKSEER_OWNER). */
  knownNodes?: string[];
  /** The docs show a bare object; clients of the live API saw a one-element array (default). */
  currentStatsShape?: 'array' | 'object';
  /** What an unknown node gets: unconfirmed upstream, so both readings are available. */
  unknownNode?: 'empty-array' | '404';
}

/**
 * Sparkseer v1 as ../shared/upstreams/sparkseer.md describes it: keyless `/v1/stats/*`, `api-key`-scoped
 * current-stats and `/v1/services/*` (answers keyed on the API key's owner, never on a path or query value),
 * plumber's error bodies, and the LNnodeInsight 401 bodies (very likely the same on Sparkseer; unconfirmed).
 */
export function sparkseerDouble(opts: SparkseerDoubleOptions): FakeUpstream {
  let series: unknown;
  const known = new Set(opts.knownNodes ?? [SPARKSEER_DOCS_PUBKEY, SPARKSEER_OWNER]);
  const services: Record<string, unknown> = {
    'channel-recommendations': fixture('channel-recommendations.json'),
    'suggested-fees': fixture('suggested-fees.json'),
    'outbound-liquidity-value': fixture('outbound-liquidity-value.json'),
  };
  const auth = (req: RecordedRequest): { owner: string } | Reply => {
    const key = req.headers['api-key'];
    if (typeof key !== 'string') return { status: 401, json: { status: 401, error: 'Authentication required' } };
    const owner = opts.keys[key];
    if (!owner) return { status: 401, json: { status: 401, error: 'API key not found' } };
    return { owner };
  };
  return new FakeUpstream(
    router(
      [
        ['GET', /^\/v1\/stats\/ln-summary-ts$/, () => {
          series ??= JSON.parse(gunzipSync(readFileSync(join(FIXTURES, 'ln-summary-ts.json.gz'))).toString('utf8'));
          return { status: 200, json: series };
        }],
        ['GET', /^\/v1\/stats\/centralities$/, () => ({ status: 200, json: DOCS_CENTRALITIES })],
        ['GET', /^\/v1\/node\/current-stats\/([0-9a-f]{66})$/, (req, m) => {
          const a = auth(req);
          if ('status' in a) return a;
          if (!known.has(m[1])) return opts.unknownNode === '404' ? { status: 404, json: { error: '404 - Resource Not Found' } } : { status: 200, json: [] };
          const row = docsCurrentStats(m[1]);
          return { status: 200, json: opts.currentStatsShape === 'object' ? row : [row] };
        }],
        ['GET', /^\/v1\/services\/(channel-recommendations|suggested-fees|outbound-liquidity-value)$/, (req, m) => {
          const a = auth(req);
          if ('status' in a) return a;
          // The saved answers belong to SPARKSEER_OWNER; any other owner has (in this double) no data yet.
          if (a.owner !== SPARKSEER_OWNER) return { status: 200, json: m[1] === 'channel-recommendations' ? { channel_recommendations: [] } : { channel_peers: [] } };
          return { status: 200, json: services[m[1]] };
        }],
      ],
      { status: 404, json: { error: '404 - Resource Not Found' } },
    ),
  );
}
