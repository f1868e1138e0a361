import { Inject, Injectable, Logger } from '@nestjs/common';
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

/**
 * Processes a chunk for whichever queue runs it (BullMQ worker or the in-process queue): skips it when the
 * job was cancelled, writes all its outcomes in one round trip, and finalises the job when it was the last.
 */
@Injectable()
export class ChunkProcessor {
  private readonly logger = new Logger(ChunkProcessor.name);

  constructor(
    @Inject(BULK_JOB_STORE) private readonly store: BulkJobStore,
    private readonly analyzer: ItemAnalyzer,
    private readonly webhook: BulkWebhookService,
  ) {}

  async process(task: ChunkTask): Promise<void> {
    const [spec, meta] = await Promise.all([this.store.spec(task.jobId), this.store.meta(task.jobId)]);
    if (!spec || !meta || meta.status === 'cancelled') return;
    // Every round trip here is time both of a worker's chunks may spend waiting on Redis, the core idle.
    if (meta.status === 'queued') await this.store.markStarted(task.jobId, new Date().toISOString());
    const outcomes = new OutcomeEncoder();
    for (let i = task.from; i < task.to; i++) {
      outcomes.add(await this.analyzer.analyse(spec, i));
      // Yield now and then so a long chunk never starves the HTTP server sharing this event loop.
      if ((i - task.from) % 25 === 24) await new Promise<void>((r) => setImmediate(r));
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
