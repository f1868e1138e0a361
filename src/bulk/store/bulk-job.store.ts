import type { BulkJobSpec, ItemOutcome, JobMeta, JobStatus } from '../bulk.types';
import type { OwnerUsage } from '../bulk-quota.policy';
import type { EncodedOutcome } from '../encoded-outcomes';

export const BULK_JOB_STORE = Symbol('BULK_JOB_STORE');

export interface ItemCounts {
  done: number;
  failed: number;
  /** Items per worker id. */
  workers: Record<string, number>;
}

/**
 * Where jobs and their per-item outcomes live: Redis (shared by every instance, survives restarts) or memory
 * (the embedded default). Outcomes are keyed by item index, so writing the same item twice (a chunk re-run
 * after its worker died) leaves one outcome: processing is idempotent by construction.
 */
export interface BulkJobStore {
  readonly durable: boolean;
  /** Stores a new job, and lists it under its owner's key fingerprint when it has one. */
  create(spec: BulkJobSpec, ttlMs: number): Promise<void>;
  spec(id: string): Promise<BulkJobSpec | null>;
  meta(id: string): Promise<JobMeta | null>;
  /**
   * Moves a queued or running job to `status` in one atomic step; a finished or cancelled job is left as it is.
   * True for exactly one caller: whoever made the move (and so sends the webhook).
   */
  setStatus(id: string, status: JobStatus, at: string): Promise<boolean>;
  /** Marks the job running on the first item processed. */
  markStarted(id: string, at: string): Promise<void>;
  /** Writes (or rewrites) the items' outcomes; resolves to the number of the job's items done since. */
  putOutcomes(id: string, outcomes: EncodedOutcome[]): Promise<number>;
  counts(id: string): Promise<ItemCounts>;
  outcomes(id: string, from: number, to: number): Promise<Array<ItemOutcome | null>>;
  /** What the jobs of one key (by fingerprint) hold now: unfinished channel_candidates items, items kept. */
  ownerUsage(owner: string): Promise<OwnerUsage>;
  /** Approximate bytes the job holds in the store. */
  sizeBytes(id: string): Promise<number | null>;
}
