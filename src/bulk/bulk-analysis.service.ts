import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { withTimeout } from '../common/async/with-timeout';
import { DomainError } from '../common/errors/domain.error';
import { WebhookTargetService } from '../common/net/webhook-target.service';
import { ValidationFailedError } from '../common/validation/validation';
import { appConfig, bulkConfig } from '../config/configuration';
import type { Unstamped } from '../graph/graph-freshness';
import { GraphService } from '../graph/graph.service';
import type { Language } from '../intelligence/recommendations/i18n/messages';
import type { PlanRequest } from '../intelligence/priorities/planner/plan.types';
import { AnalysisType, BulkJobSpec, EXPENSIVE_TYPES, ItemOutcome } from './bulk.types';
import { jobLimitProblem, keyQuotaProblem } from './bulk-quota.policy';
import { ChunkProcessor } from './chunk-processor';
import { BulkAnalysisRequestDto, BulkInlineResponseDto, BulkItemErrorDto, BulkJobAcceptedDto, BulkJobStatusDto } from './dto/bulk-analysis.dto';
import { ItemAnalyzer } from './item-analyzer';
import { JobRequester, mayAccessJob } from './job-owner.policy';
import { BulkQueueService } from './queue/bulk-queue.service';
import { BULK_JOB_STORE, BulkJobStore } from './store/bulk-job.store';

/** Longest a request waits for the job store (Redis) before answering 503: a hung Redis must not hang the API. */
export const JOB_STORE_TIMEOUT_MS = 2_000;

const jobNotFound = (id: string) => new DomainError('JOB_NOT_FOUND', `No bulk job ${id} (unknown, or expired after its retention time)`);

const itemError = (o: ItemOutcome): BulkItemErrorDto => ({ pubkey: o.pubkey, error: `${o.error?.code}: ${o.error?.message}` });
const itemResult = (o: ItemOutcome) => ({ pubkey: o.pubkey, ...o.result });

/** Bulk analysis: small requests answered inline, larger ones queued and processed by workers. */
@Injectable()
export class BulkAnalysisService {
  constructor(
    @Inject(bulkConfig.KEY) private readonly cfg: ConfigType<typeof bulkConfig>,
    @Inject(BULK_JOB_STORE) private readonly store: BulkJobStore,
    private readonly queue: BulkQueueService,
    private readonly analyzer: ItemAnalyzer,
    private readonly processor: ChunkProcessor,
    private readonly graphs: GraphService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly targets: WebhookTargetService,
  ) {}

  get defaultLanguage(): Language {
    return this.app.defaultLanguage;
  }

  async submit(dto: BulkAnalysisRequestDto, lang: Language, baseUrl: string, requester: JobRequester): Promise<Unstamped<BulkInlineResponseDto> | BulkJobAcceptedDto> {
    if (dto.callback_url && !this.cfg.secretKey) {
      throw new ValidationFailedError([{ field: 'callback_url', message: 'callback_url needs SECRET_KEY configured on the server to sign the notification' }]);
    }
    const callbackProblem = dto.callback_url ? await this.targets.problem(dto.callback_url) : null;
    if (callbackProblem !== null) throw new ValidationFailedError([{ field: 'callback_url', message: `callback_url ${callbackProblem}` }]);
    const state = this.graphs.current();
    const { pubkeys, duplicates } = dedupe(dto.pubkeys);
    const types = dto.analysis_types ?? ['basic'];
    const tooLarge = jobLimitProblem(pubkeys.length, types, this.cfg.limits);
    if (tooLarge !== null) throw new ValidationFailedError([{ field: 'pubkeys', message: `${tooLarge} (BULK_MAX_EXPENSIVE_ITEMS_PER_JOB)` }]);
    const spec: BulkJobSpec = {
      id: randomUUID(),
      pubkeys,
      types,
      useCache: dto.use_cache ?? true,
      language: lang,
      plan: dto.priorities_request ? planOf(dto.priorities_request) : null,
      callbackUrl: dto.callback_url ?? null,
      createdAt: new Date().toISOString(),
      graphVersion: state.graph.meta.version,
      owner: requester.key,
    };
    const inline = pubkeys.length <= this.cfg.inlineMax && !types.some((t) => EXPENSIVE_TYPES.includes(t)) && !dto.callback_url;
    if (inline) return this.inline(spec, duplicates);

    const hint = `, or send at most ${this.cfg.inlineMax} pubkeys for an inline answer`;
    // Per-key quotas need keys: without API_KEYS every caller is the same anonymous one (development).
    const owner = requester.key;
    if (requester.keysRequired && owner !== null) {
      const usage = await this.stored(() => this.store.ownerUsage(owner), hint);
      const over = keyQuotaProblem(usage, pubkeys.length, types, this.cfg.limits);
      if (over !== null) throw new DomainError('QUOTA_EXCEEDED', over);
    }
    await this.stored(() => this.store.create(spec, this.cfg.resultTtlMs), hint);
    const tasks = [];
    for (let from = 0; from < pubkeys.length; from += this.cfg.chunkSize) tasks.push({ jobId: spec.id, from, to: Math.min(pubkeys.length, from + this.cfg.chunkSize) });
    await this.queue.enqueue(tasks);
    return { mode: 'queued', job_id: spec.id, status: 'queued', total: pubkeys.length, duplicates_removed: duplicates, status_url: `${baseUrl}/${spec.id}`, durable: this.queue.durable };
  }

