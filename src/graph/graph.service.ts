import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { CLN_CLIENT, ClnApi } from '../clients/cln/cln.types';
import { LND_CLIENT, LndApi } from '../clients/lnd/lnd.types';
import { GraphNotReadyError } from '../common/errors/domain.error';
import { graphConfig } from '../config/configuration';
import { DescribeGraphJson, loadDescribeGraph } from './loaders/describegraph.loader';
import { GraphFormatError } from './loaders/graph-format.error';
import { loadGraphInWorker } from './loaders/graph-loader';
import { loadListChannels } from './loaders/listchannels.loader';
import { LightningGraph } from './model/lightning-graph';
import { computeNetworkRanks, NetworkRanks } from './stats/node-stats';

/** One consistent view of the graph: a request works on one state even if a new graph is swapped in. */
export interface GraphState {
  graph: LightningGraph;
  ranks: NetworkRanks;
  loadedAt: Date;
  /** How long reading and indexing the snapshot took, ms. */
  loadMs: number;
  /** `embedded-graph:<date>` for the shipped snapshot, `graph-file:<date>` for an operator's export, `lnd-graph:<date>` / `cln-graph:<date>` live. */
  source: string;
}

/**
 * Holds the Lightning graph the API answers from: a snapshot file (parsed in a worker thread), or the live
 * graph of the operator's LND (`GRAPH_SOURCE=lnd`) or Core Lightning (`GRAPH_SOURCE=cln`). Boot waits for the first load: a corrupt or unknown file
 * stops the process with the loader's message; an LND that does not answer at boot falls back to the file.
 * With `GRAPH_REFRESH_INTERVAL`, the graph is reloaded in the background and swapped in atomically; a failed
 * refresh keeps the current graph.
 */
@Injectable()
export class GraphService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(GraphService.name);
  private state: GraphState | null = null;
  private readonly swapListeners: Array<(state: GraphState) => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<unknown> | null = null;

  constructor(
    @Inject(graphConfig.KEY) private readonly cfg: ConfigType<typeof graphConfig>,
    @Inject(LND_CLIENT) private readonly lnd: LndApi,
    @Inject(CLN_CLIENT) private readonly cln: ClnApi,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    if (this.cfg.refreshIntervalMs > 0) {
      this.timer = setInterval(() => void this.refresh(), this.cfg.refreshIntervalMs);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** A background reload that never throws and never overlaps another one. */
  async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = this.reload().catch((err: unknown) => {
      this.logger.warn(`graph refresh failed, keeping the graph of ${this.state?.graph.meta.snapshotDate ?? 'none'}: ${err instanceof Error ? err.message : String(err)}`);
    });
    try {
      await this.refreshing;
    } finally {
      this.refreshing = null;
    }
  }

  /** Loads the configured source and swaps it in atomically; the old graph serves until then. */
  async reload(): Promise<GraphState> {
    const t0 = performance.now();
    let loaded: { graph: LightningGraph; source: string };
    if (this.cfg.source === 'lnd') {
      try {
        const graph = await this.fromLnd();
        loaded = { graph, source: `lnd-graph:${graph.meta.snapshotDate}` };
      } catch (err) {
        if (this.state) throw err;
        this.logger.warn(`LND graph unavailable at boot (${err instanceof Error ? err.message : String(err)}); serving the snapshot file until a refresh succeeds`);
        loaded = await this.fromFile();
      }
    } else if (this.cfg.source === 'cln') {
      // Core Lightning: the same boot fallback and refresh as LND.
      try {
        const graph = await this.fromCln();
        loaded = { graph, source: `cln-graph:${graph.meta.snapshotDate}` };
      } catch (err) {
        if (this.state) throw err;
        this.logger.warn(`Core Lightning graph unavailable at boot (${err instanceof Error ? err.message : String(err)}); serving the snapshot file until a refresh succeeds`);
        loaded = await this.fromFile();
      }
    } else {
      loaded = await this.fromFile();
    }
    const { graph } = loaded;
    const ranks = computeNetworkRanks(graph);
    const state: GraphState = {
      graph,
      ranks,
      loadedAt: new Date(),
      loadMs: Math.round(performance.now() - t0),
      source: loaded.source,
    };
    this.state = state;
    this.logger.log(
      `graph ${graph.meta.sourceFile} (${graph.meta.format}, ${graph.meta.snapshotDate}) loaded in ${state.loadMs} ms: ` +
        `${graph.nodeCount} nodes, ${graph.channelCount} channels, ${ranks.routableNodes} routable nodes`,
    );
    for (const listener of this.swapListeners) listener(state);
    return state;
  }

  private async fromFile(): Promise<{ graph: LightningGraph; source: string }> {
    const graph = await loadGraphInWorker({ path: this.cfg.snapshotPath, listnodesPath: this.cfg.listnodesPath });
    return { graph, source: `${this.cfg.embedded ? 'embedded-graph' : 'graph-file'}:${graph.meta.snapshotDate}` };
  }

  private async fromLnd(): Promise<LightningGraph> {
    const json: DescribeGraphJson = await this.lnd.describeGraph();
    // A content version without hashing tens of MB: channel ids and their update times identify the graph.
    const h = createHash('sha256').update(`${json.nodes.length}:${json.edges.length}`);
    for (const e of json.edges) h.update(`${e.channel_id}:${e.node1_policy?.last_update ?? 0}:${e.node2_policy?.last_update ?? 0};`);
    return loadDescribeGraph({ name: 'lnd-describegraph', version: h.digest('hex').slice(0, 16), json, mtime: new Date() });
  }

  /**
   * `listchannels` + `listnodes` of the operator's Core Lightning, each entry validated by the client. An empty
   * channel list (a node still syncing gossip) is refused rather than swapped in over a real graph.
   */
  private async fromCln(): Promise<LightningGraph> {
    const { channels, nodes } = await this.cln.graph();
    if (channels.length === 0) throw new GraphFormatError('cln-listchannels', 'Core Lightning returned no channels (gossip not synced yet?)');
    const h = createHash('sha256').update(`${nodes.length}:${channels.length}`);
    for (const c of channels) h.update(`${c.short_channel_id}:${c.source}:${c.last_update ?? 0};`);
    return loadListChannels({ name: 'cln-listchannels', version: h.digest('hex').slice(0, 16), json: { channels, nodes }, mtime: new Date() });
  }

  get isReady(): boolean {
    return this.state !== null;
  }

  /** The current state; throws GRAPH_NOT_READY before the first load. */
  current(): GraphState {
    if (!this.state) throw new GraphNotReadyError();
    return this.state;
  }

  /** Called with every newly loaded graph (analytics recompute on it). */
  onSwap(listener: (state: GraphState) => void): void {
    this.swapListeners.push(listener);
  }
}
