// Generated from openapi.json by scripts/generate-sdk.js: do not edit.

import type { Client, ClientForPath } from 'openapi-fetch';
import type { paths } from './schema';

/** openapi-fetch's own signature for one method of one path: typed parameters, body, data and error. */
type Op<P extends keyof paths, M extends string> = ClientForPath<paths[P], `${string}/${string}`>[M & keyof ClientForPath<paths[P], `${string}/${string}`>];

/** The implementation forwards arguments as they are; the public type of each function is {@link Op}. */
type Untyped = (...args: unknown[]) => unknown;

/** One function per API operation, named by its operationId. */
export function operations(client: Client<paths>) {
  return {
    /** Cancels a queued or running job: remaining items are skipped; processed ones stay readable. Only the key */
    cancelBulkAnalysis: ((...init: unknown[]) => (client.DELETE as Untyped)('/api/v1/nodes/bulk-analysis/{job_id}', ...init)) as Op<'/api/v1/nodes/bulk-analysis/{job_id}', 'DELETE'>,
    /** Analyses many nodes. Up to BULK_INLINE_MAX (50) pubkeys without expensive types answer inline (200) in */
    createBulkAnalysis: ((...init: unknown[]) => (client.POST as Untyped)('/api/v1/nodes/bulk-analysis', ...init)) as Op<'/api/v1/nodes/bulk-analysis', 'POST'>,
    /** A ranked, budget-aware action plan. Picked and explained by the configured OpenAI model when there is one, */
    createPriorities: ((...init: unknown[]) => (client.POST as Untyped)('/api/v1/node/{pubkey}/priorities', ...init)) as Op<'/api/v1/node/{pubkey}/priorities', 'POST'>,
    /** The same figures, vetting and sizes for exactly the peers the operator is considering (up to 50, in their order), plus the change in mean hop distance. */
    evaluateChannelCandidates: ((...init: unknown[]) => (client.POST as Untyped)('/api/v1/node/{pubkey}/channel-candidates/evaluate', ...init)) as Op<'/api/v1/node/{pubkey}/channel-candidates/evaluate', 'POST'>,
    /** Status, progress, ETA, per-worker counts and one page of results and per-item errors. With API keys */
    getBulkAnalysis: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/nodes/bulk-analysis/{job_id}', ...init)) as Op<'/api/v1/nodes/bulk-analysis/{job_id}', 'GET'>,
    /** Peers the node has no channel with, ranked by what one new channel to each would do to the node's */
    getChannelCandidates: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/node/{pubkey}/channel-candidates', ...init)) as Op<'/api/v1/node/{pubkey}/channel-candidates', 'GET'>,
    /** Modelled forwards and revenue per day of the node's channel(s) to `peer` at evenly spaced fee rates from */
    getFeeCurve: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/node/{pubkey}/channels/{peer}/fee-curve', ...init)) as Op<'/api/v1/node/{pubkey}/channels/{peer}/fee-curve', 'GET'>,
    /** Service health in the product document's shape; 503 only when `unhealthy`. Open to probes without a key; */
    getHealth: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/health', ...init)) as Op<'/api/v1/health', 'GET'>,
    /** Liveness: the process answers. */
    getLiveness: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/health/live', ...init)) as Op<'/api/v1/health/live', 'GET'>,
    /** Service performance: request count, mean latency (seconds), cache hit ratio, error rate, per-route percentiles. */
    getMetrics: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/metrics', ...init)) as Op<'/api/v1/metrics', 'GET'>,
    /** Channel-size, fee-rate and base-fee distributions of the whole network (quantiles and 1-2-5 histograms), */
    getNetworkStats: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/network/stats', ...init)) as Op<'/api/v1/network/stats', 'GET'>,
    /** Alias, channels with both policies, capacity, fee figures and network position of a node, from the */
    getNodeInfo: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/node/{pubkey}/info', ...init)) as Op<'/api/v1/node/{pubkey}/info', 'GET'>,
    /** The same measurements in the Prometheus text exposition format, with latency histograms. */
    getPrometheusMetrics: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/metrics/prometheus', ...init)) as Op<'/api/v1/metrics/prometheus', 'GET'>,
    /** Readiness: 200 once the graph is loaded, 503 before. */
    getReadiness: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/health/ready', ...init)) as Op<'/api/v1/health/ready', 'GET'>,
    /** Fee, connectivity, liquidity, reliability and cost advice for a node, each with its evidence, priority, */
    getRecommendations: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/node/{pubkey}/recommendations', ...init)) as Op<'/api/v1/node/{pubkey}/recommendations', 'GET'>,
    /** Nodes of the graph by pubkey or alias, case-insensitive: the exact pubkey first, then aliases starting with */
    searchNodes: ((...init: unknown[]) => (client.GET as Untyped)('/api/v1/nodes/search', ...init)) as Op<'/api/v1/nodes/search', 'GET'>,
    /** What-if on the payment-flow model (README "Payment-flow model"): up to 10 changes of the node's own policies */
    simulateWhatIf: ((...init: unknown[]) => (client.POST as Untyped)('/api/v1/node/{pubkey}/simulate', ...init)) as Op<'/api/v1/node/{pubkey}/simulate', 'POST'>,
  };
}

export const OPERATION_IDS = ["cancelBulkAnalysis","createBulkAnalysis","createPriorities","evaluateChannelCandidates","getBulkAnalysis","getChannelCandidates","getFeeCurve","getHealth","getLiveness","getMetrics","getNetworkStats","getNodeInfo","getPrometheusMetrics","getReadiness","getRecommendations","searchNodes","simulateWhatIf"] as const;
