import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { ChannelNotFoundError, DomainError, FlowNotReadyError, InvalidWhatIfError, NodeNotFoundError } from '../../common/errors/domain.error';
import { spawnWorker } from '../../common/workers/worker-task';
import { LightningGraph } from '../model/lightning-graph';
import { applyFlowChanges, buildFlowGraph, FlowGraph, FullPolicy, medianPolicy, ResolvedChanges, SlotPolicyPatch } from './flow-graph';
import { FlowSeedWorker, FlowWorkerInit, FlowWorkerRequest, RerouteScope, SeedReadout, SeedStatsMessage } from './flow-seed-worker';
import {
  ChannelBeforeAfter,
  ChannelDirectionFlow,
  DEFAULT_DEMAND,
  DEFAULT_ROUTING,
  DemandParams,
  FeeCurve,
  FlowChange,
  FlowEngineStatus,
  NetworkFlowTotals,
  NewChannelPolicy,
  NodeFlow,
  RoutingParams,
  Spread,
  WhatIfOptions,
  WhatIfResult,
} from './flow.types';
import type { FlowStats } from './simulate';
import { spreadOf } from './simulate';

export interface FlowEngineOptions {
  demand?: Partial<DemandParams>;
  routing?: Partial<RoutingParams>;
  /**
   * Worker threads (seeds are dealt round-robin); default 2, the production machine's cores. 0 runs on the
   * calling thread (tests; blocks it while computing).
   */
  workers?: number;
}

/** Largest number of rates in one fee curve, and of changes in one what-if. */
export const MAX_FEE_CURVE_POINTS = 50;
export const MAX_WHAT_IF_CHANGES = 50;

/** A worker request before it gets its id. */
type FlowRequestBody = FlowWorkerRequest extends infer R ? (R extends FlowWorkerRequest ? Omit<R, 'id'> : never) : never;

interface Backend {
  request(req: FlowRequestBody): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The payment-flow model of one graph: the baseline runs off the calling thread in worker threads that keep
 * their routes, so what-if questions re-route only what the change can affect. One engine per graph version;
 * start a new one when the graph changes and stop the old one.
 */
export class FlowEngine {
  readonly demand: DemandParams;
  readonly routing: RoutingParams;
  private fg: FlowGraph | null = null;
  private graph: LightningGraph | null = null;
  private state: FlowEngineStatus['status'] = 'idle';
  private error: string | null = null;
  private readyAt: string | null = null;
  private computeMs: number | null = null;
  private seedStats: SeedStatsMessage[] = [];
  private backends: Backend[] = [];

  constructor(private readonly opts: FlowEngineOptions = {}) {
    this.demand = { ...DEFAULT_DEMAND, ...opts.demand };
    this.routing = { ...DEFAULT_ROUTING, ...opts.routing };
  }

  status(): FlowEngineStatus {
    return {
      status: this.state,
      graphVersion: this.graph?.meta.version ?? null,
      readyAt: this.readyAt,
      computeMs: this.computeMs,
      error: this.error,
      demand: { ...this.demand },
      routing: { ...this.routing },
    };
  }

  /** Builds the baseline for `graph`; resolves when it is ready (rejects, and status is `failed`, on error). */
  async start(graph: LightningGraph): Promise<void> {
    const t0 = performance.now();
    this.graph = graph;
    this.state = 'computing';
    try {
      const fg = buildFlowGraph(graph);
      this.fg = fg;
      const seeds = Array.from({ length: Math.max(1, Math.floor(this.demand.seeds)) }, (_, i) => this.demand.baseSeed + i);
      const workers = Math.max(0, Math.floor(this.opts.workers ?? 2));
      const shares = workers === 0 ? [seeds] : Array.from({ length: Math.min(workers, seeds.length) }, (_, w) => seeds.filter((_, i) => i % workers === w));
      const started = await Promise.all(shares.map((s) => (workers === 0 ? inThread({ fg, demand: this.demand, routing: this.routing, seeds: s }) : inWorker({ fg, demand: this.demand, routing: this.routing, seeds: s }))));
      this.backends = started.map((s) => s.backend);
      this.seedStats = started.flatMap((s) => s.stats).sort((a, b) => a.seed - b.seed);
      this.computeMs = performance.now() - t0;
      this.readyAt = new Date().toISOString();
      this.state = 'ready';
    } catch (err) {
      this.state = 'failed';
      this.error = err instanceof Error ? err.message : String(err);
      throw err;
    }
  }

