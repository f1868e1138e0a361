import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Job, Queue, WaitingError, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { DomainError } from '../../common/errors/domain.error';
import { bulkConfig, limitsConfig } from '../../config/configuration';
import { ChunkAbandonedError, ChunkProcessor, ChunkTask } from '../chunk-processor';

/** Retries of one chunk before BullMQ gives up on it (its items then stay missing and the job fails). */
export const CHUNK_ATTEMPTS = 3;
/**
 * Longest shutdown lets the chunks in flight finish: then they are abandoned unwritten and handed back to the
 * queue. At most half of SHUTDOWN_TIMEOUT_MS, so the rest of the shutdown has the other half.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Chunks of bulk jobs, processed by workers. With REDIS_URL: a BullMQ queue in Redis, so jobs survive an API
 * restart, any instance with APP_ROLE=worker|all takes chunks, and a chunk whose worker died is taken over
 * after its lock expires (BullMQ stalled-job recovery). Without Redis: an in-process queue with the same
 * contract, and none of those guarantees (README: "Bulk analysis").
 */
@Injectable()
export class BulkQueueService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BulkQueueService.name);
  private queue: Queue<ChunkTask> | null = null;
  private worker: Worker<ChunkTask> | null = null;
  private readonly connections: IORedis[] = [];
  private readonly local: ChunkTask[] = [];
  private localRunning = 0;
  private stopped = false;
  /** Fires when shutdown's grace for the chunks in flight is over. */
  private readonly abandon = new AbortController();

  constructor(
    @Inject(bulkConfig.KEY) private readonly cfg: ConfigType<typeof bulkConfig>,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    private readonly processor: ChunkProcessor,
  ) {}

  get durable(): boolean {
    return this.cfg.redisUrl !== null;
  }

  get runsWorker(): boolean {
    return this.cfg.role !== 'api';
  }

  onModuleInit(): void {
    if (!this.cfg.redisUrl) return;
    const name = 'bulk-analysis';
    const prefix = `${this.cfg.namespace}:bullmq`;
    // Submissions fail fast when Redis is down (no offline queue): the API answers 503 instead of hanging.
    const queueConn = new IORedis(this.cfg.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1000, lazyConnect: false });
    queueConn.on('error', () => undefined);
    this.connections.push(queueConn);
    this.queue = new Queue<ChunkTask>(name, { connection: queueConn, prefix });
    this.queue.on('error', () => undefined);
    if (this.runsWorker) {
      // Workers wait for Redis as long as it takes (BullMQ requires maxRetriesPerRequest: null).
      const workerConn = new IORedis(this.cfg.redisUrl, { maxRetriesPerRequest: null });
      workerConn.on('error', () => undefined);
      this.connections.push(workerConn);
      // The lock is renewed by a timer of this event loop every lockDuration / 2: it holds only because no
      // item computes on the loop for long (channel candidates run on worker threads, the rest yields every
      // SLICE_MS). A loop held longer than lockDuration let the lock lapse and the chunk run again elsewhere.
      this.worker = new Worker<ChunkTask>(name, (job, token) => this.run(job, token), {
        connection: workerConn,
        prefix,
        concurrency: this.cfg.concurrency,
        lockDuration: this.cfg.lockDurationMs,
        stalledInterval: this.cfg.stalledIntervalMs,
        maxStalledCount: 5,
      });
      this.worker.on('error', (err) => this.logger.warn(`bulk worker: ${err.message}`));
      this.worker.on('failed', (job, err) => this.logger.warn(`bulk chunk ${job?.id ?? '?'} failed: ${err.message}`));
    }
  }

  /** A chunk abandoned at shutdown goes straight back to the waiting list, no attempt spent, for another worker. */
  private async run(job: Job<ChunkTask>, token: string | undefined): Promise<void> {
    try {
      await this.processor.process(job.data, this.abandon.signal);
    } catch (err) {
      if (!(err instanceof ChunkAbandonedError) || !token) throw err;
      await job.moveToWait(token);
      throw new WaitingError();
    }
  }

  async enqueue(tasks: ChunkTask[]): Promise<void> {
    if (!this.queue) {
      this.local.push(...tasks);
      this.pumpLocal();
      return;
    }
    try {
      await this.queue.addBulk(
        tasks.map((t) => ({
          name: 'chunk',
          data: t,
          // A deterministic id: enqueueing the same chunk twice is a no-op.
          opts: {
            jobId: `${t.jobId}-${t.from}`,
            attempts: CHUNK_ATTEMPTS,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: Math.ceil(this.cfg.resultTtlMs / 1000) },
            removeOnFail: { age: Math.ceil(this.cfg.resultTtlMs / 1000) },
          },
        })),
      );
    } catch (err) {
      throw new DomainError('UPSTREAM_UNAVAILABLE', `the bulk queue is unavailable (Redis: ${err instanceof Error ? err.message : String(err)}); retry later, or send at most ${this.cfg.inlineMax} pubkeys for an inline answer`);
    }
  }

  /** Chunks waiting or running in the queue (for health and benchmarks). */
  async backlog(): Promise<number> {
    if (!this.queue) return this.local.length + this.localRunning;
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  }

  private pumpLocal(): void {
    while (!this.stopped && this.runsWorker && this.localRunning < this.cfg.concurrency && this.local.length > 0) {
      const task = this.local.shift()!;
      this.localRunning++;
      setImmediate(() => {
        this.processor
          .process(task, this.abandon.signal)
          .catch((err: unknown) => this.logger.error(`bulk chunk ${task.jobId}:${task.from} failed: ${err instanceof Error ? err.message : String(err)}`))
          .finally(() => {
            this.localRunning--;
            this.pumpLocal();
          });
      });
    }
  }

  /**
   * A module-destroy hook, not a shutdown one: Nest destroys this module before the global cache module, whose
   * destroy hook closes the Redis client the job store shares. A chunk still running then can write its
   * outcomes if it finishes within the grace; after it, it is abandoned unwritten and put back in the queue,
   * where another worker (or this one after a restart) runs it whole.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    const connected = this.connections.every((c) => c.status === 'ready');
    const graceMs = Math.min(SHUTDOWN_GRACE_MS, Math.floor(this.limits.shutdownTimeoutMs / 2));
    const abandon = setTimeout(() => this.abandon.abort(), connected ? graceMs : 0);
    // With Redis down there is nothing to finish or hand back, and BullMQ would wait for a connection forever.
    const closing = Promise.all([this.worker?.close(!connected), this.queue?.close()]).catch(() => undefined);
    await Promise.race([closing, new Promise((r) => setTimeout(r, connected ? graceMs + 1000 : 0).unref())]);
    clearTimeout(abandon);
    this.abandon.abort();
    for (const c of this.connections) c.disconnect();
  }
}
