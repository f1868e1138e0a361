/**
 * Compile-time contract between the API's DTOs and the types the dashboard reads them as
 * (web/src/api/types.ts): `npm run typecheck` fails when a server answer can no longer be read as the dashboard
 * expects, or when the dashboard would send a request the API refuses. Nothing here runs.
 */
import type * as Web from '../../../web/src/api/types';
import type { NetworkStatsResponseDto } from '../../../src/dashboard/network-stats.dto';
import type { HealthResponseDto, HealthServicesDto } from '../../../src/health/health.dto';
import type { ChannelCandidatesResponseDto } from '../../../src/intelligence/dto/channel-candidates.dto';
import type { NodeInfoResponseDto } from '../../../src/intelligence/dto/node-info.dto';
import type { FeeCurveResponseDto } from '../../../src/intelligence/dto/flow.dto';
import type { PrioritiesRequestDto, PrioritiesResponseDto } from '../../../src/intelligence/dto/priorities.dto';
import type { RecommendationsResponseDto } from '../../../src/intelligence/dto/recommendations.dto';
import type { MetricsResponseDto } from '../../../src/metrics/metrics.dto';
import type { NodeSearchResponseDto } from '../../../src/search/node-search.dto';

type Holds<T extends true> = T;
type ReadableAs<Server, Client> = [Server] extends [Client] ? true : false;

export type DashboardApiContract = [
  Holds<ReadableAs<NodeSearchResponseDto, Web.NodeSearchResponse>>,
  Holds<ReadableAs<NodeInfoResponseDto, Web.NodeInfo>>,
  Holds<ReadableAs<NetworkStatsResponseDto, Web.NetworkStats>>,
  Holds<ReadableAs<FeeCurveResponseDto, Web.FeeCurve>>,
  Holds<ReadableAs<ChannelCandidatesResponseDto, Web.ChannelCandidates>>,
  Holds<ReadableAs<RecommendationsResponseDto, Web.Recommendations>>,
  Holds<ReadableAs<PrioritiesResponseDto, Web.PrioritiesResponse>>,
  // Dependencies are read as a map (name → state), so a new one shows without a dashboard change.
  Holds<ReadableAs<HealthResponseDto, Omit<Web.Health, 'services'>>>,
  Holds<ReadableAs<HealthServicesDto[keyof HealthServicesDto], Web.ServiceState>>,
  Holds<ReadableAs<MetricsResponseDto, Web.Metrics>>,
  // What the plan form sends is what the API accepts.
  Holds<ReadableAs<Web.PrioritiesRequest, PrioritiesRequestDto>>,
];
