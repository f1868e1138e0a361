import { Module } from '@nestjs/common';
import { ClnClient } from './cln/cln.client';
import { CLN_CLIENT } from './cln/cln.types';
import { UpstreamMetrics } from './common/upstream-metrics.service';
import { UPSTREAM_CLIENTS, UpstreamProbe } from './common/upstream.types';
import { LnbitsClient } from './lnbits/lnbits.client';
import { LNBITS_CLIENT } from './lnbits/lnbits.types';
import { LndClient } from './lnd/lnd.client';
import { LND_CLIENT } from './lnd/lnd.types';
import { MempoolClient } from './mempool/mempool.client';
import { MEMPOOL_CLIENT } from './mempool/mempool.types';
import { SparkseerClient } from './sparkseer/sparkseer.client';
import { SPARKSEER_CLIENT } from './sparkseer/sparkseer.types';

/**
 * One client per upstream, each behind an interface and a token (`@Inject(LND_CLIENT) lnd: LndApi`), plus
 * `UPSTREAM_CLIENTS` (all of them as `UpstreamProbe[]`, for health) and {@link UpstreamMetrics}.
 * Needs the config namespaces (ConfigModule.forRoot with ALL_CONFIG) to be loaded globally.
 */
@Module({
  providers: [
    UpstreamMetrics,
    SparkseerClient,
    LnbitsClient,
    LndClient,
    MempoolClient,
    ClnClient,
    { provide: SPARKSEER_CLIENT, useExisting: SparkseerClient },
    { provide: LNBITS_CLIENT, useExisting: LnbitsClient },
    { provide: LND_CLIENT, useExisting: LndClient },
    { provide: MEMPOOL_CLIENT, useExisting: MempoolClient },
    { provide: CLN_CLIENT, useExisting: ClnClient },
    {
      provide: UPSTREAM_CLIENTS,
      useFactory: (...clients: UpstreamProbe[]) => clients,
      inject: [SparkseerClient, LnbitsClient, LndClient, MempoolClient, ClnClient],
    },
  ],
  exports: [UpstreamMetrics, SPARKSEER_CLIENT, LNBITS_CLIENT, LND_CLIENT, MEMPOOL_CLIENT, CLN_CLIENT, UPSTREAM_CLIENTS],
})
export class ClientsModule {}
