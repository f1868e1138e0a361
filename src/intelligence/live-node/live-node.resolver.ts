import { Inject, Injectable } from '@nestjs/common';
import { AppCacheService } from '../../cache/app-cache.service';
import { liveValue } from '../live/live-source';
import { LiveSourcesFailedError, NodeUnknownEverywhereError, NoLiveSourceError } from './live-node.errors';
import { LIVE_NODE_SOURCES, LiveNode, LiveNodeSource } from './live-node.types';

export interface ResolvedLiveNode {
  node: LiveNode;
  /** Name of the source that answered. */
  source: string;
  /** True when the source failed and its last good answer is served. */
  stale: boolean;
  /** When a stale copy was fetched (ISO 8601), null for a fresh answer. */
  fetchedAt: string | null;
  /** Sources asked before it that failed, and a stale copy's cause. */
  warnings: string[];
}

/**
 * Asks the configured live sources, in order, about a node the graph lacks. Each answer (including "unknown")
 * is cached like other live data, and the last good answer is served, marked stale, when the source fails.
 */
@Injectable()
export class LiveNodeResolver {
  constructor(
    @Inject(LIVE_NODE_SOURCES) private readonly sources: LiveNodeSource[],
    private readonly cache: AppCacheService,
  ) {}

  /** Names of the configured sources, in the order they are asked. */
  configured(): string[] {
    return this.sources.filter((s) => s.configured).map((s) => s.name);
  }

  /** The node from the first configured source that knows it; throws a domain error (404/503) otherwise. */
  async resolve(pubkey: string, graphDate: string, useCache = true): Promise<ResolvedLiveNode> {
    const configured = this.sources.filter((s) => s.configured);
    if (configured.length === 0) throw new NoLiveSourceError(pubkey, graphDate, this.sources.map((s) => s.configuredBy));
    const failures: string[] = [];
    for (const source of configured) {
      const r = await liveValue(this.cache, `livenode:${source.name}:${pubkey}`, () => source.lookup(pubkey), { useCache });
      if (!r.ok) {
        failures.push(`${source.name}: ${r.reason}`);
        continue;
      }
      if (r.value === null) continue;
      const warnings = failures.map((f) => `live source ${f}`);
      if (r.stale) warnings.push(`${source.name} data is stale (last fetched ${r.fetchedAt}): ${r.reason}`);
      return { node: r.value, source: source.name, stale: r.stale, fetchedAt: r.stale ? r.fetchedAt : null, warnings };
    }
    if (failures.length > 0) throw new LiveSourcesFailedError(pubkey, graphDate, failures);
    throw new NodeUnknownEverywhereError(pubkey, graphDate, configured.map((s) => s.name));
  }
}