  async stop(): Promise<void> {
    const b = this.backends;
    this.backends = [];
    await Promise.all(b.map((x) => x.stop()));
  }

  /** Per-day scale of one seed's counts. */
  private get perDay(): number {
    return this.demand.paymentsPerDay / Math.max(1, this.demand.paymentsPerSeed);
  }

  private ready(): { fg: FlowGraph; graph: LightningGraph } {
    if (this.state !== 'ready' || !this.fg || !this.graph) throw new FlowNotReadyError();
    return { fg: this.fg, graph: this.graph };
  }

  private nodeIndex(pubkey: string): number {
    const { graph } = this.ready();
    const v = graph.indexOf(pubkey.toLowerCase());
    if (v < 0) throw new NodeNotFoundError(pubkey, graph.meta.snapshotDate);
    return v;
  }

  /** The node's modelled forwards, volume, revenue and share, with their spread over seeds. */
  nodeFlow(pubkey: string): NodeFlow {
    const v = this.nodeIndex(pubkey);
    const k = this.perDay;
    const s = this.seedStats.map((x) => x.stats);
    return {
      pubkey: this.fg!.pubkeys[v],
      forwardsPerDay: spreadOf(s.map((st) => st.nodeForwards[v] * k)),
      volumeSatPerDay: spreadOf(s.map((st) => (st.nodeVolumeMsat[v] / 1000) * k)),
      feeRevenueSatPerDay: spreadOf(s.map((st) => (st.nodeFeeMsat[v] / 1000) * k)),
      shareOfNetworkFlow: spreadOf(s.map((st) => share(st.nodeVolumeMsat[v], st.forwardedVolumeMsat))),
    };
  }

  /** The node's own directions (node → peer) of all its channels, busiest first. */
  channelFlows(pubkey: string): ChannelDirectionFlow[] {
    const v = this.nodeIndex(pubkey);
    const { fg, graph } = this.ready();
    const s = this.seedStats.map((x) => x.stats);
    const out = Array.from(graph.channelsOf(v), (c) => this.slotFlow(fg, graph.outboundSlot(c, v), s));
    return out.sort((a, b) => b.forwardsPerDay.p50 - a.forwardsPerDay.p50 || a.channelId.localeCompare(b.channelId));
  }

  private slotFlow(fg: FlowGraph, slot: number, s: FlowStats[]): ChannelDirectionFlow {
    const k = this.perDay;
    return {
      channelId: fg.channelIds[slot >> 1],
      fromPubkey: fg.pubkeys[fg.from[slot]],
      toPubkey: fg.pubkeys[fg.to[slot]],
      forwardsPerDay: spreadOf(s.map((st) => st.slotForwards[slot] * k)),
      volumeSatPerDay: spreadOf(s.map((st) => (st.slotVolumeMsat[slot] / 1000) * k)),
      feeRevenueSatPerDay: spreadOf(s.map((st) => (st.slotFeeMsat[slot] / 1000) * k)),
      shareOfNetworkFlow: spreadOf(s.map((st) => share(st.slotVolumeMsat[slot], st.forwardedVolumeMsat))),
    };
  }

  totals(): NetworkFlowTotals {
    this.ready();
    const k = this.perDay;
    const s = this.seedStats.map((x) => x.stats);
    return {
      paymentsPerDay: this.demand.paymentsPerDay,
      unroutableShare: spreadOf(s.map((st) => (st.payments - st.routed) / Math.max(1, st.payments))),
      routedVolumeSatPerDay: spreadOf(s.map((st) => (st.routedVolumeMsat / 1000) * k)),
      forwardsPerDay: spreadOf(s.map((st) => st.forwards * k)),
      feesSatPerDay: spreadOf(s.map((st) => (st.feesMsat / 1000) * k)),
      meanHopsPerPayment: spreadOf(s.map((st) => st.hops / Math.max(1, st.routed))),
    };
  }

