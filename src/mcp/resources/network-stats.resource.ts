import type { ReadResourceResult, Resource } from '@modelcontextprotocol/sdk/types.js';
import type { NetworkStatsService } from '../../dashboard/network-stats.service';

/** The network's distributions as a resource: context an agent can attach without a tool call. */
export const NETWORK_STATS_RESOURCE = {
  descriptor: {
    uri: 'lnintel://network/stats',
    name: 'network-stats',
    title: 'Lightning network statistics',
    description: 'Channel-size, fee-rate and base-fee distributions and node/channel counts of the current graph (JSON, as GET /api/v1/network/stats).',
    mimeType: 'application/json',
  } satisfies Resource,
  read(stats: NetworkStatsService): ReadResourceResult['contents'][number] {
    return { uri: 'lnintel://network/stats', mimeType: 'application/json', text: JSON.stringify(stats.stats()) };
  },
};
