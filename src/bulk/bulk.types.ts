import type { Language } from '../intelligence/recommendations/i18n/messages';
import type { PlanRequest } from '../intelligence/priorities/planner/plan.types';

/** What can be asked of each node, cheapest first (cost per node measured on 2 cores, see README). */
export const ANALYSIS_TYPES = ['basic', 'network_position', 'recommendations', 'channel_candidates', 'priorities'] as const;
export type AnalysisType = (typeof ANALYSIS_TYPES)[number];
/** Types too slow for an inline answer: a request asking for them is always queued. */
export const EXPENSIVE_TYPES: readonly AnalysisType[] = ['channel_candidates', 'priorities'];

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** Everything a worker needs to process any item of a job, stored once per job. */
export interface BulkJobSpec {
  id: string;
  pubkeys: string[];
  types: AnalysisType[];
  useCache: boolean;
  language: Language;
  plan: PlanRequest | null;
  callbackUrl: string | null;
  createdAt: string;
  /** Graph version the job was submitted on (results say which graph they describe). */
  graphVersion: string;
  /** Fingerprint of the API key that created the job (never the key); absent on jobs from before owners were recorded. */
  owner?: string | null;
}

export interface ItemOutcome {
  index: number;
  pubkey: string;
  ok: boolean;
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
  /** Which worker process (random id:pid) processed it. */
  worker: string;
  ms: number;
}

export interface JobMeta {
  status: JobStatus;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  cancelledAt: string | null;
}