  /**
   * Before and after of the node and of its own channel directions under `changes` (policy changes on the
   * node's channels and/or new channels of the node). Fast path by default; `fullResimulation` re-routes every
   * payment.
   */
  async computeWhatIf(pubkey: string, changes: FlowChange[], opts: WhatIfOptions = {}): Promise<WhatIfResult> {
    const t0 = performance.now();
    const v = this.nodeIndex(pubkey);
    const { fg, graph } = this.ready();
    if (changes.length === 0) throw new InvalidWhatIfError('A what-if needs at least one change');
    if (changes.length > MAX_WHAT_IF_CHANGES) throw new InvalidWhatIfError(`At most ${MAX_WHAT_IF_CHANGES} changes per what-if`);
    const resolved = this.resolveChanges(v, changes);
    const fg2 = applyFlowChanges(fg, resolved.changes);
    const ownSlots = Array.from(graph.channelsOf(v), (c) => graph.outboundSlot(c, v));
    const newSlots = resolved.changes.newChannels.map((_, i) => 2 * (fg.channelCount + i));
    const readoutSlots = [...ownSlots, ...newSlots];
    const replies = await this.broadcast<SeedReadout[]>({
      type: 'whatif',
      changes: resolved.changes,
      scope: resolved.scope,
      full: opts.fullResimulation === true,
      readout: { node: v, slots: readoutSlots },
    });
    const after = replies.flat().sort((a, b) => a.seed - b.seed);
    const k = this.perDay;
    const base = this.seedStats.map((x) => x.stats);
    const channels: ChannelBeforeAfter[] = readoutSlots.map((slot, j) => {
      const isNew = j >= ownSlots.length;
      return {
        channelId: fg2.channelIds[slot >> 1],
        peer: fg2.pubkeys[fg2.to[slot]],
        isNew,
        before: isNew ? null : this.slotFlow(fg, slot, base),
        after: {
          channelId: fg2.channelIds[slot >> 1],
          fromPubkey: fg2.pubkeys[fg2.from[slot]],
          toPubkey: fg2.pubkeys[fg2.to[slot]],
          forwardsPerDay: spreadOf(after.map((r) => r.slots[j].forwards * k)),
          volumeSatPerDay: spreadOf(after.map((r) => (r.slots[j].volumeMsat / 1000) * k)),
          feeRevenueSatPerDay: spreadOf(after.map((r) => (r.slots[j].feeMsat / 1000) * k)),
          shareOfNetworkFlow: spreadOf(after.map((r) => share(r.slots[j].volumeMsat, r.forwardedVolumeMsat))),
        },
      };
    });
    return {
      pubkey: fg.pubkeys[v],
      before: this.nodeFlow(fg.pubkeys[v]),
      after: {
        pubkey: fg.pubkeys[v],
        forwardsPerDay: spreadOf(after.map((r) => r.node.forwards * k)),
        volumeSatPerDay: spreadOf(after.map((r) => (r.node.volumeMsat / 1000) * k)),
        feeRevenueSatPerDay: spreadOf(after.map((r) => (r.node.feeMsat / 1000) * k)),
        shareOfNetworkFlow: spreadOf(after.map((r) => share(r.node.volumeMsat, r.forwardedVolumeMsat))),
      },
      channels,
      method: opts.fullResimulation ? 'full' : 'fast',
      reroutedGroups: after.reduce((a, r) => a + r.reroutedGroups, 0),
      totalGroups: after.reduce((a, r) => a + r.totalGroups, 0),
      computeMs: performance.now() - t0,
    };
  }

  /**
   * Modelled forwards and revenue of the node's channel(s) to `peer` and of the node as a whole, at each fee
   * rate (ppm, applied to every channel of the node to that peer), and the rate with the best node revenue.
   */
  async feeCurve(pubkey: string, peer: string, rates: number[], opts: WhatIfOptions = {}): Promise<FeeCurve> {
    const t0 = performance.now();
    const v = this.nodeIndex(pubkey);
    const { fg, graph } = this.ready();
    const p = graph.indexOf(peer.toLowerCase());
    const chans = p < 0 ? [] : Array.from(graph.channelsOf(v)).filter((c) => graph.peerOf(c, v) === p);
    if (chans.length === 0) throw new ChannelNotFoundError(`Node ${pubkey} has no channel to ${peer} in the graph of ${graph.meta.snapshotDate}`);
    if (rates.length === 0 || rates.length > MAX_FEE_CURVE_POINTS) throw new InvalidWhatIfError(`A fee curve takes 1 to ${MAX_FEE_CURVE_POINTS} rates`);
    for (const r of rates) if (!Number.isInteger(r) || r < 0 || r > 1e7) throw new InvalidWhatIfError(`Fee rate ${r} ppm is not an integer in 0..10000000`);
    const slots = chans.map((c) => graph.outboundSlot(c, v));
    const replies = await this.broadcast<SeedReadout[][]>({ type: 'curve', slots, rates, node: v, peer: p, full: opts.fullResimulation === true });
    const k = this.perDay;
    const points = rates.map((rate, i) => {
      const seeds = replies.flatMap((r) => r[i]).sort((a, b) => a.seed - b.seed);
      return {
        feeRatePpm: rate,
        forwardsPerDay: spreadOf(seeds.map((r) => r.slots.reduce((a, x) => a + x.forwards, 0) * k)),
        feeRevenueSatPerDay: spreadOf(seeds.map((r) => (r.slots.reduce((a, x) => a + x.feeMsat, 0) / 1000) * k)),
        nodeForwardsPerDay: spreadOf(seeds.map((r) => r.node.forwards * k)),
        nodeFeeRevenueSatPerDay: spreadOf(seeds.map((r) => (r.node.feeMsat / 1000) * k)),
      };
    });
    let best = points[0];
    for (const pt of points) {
      const a = pt.nodeFeeRevenueSatPerDay.p50;
      const b = best.nodeFeeRevenueSatPerDay.p50;
      if (a > b || (a === b && pt.feeRatePpm < best.feeRatePpm)) best = pt;
    }
    return {
      pubkey: fg.pubkeys[v],
      peer: fg.pubkeys[p],
      channelIds: chans.map((c) => fg.channelIds[c]),
      currentFeeRatePpm: fg.feeRatePpm[slots[0]],
      points,
      bestFeeRatePpm: best.feeRatePpm,
      computeMs: performance.now() - t0,
    };
  }

