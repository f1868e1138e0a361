import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ItemOutcome, JobStatus } from './bulk.types';
import { OutcomeEncoder } from './encoded-outcomes';
import { ItemAnalyzer } from './item-analyzer';
import { BulkWebhookService } from './bulk-webhook.service';
import { BULK_JOB_STORE, BulkJobStore } from './store/bulk-job.store';

/** One queued unit of work: a contiguous range of a job's items. */
export interface ChunkTask {
  jobId: string;
  from: number;
  to: number;
}

/** A chunk given up unwritten because its process is stopping: the queue hands it to another worker. */
export class ChunkAbandonedError extends Error {
  constructor(task: ChunkTask) {
    super(`bulk chunk ${task.jobId}:${task.from} abandoned unwritten (the process is stopping)`);
    this.name = ChunkAbandonedError.name;
  }
}

/** Longest the chunk loop holds the event loop between two yields (HTTP, probes and lock renewals run then). */
export const SLICE_MS = 10;
/** How often a long chunk re-reads its job's status, to stop once the job is cancelled or finished. */
export const STATUS_RECHECK_MS = 1_000;

const isOpen = (status: JobStatus) => status === 'queued' || status === 'running';

/**
 * Processes a chunk for whichever queue runs it (BullMQ worker or the in-process queue): skips it when the
 * job is no longer queued or running (cancelled, or finished by an earlier run of this chunk), writes all its
 * outcomes in one round trip, and finalises the job when it was the last.
 */
@Injectable()
export class ChunkProcessor {
  private readonly logger = new Logger(ChunkProcessor.name);

  constructor(
    @Inject(BULK_JOB_STORE) private readonly store: BulkJobStore,
    private readonly analyzer: ItemAnalyzer,
    private readonly webhook: BulkWebhookService,
  ) {}

  /**
   * `stop` aborts the chunk between items or while an item computes: it then rejects with
   * {@link ChunkAbandonedError} and writes nothing, so the chunk is re-run whole by whoever takes it next.
   */
  async process(task: ChunkTask, stop?: AbortSignal): Promise<void> {
    const [spec, meta] = await Promise.all([this.store.spec(task.jobId), this.store.meta(task.jobId)]);
    if (!spec || !meta || !isOpen(meta.status)) return;
    // Every round trip here is time both of a worker's chunks may spend waiting on Redis, the core idle.
    if (meta.status === 'queued') await this.store.markStarted(task.jobId, new Date().toISOString());
    const outcomes = new OutcomeEncoder();
    let sliceStart = performance.now();
    let checkedAt = sliceStart;
    for (let i = task.from; i < task.to; i++) {
      if (stop?.aborted) throw new ChunkAbandonedError(task);
      outcomes.add(await untilStopped(this.analyzer.analyse(spec, i), stop, task));
      const now = performance.now();
      if (now - checkedAt >= STATUS_RECHECK_MS && i + 1 < task.to) {
        const current = await this.store.meta(task.jobId);
        if (!current || !isOpen(current.status)) return;
        checkedAt = performance.now();
      }
      // An awaited item that needed no worker thread resolves without a turn of the event loop: yield by time.
      if (now - sliceStart >= SLICE_MS) {
        await new Promise<void>((r) => setImmediate(r));
        sliceStart = performance.now();
      }
    }
    const done = await this.store.putOutcomes(task.jobId, outcomes.finish());
    if (done >= meta.total) await this.finalizeIfDone(task.jobId);
  }

  async finalizeIfDone(jobId: string): Promise<void> {
    const [meta, counts] = await Promise.all([this.store.meta(jobId), this.store.counts(jobId)]);
    if (!meta || meta.status === 'cancelled' || counts.done < meta.total) return;
    const finishedAt = new Date().toISOString();
    // One atomic move: a worker that dies right after it leaves a completed job, and one that dies before it
    // leaves a running job that the re-run of its chunk completes (a separate claim could be left half done).
    if (!(await this.store.setStatus(jobId, 'completed', finishedAt))) return;
    this.logger.log(`bulk job ${jobId} completed: ${counts.done - counts.failed} ok, ${counts.failed} failed`);
    const spec = await this.store.spec(jobId);
    if (spec?.callbackUrl) await this.webhook.notify(spec.callbackUrl, { job_id: jobId, status: 'completed', total: meta.total, successful: counts.done - counts.failed, failed: counts.failed, finished_at: finishedAt });
  }
}

/** The item's outcome, or a {@link ChunkAbandonedError} as soon as `stop` fires (the item may still finish, unused). */
function untilStopped(item: Promise<ItemOutcome>, stop: AbortSignal | undefined, task: ChunkTask): Promise<ItemOutcome> {
  if (!stop) return item;
  return new Promise<ItemOutcome>((resolve, reject) => {
    if (stop.aborted) return reject(new ChunkAbandonedError(task));
    const onStop = () => reject(new ChunkAbandonedError(task));
    stop.addEventListener('abort', onStop, { once: true });
    item.then(resolve, reject).finally(() => stop.removeEventListener('abort', onStop));
  });
}