  /** A job another key created answers exactly as an unknown one: its existence is not revealed. */
  async status(id: string, page: number, pageSize: number, requester: JobRequester): Promise<Unstamped<BulkJobStatusDto>> {
    const from = page * pageSize;
    const { spec, meta, counts, items } = await this.stored(async () => {
      const [spec, meta] = await Promise.all([this.store.spec(id), this.store.meta(id)]);
      if (!spec || !meta || !mayAccessJob(spec.owner, requester)) throw jobNotFound(id);
      const counts = await this.store.counts(id);
      const items = await this.store.outcomes(id, from, Math.min(meta.total, from + pageSize));
      return { spec, meta, counts, items };
    });
    const started = meta.startedAt ? Date.parse(meta.startedAt) : null;
    const end = meta.finishedAt ? Date.parse(meta.finishedAt) : Date.now();
    const elapsed = started ? (end - started) / 1000 : null;
    const rate = elapsed && elapsed > 0 ? counts.done / elapsed : null;
    const running = meta.status === 'queued' || meta.status === 'running';
    return {
      job_id: id,
      status: meta.status,
      progress: { done: counts.done, total: meta.total, failed: counts.failed, percent: meta.total ? Math.round((1000 * counts.done) / meta.total) / 10 : 100 },
      eta_seconds: running && rate ? Math.round((meta.total - counts.done) / rate) : null,
      timings: {
        created_at: spec.createdAt,
        started_at: meta.startedAt,
        finished_at: meta.finishedAt,
        elapsed_seconds: elapsed === null ? null : Math.round(elapsed * 1000) / 1000,
        items_per_second: rate === null ? null : Math.round(rate * 10) / 10,
      },
      analysis_types: spec.types,
      workers: counts.workers,
      page,
      page_size: pageSize,
      total_pages: Math.max(1, Math.ceil(meta.total / pageSize)),
      results: items.filter((o): o is ItemOutcome => o !== null && o.ok).map(itemResult),
      errors: items.filter((o): o is ItemOutcome => o !== null && !o.ok).map(itemError),
      pending: items.filter((o) => o === null).length,
      graph_version: spec.graphVersion,
    };
  }

  async cancel(id: string, requester: JobRequester): Promise<Unstamped<BulkJobStatusDto>> {
    await this.stored(async () => {
      const [spec, meta] = await Promise.all([this.store.spec(id), this.store.meta(id)]);
      if (!spec || !meta || !mayAccessJob(spec.owner, requester)) throw jobNotFound(id);
      // A finished job keeps its status; cancelling is only meaningful while items remain.
      if (meta.status === 'queued' || meta.status === 'running') await this.store.setStatus(id, 'cancelled', new Date().toISOString());
    });
    return this.status(id, 0, 100, requester);
  }

  /**
   * A job store call bounded by {@link JOB_STORE_TIMEOUT_MS}: Redis down, erroring or hung becomes a 503
   * UPSTREAM_UNAVAILABLE, never a 500 or a request that never ends. Domain errors pass through.
   */
  private async stored<T>(op: () => Promise<T>, hint = ''): Promise<T> {
    try {
      return await withTimeout(op(), JOB_STORE_TIMEOUT_MS, `no answer within ${JOB_STORE_TIMEOUT_MS} ms`);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw new DomainError('UPSTREAM_UNAVAILABLE', `the bulk job store is unavailable (${err instanceof Error ? err.message : String(err)}); retry later${hint}`);
    }
  }

  private async inline(spec: BulkJobSpec, duplicates: string[]): Promise<Unstamped<BulkInlineResponseDto>> {
    const t0 = performance.now();
    const outcomes: ItemOutcome[] = [];
    for (let i = 0; i < spec.pubkeys.length; i++) outcomes.push(await this.analyzer.analyse(spec, i));
    const ok = outcomes.filter((o) => o.ok);
    return {
      mode: 'inline',
      total_analyzed: outcomes.length,
      successful: ok.length,
      failed: outcomes.length - ok.length,
      results: ok.map(itemResult),
      errors: outcomes.filter((o) => !o.ok).map(itemError),
      duplicates_removed: duplicates,
      processing_time_seconds: Math.round((performance.now() - t0) * 1000) / 1e6,
      generated_at: new Date().toISOString(),
      graph_version: spec.graphVersion,
    };
  }
}

/** Lower-cases strings that look like pubkeys and keeps the first of each; reports the repeats once each. */
export function dedupe(input: string[]): { pubkeys: string[]; duplicates: string[] } {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const pubkeys: string[] = [];
  for (const raw of input) {
    const key = raw.toLowerCase();
    if (seen.has(key)) duplicates.add(key);
    else {
      seen.add(key);
      pubkeys.push(raw);
    }
  }
  return { pubkeys, duplicates: [...duplicates] };
}

function planOf(p: NonNullable<BulkAnalysisRequestDto['priorities_request']>): PlanRequest {
  return {
    context: p.context ?? 'intermediate',
    goals: p.goals ?? ['routing_revenue'],
    maxActions: p.max_actions ?? 5,
    budgetLimit: p.budget_limit ?? null,
    timeframePreference: p.timeframe_preference ?? null,
  };
}

export type { AnalysisType };
