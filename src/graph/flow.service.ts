import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FlowNotReadyError } from '../common/errors/domain.error';
import { appConfig, flowConfig } from '../config/configuration';
import { buildFlowModel } from './flow-model.adapter';
import type { FlowModelView } from './flow-model.view';
import { GraphService, GraphState } from './graph.service';

export type FlowStatus = 'computing' | 'ready' | 'failed' | 'disabled';

export interface FlowState {
  status: FlowStatus;
  graphVersion: string;
  model: FlowModelView | null;
  startedAt: Date;
  computedAt: Date | null;
  error: string | null;
}

/** Retry-After while computing: the rest of the last build's duration, within these bounds (seconds). */
const RETRY_MIN_S = 1;
const RETRY_MAX_S = 60;
/** Before any build has finished on this instance: the README's figure for the embedded graph on 2 cores. */
const FIRST_BUILD_ESTIMATE_MS = 30_000;

/**
 * The payment-flow model of the current graph (README "Payment-flow model"), built in worker threads after
 * each graph load, never on the request path: the API is ready before it is and answers `computing`
 * meanwhile. A new graph replaces the model; the old one's workers are released.
 */
@Injectable()
export class FlowService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FlowService.name);
  private state: FlowState | null = null;
  private running: Promise<void> | null = null;
  private lastBuildMs: number | null = null;

  constructor(
    private readonly graphs: GraphService,
    @Inject(flowConfig.KEY) private readonly cfg: ConfigType<typeof flowConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    this.graphs.onSwap((s) => void this.buildFor(s));
  }

  onApplicationBootstrap(): void {
    // Not awaited: readiness must not wait for the model.
    if (this.graphs.isReady && !this.state) void this.buildFor(this.graphs.current());
  }

  async onModuleDestroy(): Promise<void> {
    const model = this.state?.model;
    this.state = null;
    await model?.dispose();
  }

  get enabled(): boolean {
    return this.cfg.enabled;
  }

  /** The state for the current graph; null before the first graph is loaded. */
  current(): FlowState | null {
    if (!this.graphs.isReady) return null;
    const version = this.graphs.current().graph.meta.version;
    if (!this.cfg.enabled) return { status: 'disabled', graphVersion: version, model: null, startedAt: new Date(0), computedAt: null, error: null };
    const s = this.state;
    return s && s.graphVersion === version ? s : null;
  }

  /** The ready model of the current graph; FLOW_NOT_READY (503, with Retry-After while computing) otherwise. */
  readyModel(): FlowModelView {
    const s = this.current();
    if (s?.status === 'ready' && s.model) return s.model;
    if (s?.status === 'disabled') throw new FlowNotReadyError('disabled');
    if (s?.status === 'failed') throw new FlowNotReadyError('failed');
    throw new FlowNotReadyError('computing', this.retryAfterSeconds(s));
  }

  /** Resolves when the build for the current graph has finished (ready or failed). */
  async settled(): Promise<FlowState | null> {
    while (this.running) await this.running;
    return this.current();
  }

  private retryAfterSeconds(s: FlowState | null): number {
    const elapsed = s ? Date.now() - s.startedAt.getTime() : 0;
    const left = (this.lastBuildMs ?? FIRST_BUILD_ESTIMATE_MS) - elapsed;
    return Math.min(RETRY_MAX_S, Math.max(RETRY_MIN_S, Math.ceil(left / 1000)));
  }

  private buildFor(graphState: GraphState): Promise<void> {
    if (!this.cfg.enabled) return Promise.resolve();
    const version = graphState.graph.meta.version;
    const previous = this.state?.model ?? null;
    this.state = { status: 'computing', graphVersion: version, model: null, startedAt: new Date(), computedAt: null, error: null };
    if (previous) void previous.dispose();
    const run = this.build(graphState).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async build({ graph }: GraphState): Promise<void> {
    const version = graph.meta.version;
    const t0 = performance.now();
    try {
      const model = await buildFlowModel(graph, { paymentsPerRun: this.cfg.payments, runs: this.cfg.runs, workers: this.app.workers });
      if (this.state?.graphVersion !== version) {
        await model.dispose(); // a newer graph arrived meanwhile
        return;
      }
      this.lastBuildMs = performance.now() - t0;
      this.state = { ...this.state, status: 'ready', model, computedAt: new Date() };
      this.logger.log(`flow model of graph ${version} built in ${Math.round(this.lastBuildMs)} ms: ${model.runs} runs of ${model.paymentsPerRun} payments`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`flow model of graph ${version} failed: ${message}`);
      if (this.state?.graphVersion === version) this.state = { ...this.state, status: 'failed', error: message };
    }
  }
}