  private async broadcast<T>(req: FlowRequestBody): Promise<T[]> {
    this.ready();
    return (await Promise.all(this.backends.map((b) => b.request(req)))) as T[];
  }

  /** Resolves API-level changes to slots, checking that each one is about the node's own channels. */
  private resolveChanges(v: number, changes: FlowChange[]): { changes: ResolvedChanges; scope: RerouteScope } {
    const { fg, graph } = this.ready();
    const patches: SlotPolicyPatch[] = [];
    const newChannels: ResolvedChanges['newChannels'] = [];
    const cheaperNodes = new Set<number>();
    const dearerSlots = new Set<number>();
    const median = medianPolicy(fg);
    const checkNumber = (name: string, x: number | undefined, min: number, max: number): void => {
      if (x !== undefined && !(Number.isFinite(x) && x >= min && x <= max)) throw new InvalidWhatIfError(`${name} ${x} is outside ${min}..${max}`);
    };
    changes.forEach((ch, i) => {
      if (ch.kind === 'policy') {
        let chans: number[];
        if (ch.channelId !== undefined) {
          chans = Array.from(graph.channelsOf(v)).filter((c) => fg.channelIds[c] === ch.channelId || graph.chanPoint[c] === ch.channelId);
          if (chans.length === 0) throw new ChannelNotFoundError(`Change ${i}: node has no channel ${ch.channelId}`);
        } else if (ch.peer !== undefined) {
          const p = graph.indexOf(ch.peer.toLowerCase());
          chans = p < 0 ? [] : Array.from(graph.channelsOf(v)).filter((c) => graph.peerOf(c, v) === p);
          if (chans.length === 0) throw new ChannelNotFoundError(`Change ${i}: node has no channel to ${ch.peer}`);
        } else {
          throw new InvalidWhatIfError(`Change ${i}: a policy change names a peer or a channelId`);
        }
        checkNumber(`Change ${i}: feeRatePpm`, ch.feeRatePpm, 0, 1e7);
        checkNumber(`Change ${i}: feeBaseMsat`, ch.feeBaseMsat, 0, 1e9);
        checkNumber(`Change ${i}: inboundFeeRatePpm`, ch.inboundFeeRatePpm, -1e6, 1e7);
        checkNumber(`Change ${i}: inboundFeeBaseMsat`, ch.inboundFeeBaseMsat, -1e9, 1e9);
        checkNumber(`Change ${i}: maxHtlcMsat`, ch.maxHtlcMsat, 1, 21e14);
        if ([ch.feeRatePpm, ch.feeBaseMsat, ch.inboundFeeRatePpm, ch.inboundFeeBaseMsat, ch.maxHtlcMsat, ch.disabled].every((x) => x === undefined)) {
          throw new InvalidWhatIfError(`Change ${i}: nothing to change`);
        }
        for (const c of chans) {
          const slot = graph.outboundSlot(c, v);
          const lower = (x: number | undefined, cur: number) => x !== undefined && x < cur;
          const higher = (x: number | undefined, cur: number) => x !== undefined && x > cur;
          if (
            lower(ch.feeRatePpm, fg.feeRatePpm[slot]) ||
            lower(ch.feeBaseMsat, fg.feeBaseMsat[slot]) ||
            lower(ch.inboundFeeRatePpm, fg.inboundFeeRatePpm[slot]) ||
            lower(ch.inboundFeeBaseMsat, fg.inboundFeeBaseMsat[slot]) ||
            higher(ch.maxHtlcMsat, fg.maxHtlcMsat[slot]) ||
            (ch.disabled === false && !fg.enabled[slot])
          ) {
            cheaperNodes.add(v).add(graph.peerOf(c, v));
          }
          // The node's own fees and limits act on routes over its direction; its inbound fee on routes over
          // the peer's direction into it (slot ^ 1).
          if (higher(ch.feeRatePpm, fg.feeRatePpm[slot]) || higher(ch.feeBaseMsat, fg.feeBaseMsat[slot]) || lower(ch.maxHtlcMsat, fg.maxHtlcMsat[slot]) || ch.disabled === true) {
            dearerSlots.add(slot);
          }
          if (higher(ch.inboundFeeRatePpm, fg.inboundFeeRatePpm[slot]) || higher(ch.inboundFeeBaseMsat, fg.inboundFeeBaseMsat[slot])) dearerSlots.add(slot ^ 1);
          patches.push({ slot, feeRatePpm: ch.feeRatePpm, feeBaseMsat: ch.feeBaseMsat, inboundFeeRatePpm: ch.inboundFeeRatePpm, inboundFeeBaseMsat: ch.inboundFeeBaseMsat, maxHtlcMsat: ch.maxHtlcMsat, disabled: ch.disabled });
        }
      } else {
        const p = graph.indexOf(ch.peer.toLowerCase());
        if (p < 0) throw new InvalidWhatIfError(`Change ${i}: peer ${ch.peer} is not in the graph`);
        if (p === v) throw new InvalidWhatIfError(`Change ${i}: a channel to itself`);
        checkNumber(`Change ${i}: capacitySat`, ch.capacitySat, 20_000, 21e14 / 1000);
        const full = (pol: NewChannelPolicy | undefined, label: string): FullPolicy => {
          const r = { ...median, ...stripUndefined(pol ?? {}) };
          checkNumber(`Change ${i}: ${label}.feeRatePpm`, r.feeRatePpm, 0, 1e7);
          checkNumber(`Change ${i}: ${label}.feeBaseMsat`, r.feeBaseMsat, 0, 1e9);
          checkNumber(`Change ${i}: ${label}.cltvDelta`, r.cltvDelta, 0, 2016);
          checkNumber(`Change ${i}: ${label}.minHtlcMsat`, r.minHtlcMsat, 0, 21e14);
          return r;
        };
        newChannels.push({ a: v, b: p, capacitySat: ch.capacitySat, ab: full(ch.localPolicy, 'localPolicy'), ba: full(ch.remotePolicy, 'remotePolicy') });
        cheaperNodes.add(v).add(p);
      }
    });
    return { changes: { patches, newChannels }, scope: { dearerSlots: [...dearerSlots], cheaperNodes: [...cheaperNodes] } };
  }
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;
}

async function inThread(init: FlowWorkerInit): Promise<{ backend: Backend; stats: SeedStatsMessage[] }> {
  const w = new FlowSeedWorker(init);
  const stats = w.baseline();
  let id = 0;
  return {
    stats,
    backend: {
      request: async (req) => w.answer({ ...req, id: id++ } as FlowWorkerRequest),
      stop: async () => undefined,
    },
  };
}

type WorkerMessage =
  | { type: 'ready'; value: SeedStatsMessage[] }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; message: string };

function inWorker(init: FlowWorkerInit): Promise<{ backend: Backend; stats: SeedStatsMessage[] }> {
  const worker: Worker = spawnWorker(join(__dirname, 'flow.worker'), init);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  return new Promise((resolve, reject) => {
    let ready = false;
    const failAll = (err: Error) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      if (!ready) reject(err);
    };
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'ready') {
        ready = true;
        resolve({
          stats: msg.value,
          backend: {
            request: (req) =>
              new Promise((res, rej) => {
                const id = nextId++;
                pending.set(id, { resolve: res, reject: rej });
                worker.postMessage({ ...req, id });
              }),
            stop: async () => {
              await worker.terminate();
            },
          },
        });
      } else if (msg.type === 'failed') {
        failAll(new Error(`flow worker failed: ${msg.message}`));
        void worker.terminate();
      } else {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(new DomainError('INTERNAL_ERROR', `flow worker: ${msg.message}`));
      }
    });
    worker.on('error', (err) => failAll(err));
    worker.on('exit', (code) => failAll(new Error(`flow worker exited with code ${code}`)));
  });
}
