import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { RequestMetricsService } from './request-metrics.service';

export type LlmOutcome = 'ok' | 'timeout' | 'rate_limited' | 'upstream_error' | 'refusal' | 'malformed' | 'invalid_choice' | 'truncated' | 'budget_exhausted';

/** Calls and tokens per model, for cost control: Prometheus counters plus a JSON snapshot. */
@Injectable()
export class LlmUsageMetrics {
  private readonly calls: Counter<'model' | 'outcome'>;
  private readonly tokens: Counter<'model' | 'kind'>;
  private readonly totals = new Map<string, { calls: number; prompt_tokens: number; completion_tokens: number; outcomes: Record<string, number> }>();

  constructor(metrics: RequestMetricsService) {
    this.calls = new Counter({ name: 'llm_calls_total', help: 'Model calls by model and outcome', labelNames: ['model', 'outcome'], registers: [metrics.registry] });
    this.tokens = new Counter({ name: 'llm_tokens_total', help: 'Model tokens by model and kind', labelNames: ['model', 'kind'], registers: [metrics.registry] });
  }

  private last: { outcome: LlmOutcome; at: string } | null = null;

  /** The outcome of the last model call, for health (null before any call). */
  lastOutcome(): { outcome: LlmOutcome; at: string } | null {
    return this.last;
  }

  record(model: string, outcome: LlmOutcome, promptTokens = 0, completionTokens = 0): void {
    if (outcome !== 'budget_exhausted') this.last = { outcome, at: new Date().toISOString() };
    this.calls.inc({ model, outcome });
    if (promptTokens) this.tokens.inc({ model, kind: 'prompt' }, promptTokens);
    if (completionTokens) this.tokens.inc({ model, kind: 'completion' }, completionTokens);
    const t = this.totals.get(model) ?? { calls: 0, prompt_tokens: 0, completion_tokens: 0, outcomes: {} };
    t.calls++;
    t.prompt_tokens += promptTokens;
    t.completion_tokens += completionTokens;
    // eslint-disable-next-line security/detect-object-injection -- outcome is the closed LLM outcome union, set in code
    t.outcomes[outcome] = (t.outcomes[outcome] ?? 0) + 1;
    this.totals.set(model, t);
  }

  snapshot(): Record<string, { calls: number; prompt_tokens: number; completion_tokens: number; outcomes: Record<string, number> }> {
    return Object.fromEntries(this.totals);
  }
}
