import { Inject, Logger, Module, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GraphModule } from '../graph/graph.module';
import { SearchModule } from '../search/search.module';
import { assetHandler, DASHBOARD_ASSET_PATHS, DASHBOARD_PAGE_PATHS, DEFAULT_DIST_DIR, pageHandler } from './dashboard-static';
import { NetworkStatsController } from './network-stats.controller';
import { NetworkStatsService } from './network-stats.service';

export interface DashboardOptions {
  /** The Vite build of `web/` (index.html + assets/). */
  distDir: string;
}

export const DASHBOARD_OPTIONS = Symbol('DASHBOARD_OPTIONS');

/**
 * The operator dashboard: its page at `/` and `/dashboard` (client-side routes below it), its hashed assets under
 * `/dashboard/assets/`, and the API routes it needs beyond the node routes: `GET /api/v1/network/stats` here and
 * `GET /api/v1/nodes/search` ({@link SearchModule}). The page uses nothing but the public API.
 *
 * The files are served by handlers registered on the HTTP adapter when the module initialises: after the API's
 * routes (all under /api/v1, plus /docs), before the catch-all 404, outside the global prefix. Guards and rate
 * limits do not apply to them; helmet and the Host allow-list, which are app-level middleware, do.
 */
@Module({
  imports: [GraphModule, SearchModule],
  controllers: [NetworkStatsController],
  providers: [NetworkStatsService, { provide: DASHBOARD_OPTIONS, useValue: { distDir: DEFAULT_DIST_DIR } satisfies DashboardOptions }],
  exports: [NetworkStatsService],
})
export class DashboardModule implements OnModuleInit {
  private readonly logger = new Logger(DashboardModule.name);

  constructor(
    @Inject(DASHBOARD_OPTIONS) private readonly options: DashboardOptions,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost?.httpAdapter;
    // An application context without HTTP (a queue worker) has nothing to serve.
    if (!adapter || adapter.getType() !== 'express') return;
    const app = adapter.getInstance<Application>();
    app.get(DASHBOARD_ASSET_PATHS, assetHandler(this.options.distDir));
    app.get(DASHBOARD_PAGE_PATHS, pageHandler(this.options.distDir));
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- distDir is set in code (web/dist), never from a request
    if (!existsSync(join(this.options.distDir, 'index.html'))) {
      this.logger.warn(`dashboard not built (no ${join(this.options.distDir, 'index.html')}): / answers 503 until \`npm run build:web\` runs`);
    }
  }
}
