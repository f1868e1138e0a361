import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { CONTEXTS, GOALS, TIMEFRAMES, type Goal, type PlanContext, type PrioritiesRequest, type PrioritiesResponse, type Timeframe } from '../api/types';
import { useApp } from '../context';
import { formatNumber, formatSat } from '../format';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from './ErrorMessage';
import { CommandsView, NodeRoleView } from './Recommendations';

/** `POST /node/{pk}/priorities`: the operator's goals, experience, size and budget in; a ranked plan out. */
export function PlanForm({ pubkey }: { pubkey: string }) {
  const { api, t, lang } = useApp();
  const [goals, setGoals] = useState<Goal[]>(['routing_revenue', 'connectivity']);
  const [context, setContext] = useState<PlanContext>('intermediate');
  const [maxActions, setMaxActions] = useState('5');
  const [budget, setBudget] = useState('');
  const [timeframe, setTimeframe] = useState<Timeframe | ''>('');
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<PrioritiesResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ctrl = useRef<AbortController | null>(null);
  const result = useRef<HTMLHeadingElement>(null);

  useEffect(() => () => ctrl.current?.abort(), []);
  useEffect(() => {
    // Another node: the previous node's plan no longer applies.
    ctrl.current?.abort();
    setPlan(null);
    setError(null);
    setBusy(false);
  }, [pubkey]);

  const toggle = (g: Goal) => setGoals((gs) => (gs.includes(g) ? gs.filter((x) => x !== g) : [...gs, g]));

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    // Sent as typed: the API validates (and its 400 names the field), the form does not second-guess it.
    const body: PrioritiesRequest = { context, goals: GOALS.filter((g) => goals.includes(g)), max_actions: Number(maxActions) };
    if (budget.trim() !== '') body.budget_limit = Number(budget);
    if (timeframe) body.timeframe_preference = timeframe;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.createPriorities(pubkey, body, c.signal);
      if (c.signal.aborted) return;
      setPlan(answer);
      window.requestAnimationFrame(() => result.current?.focus());
    } catch (err) {
      if (c.signal.aborted || (err as Error)?.name === 'AbortError') return;
      setPlan(null);
      setError(err);
    } finally {
      if (!c.signal.aborted) setBusy(false);
    }
  };

  const invalid = (field: string) => error instanceof ApiError && (error.problem?.errors ?? []).some((e) => e.field === field);

  return (
    <div class="plan">
      <p>{t('plan.intro')}</p>
      <form class="plan-form" onSubmit={onSubmit} aria-describedby={error ? 'plan-error' : undefined} noValidate>
        <fieldset aria-invalid={invalid('goals') || undefined}>
          <legend>{t('plan.goals')}</legend>
          {GOALS.map((g) => (
            <label key={g} class="check">
              <input type="checkbox" name="goals" value={g} checked={goals.includes(g)} onChange={() => toggle(g)} />
              {t(`plan.goal.${g}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <div class="form-grid">
          <label>
            {t('plan.context')}
            <select name="context" value={context} onChange={(e) => setContext((e.currentTarget as HTMLSelectElement).value as PlanContext)}>
              {CONTEXTS.map((c) => (
                <option key={c} value={c}>
                  {t(`plan.context.${c}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plan.maxActions')}
            <input
              name="max_actions"
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              step={1}
              value={maxActions}
              aria-invalid={invalid('max_actions') || undefined}
              onInput={(e) => setMaxActions((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label>
            {t('plan.budget')}
            <input
              name="budget_limit"
              type="number"
              inputMode="numeric"
              min={0}
              step={1000}
              value={budget}
              aria-invalid={invalid('budget_limit') || undefined}
              onInput={(e) => setBudget((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label>
            {t('plan.timeframe')}
            <select name="timeframe_preference" value={timeframe} onChange={(e) => setTimeframe((e.currentTarget as HTMLSelectElement).value as Timeframe | '')}>
              <option value="">{t('plan.timeframe.any')}</option>
              {TIMEFRAMES.map((tf) => (
                <option key={tf} value={tf}>
                  {tf}
                </option>
              ))}
            </select>
          </label>
        </div>
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t('plan.submitting') : t('plan.submit')}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} id="plan-error" />}
      {plan && <PlanResult plan={plan} headingRef={result} lang={lang} />}
    </div>
  );
}

function PlanResult({ plan, headingRef, lang }: { plan: PrioritiesResponse; headingRef: RefObject<HTMLHeadingElement>; lang: 'en' | 'fr' }) {
  const { t } = useApp();
  const byModel = plan.model_used !== 'deterministic';
  return (
    <section class="plan-result" aria-labelledby="plan-result-h" data-testid="plan-result" data-model-used={plan.model_used}>
      <h3 id="plan-result-h" ref={headingRef} tabIndex={-1}>
        {t('plan.result')}
      </h3>
      <p class={byModel ? 'badge model' : 'badge deterministic'} data-testid="plan-model">
        {byModel ? t('plan.by.model', { model: plan.model_used }) : t('plan.by.deterministic')} · <code>{t('plan.modelUsed', { model: plan.model_used })}</code>
      </p>
      <p class="narrative" lang={plan.language}>
        {plan.openai_analysis}
      </p>
      <NodeRoleView role={plan.node_role} />
      <dl class="cards compact">
        <div class="card">
          <dt>{t('plan.totalCost')}</dt>
          <dd class="card-value">{formatSat(plan.total_estimated_cost, lang)}</dd>
          <dd class="card-sub">{t('plan.totalCost.sub')}</dd>
        </div>
        <div class="card" data-testid="plan-capital">
          <dt>{t('plan.totalCapital')}</dt>
          <dd class="card-value">{formatSat(plan.total_committed_capital, lang)}</dd>
          <dd class="card-sub">{t('plan.totalCapital.sub')}</dd>
        </div>
        <div class="card">
          <dt>{t('plan.roi')}</dt>
          <dd class="card-value">{plan.expected_roi === null ? '—' : formatNumber(plan.expected_roi, lang)}</dd>
          {plan.expected_roi === null && <dd class="card-sub">{t('plan.roi.unknown')}</dd>}
        </div>
        <div class="card">
          <dt>{t('plan.score')}</dt>
          <dd class="card-value">{formatNumber(plan.plan_score, lang)}</dd>
        </div>
      </dl>
      {plan.priority_actions.length === 0 ? (
        <p>{t('plan.empty')}</p>
      ) : (
        <ol class="plan-actions" lang={plan.language}>
          {plan.priority_actions.map((a) => (
            <li key={a.id} class="rec" data-manual={String(a.manual)}>
              <h4 class="rec-action">
                {a.manual && (
                  <>
                    <span class="badge manual" title={t('plan.manual.title')}>
                      {t('plan.manual')}
                    </span>{' '}
                  </>
                )}
                {a.action}
              </h4>
              <p class="muted">
                {t('plan.cost', { cost: formatSat(a.estimated_cost, lang), difficulty: a.difficulty, timeframe: a.timeframe })}
                {a.committed_capital > 0 && <> · {t('plan.capital', { capital: formatSat(a.committed_capital, lang) })}</>} · {a.cost_basis}
              </p>
              <p>{a.reasoning}</p>
              <p>{a.impact}</p>
              {a.commands && <CommandsView commands={a.commands} />}
              {a.success_metrics.length > 0 && (
                <>
                  <p class="small-title">{t('plan.success')}</p>
                  <ul>
                    {a.success_metrics.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {plan.warnings.length > 0 && (
        <>
          <p class="small-title">{t('plan.warnings')}</p>
          <ul class="warnings">
            {plan.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <p class="muted">{t('plan.generated', { time: new Date(plan.generated_at).toLocaleString(lang), source: plan.source })}</p>
    </section>
  );
}
