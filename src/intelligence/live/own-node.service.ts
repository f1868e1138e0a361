import { Inject, Injectable } from '@nestjs/common';
import { AppCacheService } from '../../cache/app-cache.service';
import { liveValue, LiveResult } from './live-source';
import { OWN_NODE_PROVIDERS, OwnNodeData, OwnNodeProvider, OwnNodeSourceName } from './own-node-provider';

export { FORWARDING_WINDOW_DAYS } from './own-node-provider';
export type { OwnNodeData } from './own-node-provider';

export interface OwnNodeLookup {
  /** The provider whose node is `pubkey`, or null when no configured node is. */
  source: OwnNodeSourceName | null;
  /** Its data (fresh, stale, or why not); null when no configured node is `pubkey`. */
  data: LiveResult<OwnNodeData> | null;
  /** Providers that could not even say which node they are. */
  unavailable: Array<{ source: OwnNodeSourceName; reason: string }>;
}

/**
 * The operator's own node, from whichever configured node API (LND, Core Lightning: see OWN_NODE_PROVIDERS)
 * reports `pubkey` as its identity: its channels with live balances and what its forwards earned.
 */
@Injectable()
export class OwnNodeService {
  constructor(
    @Inject(OWN_NODE_PROVIDERS) private readonly providers: OwnNodeProvider[],
    private readonly cache: AppCacheService,
  ) {}

  get configured(): boolean {
    return this.providers.some((p) => p.configured);
  }

  /** Own-node data when a configured node API is `pubkey`; null when none is configured. */
  async dataFor(pubkey: string, useCache = true): Promise<OwnNodeLookup | null> {
    const configured = this.providers.filter((p) => p.configured);
    if (configured.length === 0) return null;
    const identities = await Promise.all(configured.map((p) => liveValue(this.cache, `${p.name}:getinfo`, () => p.identity(), { useCache })));
    const unavailable: OwnNodeLookup['unavailable'] = [];
    identities.forEach((r, i) => {
      // eslint-disable-next-line security/detect-object-injection -- i indexes the array being iterated
      if (!r.ok) unavailable.push({ source: configured[i].name, reason: r.reason });
    });
    const i = identities.findIndex((r) => r.ok && r.value.identityPubkey === pubkey);
    if (i < 0) return { source: null, data: null, unavailable };
    // eslint-disable-next-line security/detect-object-injection -- i comes from findIndex on the same array
    const provider = configured[i];
    const data = await liveValue(this.cache, `${provider.name}:own:${pubkey}`, () => provider.fetch(pubkey), { useCache });
    return { source: provider.name, data, unavailable };
  }
}
