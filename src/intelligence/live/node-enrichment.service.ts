import { Inject, Injectable } from '@nestjs/common';
import { AppCacheService } from '../../cache/app-cache.service';
import { LNBITS_CLIENT, LnbitsApi, LnbitsWallet } from '../../clients/lnbits/lnbits.types';
import { MEMPOOL_CLIENT, MempoolApi, MempoolNodeDetails } from '../../clients/mempool/mempool.types';
import { SPARKSEER_CLIENT, SparkseerApi, SparkseerNodeStats } from '../../clients/sparkseer/sparkseer.types';
import { LiveResult, liveValue } from './live-source';
import { OwnNodeData, OwnNodeService } from './own-node.service';

export interface Enrichment {
  /** Upstreams that answered (fresh or stale), in a fixed order. */
  sources: string[];
  warnings: string[];
  mempool?: MempoolNodeDetails;
  sparkseer?: SparkseerNodeStats;
  ownNode?: OwnNodeData;
  wallet?: LnbitsWallet;
}

/**
 * Merges what the configured upstreams know of a node. Each source is optional: a failing one adds a warning
 * (or its last good answer, marked stale), never an error.
 */
@Injectable()
export class NodeEnrichmentService {
  constructor(
    @Inject(MEMPOOL_CLIENT) private readonly mempool: MempoolApi,
    @Inject(SPARKSEER_CLIENT) private readonly sparkseer: SparkseerApi,
    @Inject(LNBITS_CLIENT) private readonly lnbits: LnbitsApi,
    private readonly ownNode: OwnNodeService,
    private readonly cache: AppCacheService,
  ) {}

  async enrich(pubkey: string, useCache = true): Promise<Enrichment> {
    const out: Enrichment = { sources: [], warnings: [] };
    const take = <T>(name: string, r: LiveResult<T | null> | null | undefined, assign: (v: T) => void, absent?: string) => {
      if (!r) return;
      if (!r.ok) {
        out.warnings.push(`${name} unavailable: ${r.reason}`);
        return;
      }
      if (r.value === null) {
        if (absent) out.warnings.push(absent);
        return;
      }
      assign(r.value);
      out.sources.push(name);
      if (r.stale) out.warnings.push(`${name} data is stale (last fetched ${r.fetchedAt}): ${r.reason}`);
    };

    const [mempool, sparkseer, own] = await Promise.all([
      this.mempool.configured ? liveValue(this.cache, `mempool:node:${pubkey}`, () => this.mempool.getNode(pubkey), { useCache }) : null,
      this.sparkseer.configured ? liveValue(this.cache, `sparkseer:stats:${pubkey}`, () => this.sparkseer.getNodeStats(pubkey), { useCache }) : null,
      this.ownNode.dataFor(pubkey, useCache),
    ]);
    take('mempool', mempool, (v) => (out.mempool = v), 'mempool has no record of this node');
    take('sparkseer', sparkseer, (v) => (out.sparkseer = v), 'sparkseer has no record of this node');
    if (own) {
      for (const u of own.unavailable) out.warnings.push(`${u.source} unavailable: ${u.reason}`);
      if (own.source) take(own.source, own.data, (v) => (out.ownNode = v));
    }
    // The LNbits wallet belongs to the operator: shown only with the operator's own node.
    if (out.ownNode && this.lnbits.configured) {
      take('lnbits', await liveValue(this.cache, 'lnbits:wallet', () => this.lnbits.getWallet(), { useCache }), (v) => (out.wallet = v));
    }
    return out;
  }
}
