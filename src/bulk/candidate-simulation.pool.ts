import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { spawnWorker } from '../common/workers/worker-task';
import { bulkConfig } from '../config/configuration';
import { announcedPeers, CandidateBatch, CandidateContext, ChannelCandidatesReport, reportCandidateBatch, simulationContextOf } from '../graph/analytics/channel-candidates';
import type { CandidateSimulationReply, CandidateSimulationRequest } from './candidate-simulation.worker';

/** An idle thread is stopped after this long, giving back its copy of the graph (tens of MB). */
const IDLE_MS = 30_000;

/** One long-lived worker thread and the context it holds. */
class SimulationThread {
  private readonly worker: Worker;
  private loaded: CandidateContext | null = null;
  private readonly pending = new Map<number, { resolve: (b: CandidateBatch) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  dead = false;
  idleTimer: NodeJS.Timeout | null = null;

  constructor(onDeath: (t: SimulationThread) => void) {
    this.worker = spawnWorker(join(__dirname, 'candidate-simulation.worker'), null);
    // An idle pool must not keep a stopping process alive.
    this.worker.unref();
    this.worker.on('message', (reply: CandidateSimulationReply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) p?.resolve(reply.value);
      else p?.reject(new Error(`candidate simulation failed: ${reply.message}`));
    });
    const die = (err: Error) => {
      if (this.dead) return;
      this.dead = true;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      onDeath(this);
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`candidate simulation thread exited with code ${code}`)));
  }

  run(ctx: CandidateContext, v: number, limit: number): Promise<CandidateBatch> {
    if (this.loaded !== ctx) {
      // Typed arrays are copied once per graph version; messages are handled in order, so the next one sees it.
      this.worker.postMessage({ kind: 'load', ctx: simulationContextOf(ctx) } satisfies CandidateSimulationRequest);
      this.loaded = ctx;
    }
    const id = this.nextId++;
    return new Promise<CandidateBatch>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'simulate', id, v, announced: announcedPeers(ctx.graph, v), limit } satisfies CandidateSimulationRequest);
    });
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/**
 * Runs the channel-candidate simulation of bulk items (0.2–0.4 s of CPU each) on long-lived worker threads, so
 * that a bulk job never holds the event loop that serves HTTP, renews the queue's locks and answers probes.
 * Threads: BULK_WORKER_CONCURRENCY, at most one fewer than the cores (one core stays free for the event loop),
 * at least one; items wait for a free thread in order. The answer is the same report, to the bit, as
 * simulateChannelCandidates on the calling thread.
 */
@Injectable()
export class CandidateSimulationPool implements OnApplicationShutdown {
  readonly size: number;
  private readonly threads = new Set<SimulationThread>();
  private readonly idle: SimulationThread[] = [];
  private readonly waiting: Array<{ resolve: (t: SimulationThread) => void; reject: (e: Error) => void }> = [];
  private closed = false;

  constructor(@Inject(bulkConfig.KEY) cfg: ConfigType<typeof bulkConfig>) {
    this.size = Math.max(1, Math.min(cfg.concurrency, availableParallelism() - 1));
  }

  async simulate(ctx: CandidateContext, v: number, limit: number): Promise<ChannelCandidatesReport> {
    const t0 = performance.now();
    const thread = await this.acquire();
    try {
      return reportCandidateBatch(ctx, v, await thread.run(ctx, v, limit), t0);
    } finally {
      this.release(thread);
    }
  }

  /** After every module's destroy hook: the bulk queue's chunks in flight may still need a thread until then. */
  onApplicationShutdown(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error('the candidate simulation pool is closed'));
    for (const t of this.threads) t.stop();
  }

  private acquire(): Promise<SimulationThread> {
    if (this.closed) return Promise.reject(new Error('the candidate simulation pool is closed'));
    const t = this.idle.pop();
    if (t) {
      if (t.idleTimer) clearTimeout(t.idleTimer);
      t.idleTimer = null;
      return Promise.resolve(t);
    }
    if (this.threads.size < this.size) {
      const fresh = new SimulationThread((dead) => this.forget(dead));
      this.threads.add(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(t: SimulationThread): void {
    if (t.dead || this.closed) return this.handOver();
    const next = this.waiting.shift();
    if (next) return next.resolve(t);
    t.idleTimer = setTimeout(() => this.retire(t), IDLE_MS).unref();
    this.idle.push(t);
  }

  /** A thread died or was retired: whoever waits gets a fresh one. */
  private forget(t: SimulationThread): void {
    this.threads.delete(t);
    const i = this.idle.indexOf(t);
    if (i >= 0) this.idle.splice(i, 1);
    if (t.idleTimer) clearTimeout(t.idleTimer);
  }

  private handOver(): void {
    const next = this.waiting.shift();
    if (next) this.acquire().then(next.resolve, next.reject);
  }

  private retire(t: SimulationThread): void {
    this.forget(t);
    t.stop();
  }
}
