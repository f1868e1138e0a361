/**
 * The API's answers, as the dashboard reads them. They mirror the server's DTOs (src/**\/*.dto.ts); a compile-time
 * contract (test/e2e/dashboard/api-types.contract.ts) fails `npm run typecheck` when the two drift apart. When an
 * OpenAPI-generated SDK exists, these types and ./client.ts are what it replaces.
 */

export type Language = 'en' | 'fr';

/** RFC 9457 problem details, as every error of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  request_id?: string;
  errors?: Array<{ field: string; message: string }>;
}

export interface NodeSearchResult {
  pubkey: string;
  alias: string | null;
  channels: number;
  capacity: number;
  degree_rank: number;
  match: 'pubkey' | 'alias_prefix' | 'pubkey_prefix' | 'alias_substring';
}

export interface NodeSearchResponse {
  query: string;
  results: NodeSearchResult[];
  total: number;
}

export interface RankedValue {
  value: number;
  rank: number;
  percentile: number;
}

export interface Centrality {
  value: number;
  normalized: number;
  rank: number;
  percentile: number;
}

export interface NetworkPosition {
  status: 'ready' | 'computing' | 'unavailable';
  snapshot_date: string;
  graph_version: string;
  total_nodes: number;
  routable_nodes: number;
  routable: boolean;
  degree: RankedValue;
  capacity: RankedValue;
  betweenness: Centrality | null;
  closeness: Centrality | null;
  eigenvector: Centrality | null;
  mean_hop_distance: number | null;
  computed_at: string | null;
  flow: NodeFlow;
}

/** p10 / p50 / p90 over the payment-flow model's seeded runs. */
export interface FlowSpread {
  p10: number;
  p50: number;
  p90: number;
}

/** The node in the payment-flow model (`network_position.flow`). */
export interface NodeFlow {
  status: 'ready' | 'computing' | 'unavailable';
  forwards_per_day: FlowSpread | null;
  volume_sat_per_day: FlowSpread | null;
  revenue_sat_per_day: FlowSpread | null;
  share_of_network_flow: FlowSpread | null;
  payments_per_run: number | null;
  runs: number | null;
}

export interface FeeCurvePoint {
  fee_rate_ppm: number;
  forwards_per_day: FlowSpread;
  revenue_sat_per_day: FlowSpread;
  node_forwards_per_day: FlowSpread;
  node_revenue_sat_per_day: FlowSpread;
}

export interface FeeCurve {
  pubkey: string;
  peer_pubkey: string;
  peer_alias: string | null;
  channel_count: number;
  current_fee_rate_ppm: number;
  points: FeeCurvePoint[];
  best: FeeCurvePoint;
  model: { method: 'fast' | 'full'; payments_per_run: number; runs: number; assumptions: string[] };
}

export interface ChannelPolicy {
  base_fee_msat: number | null;
  fee_rate_ppm: number;
  cltv_delta: number | null;
  min_htlc_msat: number | null;
  max_htlc_msat: number | null;
  disabled: boolean;
  last_update: number | null;
}

export interface Channel {
  short_channel_id: string | null;
  channel_point: string | null;
  peer_pubkey: string;
  peer_alias: string | null;
  capacity: number;
  usable: boolean;
  local_policy: ChannelPolicy | null;
  remote_policy: ChannelPolicy | null;
}

export interface NodeMetrics {
  total_channels: number;
  total_capacity: number;
  routing_revenue_24h: number | null;
  active_channels: number;
  active_capacity: number;
  distinct_peers: number;
  active_peers: number;
  mean_channel_size: number | null;
  median_channel_size: number | null;
  median_outbound_fee_rate_ppm: number | null;
  median_outbound_base_fee_msat: number | null;
}

export interface HistoryPoint {
  snapshot_date: string;
  source_file: string;
  present: boolean;
  total_channels: number | null;
  total_capacity: number | null;
  active_channels: number | null;
  distinct_peers: number | null;
  median_fee_rate_ppm: number | null;
  degree_rank: number | null;
  capacity_rank: number | null;
  nodes_in_snapshot: number;
  change: {
    total_channels: number | null;
    total_capacity: number | null;
    distinct_peers: number | null;
    median_fee_rate_ppm: number | null;
    degree_rank: number | null;
    capacity_rank: number | null;
  };
}

export interface NodeInfo {
  pubkey: string;
  node_info: { alias: string | null; color: string | null };
  metrics: NodeMetrics;
  channels: Channel[];
  network_position: NetworkPosition;
  historical?: HistoryPoint[];
  timestamp: string;
  source: string;
  cache_hit: boolean;
  warnings: string[];
}

export interface HistogramBucket {
  from: number;
  to: number | null;
  count: number;
}

export interface Distribution {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  buckets: HistogramBucket[];
}

export interface NetworkStats {
  graph_version: string;
  snapshot_date: string;
  source: string;
  nodes: number;
  channels: number;
  usable_channels: number;
  routable_nodes: number;
  enabled_directions: number;
  channel_size: Distribution;
  fee_rate: Distribution;
  base_fee: Distribution;
  computed_at: string;
}

export interface RankChange {
  before: number | null;
  after: number;
  rank_before: number;
  rank_after: number;
  gain: number;
}

export interface ChannelCandidate {
  pubkey: string;
  alias: string | null;
  capacity: number;
  channel_count: number;
  gain_in_betweenness_rank: number;
  gain_in_closeness_rank: number;
  gain_in_eigenvector_rank: number;
  minimum_viable_capacity: number;
  ideal_capacity: number;
  /** What to open: sized to the node's own channels and capital, with the rule in suggested_capacity_rule. */
  suggested_capacity: number;
  suggested_capacity_rule: string;
  passive_fee_ppm: number;
  active_fee_ppm: number;
  betweenness: RankChange;
  closeness: RankChange;
  eigenvector: RankChange;
  vetting: CandidateVetting;
  /** The flow model's before/after of opening it (first five candidates, once their what-ifs are done). */
  modelled_flow?: CandidateModelledFlow | null;
}

export interface CandidateModelledFlow {
  node_forwards_per_day: { before: FlowSpread; after: FlowSpread };
  node_revenue_sat_per_day: { before: FlowSpread; after: FlowSpread };
  channel_forwards_per_day: FlowSpread;
  channel_revenue_sat_per_day: FlowSpread;
  adds_flow: boolean;
  note: string;
}

export interface CandidateVetting {
  passed: boolean;
  reasons: string[];
  concerns: string[];
  announced_channels: number;
  zombie_share: number;
  inbound_fee_median_ppm: number | null;
  inbound_fee_at_most_1ppm_share: number | null;
  inbound_fee_sample_size: number;
  shared_peers: number;
  shared_peer_share: number | null;
}

export interface ChannelCandidates {
  pubkey: string;
  routable: boolean;
  candidates: ChannelCandidate[];
  modelled_flow_status?: 'ready' | 'pending' | 'computing' | 'unavailable';
  method: string;
  snapshot_date: string;
  compute_ms: number;
}

export interface Evidence {
  name: string;
  value: number | string | null;
  unit: string;
  source: string;
  date: string | null;
}

export interface Commands {
  lnd: string | null;
  cln: string | null;
  revert: { lnd: string | null; cln: string | null } | null;
  placeholders: Array<{ token: string; meaning: string; how_to_find: string }>;
  notes: string[];
}

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Recommendation {
  id: string;
  rule: string;
  type: string;
  category: string;
  action: string;
  reason: string;
  priority: Priority;
  estimated_impact: string;
  channel_id: string | null;
  target_nodes: string[];
  current_value: number | string | null;
  suggested_value: number | string | null;
  channels_affected: number;
  amount_suggestion: number | null;
  direction: 'inbound' | 'outbound' | null;
  evidence: Evidence[];
  confidence: number;
  commands: Commands | null;
  covered_channels: CoveredChannel[];
}

export interface CoveredChannel {
  channel_id: string | null;
  peer_pubkey: string;
  capacity_sat: number;
}

export const NODE_ROLES = ['cannot_route', 'leaf', 'merchant_sink', 'router', 'hub'] as const;

export interface NodeRole {
  role: (typeof NODE_ROLES)[number];
  can_route: boolean;
  evidence: Evidence[];
}

export interface Recommendations {
  pubkey: string;
  recommendations: Recommendation[];
  node_role: NodeRole;
  total_count: number;
  by_category: Record<string, number>;
  by_priority: Record<string, number>;
  language: Language;
  generated_at: string;
  source: string;
  warnings: string[];
}

export const GOALS = ['routing_revenue', 'connectivity', 'liquidity', 'reliability', 'cost_optimization'] as const;
export const CONTEXTS = ['beginner', 'intermediate', 'expert'] as const;
export const TIMEFRAMES = ['immediate', '1-2 weeks', '1 month', '3+ months'] as const;
export type Goal = (typeof GOALS)[number];
export type PlanContext = (typeof CONTEXTS)[number];
export type Timeframe = (typeof TIMEFRAMES)[number];

export interface PrioritiesRequest {
  context?: PlanContext;
  goals?: Goal[];
  max_actions?: number;
  budget_limit?: number;
  timeframe_preference?: Timeframe;
}

export interface PriorityAction {
  priority: number;
  id: string;
  rule: string;
  category: string;
  action: string;
  reasoning: string;
  impact: string;
  difficulty: 'easy' | 'medium' | 'hard';
  timeframe: Timeframe;
  command: string | null;
  commands: Commands | null;
  /** No command: done by hand, its cost not estimated. */
  manual: boolean;
  estimated_cost: number;
  committed_capital: number;
  cost_basis: string;
  success_metrics: string[];
}

export interface PrioritiesResponse {
  pubkey: string;
  node_role: NodeRole;
  priority_actions: PriorityAction[];
  openai_analysis: string;
  key_metrics: string[];
  total_estimated_cost: number;
  total_committed_capital: number;
  expected_roi: number | null;
  expected_roi_formula: string;
  plan_score: number;
  model_used: string;
  language: Language;
  generated_at: string;
  source: string;
  cache_hit: boolean;
  warnings: string[];
}

export type ServiceState = 'connected' | 'disconnected' | 'degraded' | 'not_configured' | 'unknown';

export interface Health {
  status: 'healthy' | 'degraded' | 'unhealthy';
  services: Record<string, ServiceState>;
  version: string;
  cache_stats: Record<string, unknown>;
  uptime_seconds: number;
  graph: {
    loaded: boolean;
    nodes: number | null;
    channels: number | null;
    routable_nodes: number | null;
    snapshot_date: string | null;
    source: string | null;
    loaded_at: string | null;
  };
  reasons: string[];
}

export interface RouteMetrics {
  method: string;
  route: string;
  request_count: number;
  average_response_time: number;
  error_rate: number;
  client_error_rate: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface UpstreamMetrics {
  configured: boolean;
  calls: number;
  successes: number;
  errors: number;
  retries: number;
  breaker_state: string;
  latency_ms: { p50: number | null; p95: number | null; p99: number | null };
  last_error_at: string | null;
  last_error_kind: string | null;
}

export interface Metrics {
  request_count: number;
  average_response_time: number;
  cache_hit_ratio: number;
  error_rate: number;
  client_error_rate: number;
  last_updated: string;
  routes: RouteMetrics[];
  upstreams: Record<string, unknown>;
  llm: Record<string, unknown>;
}
