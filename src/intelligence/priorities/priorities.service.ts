import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AppCacheService } from '../../cache/app-cache.service';
import { appConfig, openaiConfig } from '../../config/configuration';
import type { Unstamped } from '../../graph/graph-freshness';
import { GraphService } from '../../graph/graph.service';
import { LlmUsageMetrics } from '../../metrics/llm-usage.metrics';
import { PrioritiesRequestDto, PrioritiesResponseDto, PriorityActionDto } from '../dto/priorities.dto';
import { Language } from '../recommendations/i18n/messages';
import { NodeAnalysisService } from '../live/node-analysis.service';
import { AdviceFlowService } from '../flow/advice-flow.service';
import { openCap } from '../candidates/open-sizing';
import { networkFeeIndex } from '../recommendations/node-analysis';
import { NodeRoleInfo, recommend } from '../recommendations/recommendations.engine';
import { ModelPlanFailure, PlanModelClient } from './model/plan-model.client';
import { TokenBudget } from './model/token-budget';
import { candidateActions, effectiveMaxActions } from './planner/candidate-actions';
import { planNarrative } from './planner/plan-narrative';
import { budgetUse, planCapitalLimit, selectPlan } from './planner/plan-selection';
import { CandidateAction, Goal, Plan, PlanRequest } from './planner/plan.types';

const ROI_FORMULA = '(30 × change in the payment-flow model’s median routing revenue per day with every fee step and channel open of the plan applied − total_estimated_cost) / total_estimated_cost; null while the model is not ready, or when the plan costs nothing (warnings then give the modelled revenue change) or has nothing the model can apply';
const KEY_METRICS: Record<Goal, string[]> = {
  routing_revenue: ['routing_revenue_24h', 'fee_efficiency'],
  connectivity: ['betweenness_rank', 'closeness_rank', 'active_channels'],
  liquidity: ['channel_balance_ratio'],
  reliability: ['active_channels', 'disabled_channels'],
  cost_optimization: ['revenue_per_capacity'],
};

/**
 * What the model may choose from: the actions the deterministic planner could take one by one, keeping the
 * best per peer when an action acts on a single peer (so that any choice respects one action per peer more
 * easily; the answer is still validated).
 */
function modelEligible(candidates: CandidateAction[], budget: number | null, totalChannels: number): CandidateAction[] {
  const fits = candidates.filter((c) => c.score > 0 && (budget === null || budgetUse(c) <= budget) && c.closesChannels < Math.max(1, totalChannels));
  const bestOfPeer = new Map<string, CandidateAction>();
  for (const c of fits) {
    if (c.peers.length !== 1) continue;
    const held = bestOfPeer.get(c.peers[0]);
    if (!held || c.score > held.score || (c.score === held.score && c.id < held.id)) bestOfPeer.set(c.peers[0], c);
  }
  return fits.filter((c) => c.peers.length !== 1 || bestOfPeer.get(c.peers[0]) === c);
}

/**
 * The priorities plan: the deterministic planner always runs; when a model is configured, it picks and
 * explains among the same candidates, and any failure of the model falls back to the deterministic plan.
 */
@Injectable()
export class PrioritiesService {
  private readonly tokens: TokenBudget;

  constructor(
    private readonly graphs: GraphService,
    private readonly cache: AppCacheService,
    private readonly model: PlanModelClient,
    private readonly llmMetrics: LlmUsageMetrics,
    private readonly analyser: NodeAnalysisService,
    private readonly adviceFlow: AdviceFlowService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(openaiConfig.KEY) openai: ConfigType<typeof openaiConfig>,
  ) {
    this.tokens = new TokenBudget(openai.dailyTokenBudget);
  }

  get defaultLanguage(): Language {
    return this.app.defaultLanguage;
  }

  async getPlan(pubkey: string, dto: PrioritiesRequestDto, lang: Language): Promise<Unstamped<PrioritiesResponseDto>> {
    const state = this.graphs.current();
    const req: PlanRequest = {
      context: dto.context ?? 'intermediate',
      goals: dto.goals ?? ['routing_revenue'],
      maxActions: dto.max_actions ?? 5,
      budgetLimit: dto.budget_limit ?? null,
      timeframePreference: dto.timeframe_preference ?? null,
    };
    const mode = this.model.configured ? this.model.model : 'deterministic';
    const key = this.cache.key('priorities', state.graph.meta.version, this.analyser.centralityStatus(), this.adviceFlow.status(), pubkey, createHash('sha256').update(JSON.stringify([req, lang, mode])).digest('hex').slice(0, 24));
    const cached = await this.cache.get<Unstamped<PrioritiesResponseDto>>(key);
    if (cached) return { ...cached, cache_hit: true };
    const { analysis, warnings: dataWarnings } = await this.analyser.analyse(pubkey);
    const { recommendations, node_role, policySteps } = recommend(analysis, lang);
    const candidates = candidateActions(recommendations, req, lang, {
      onchainFeeRateSatVb: this.app.onchainFeeRateSatVb,
      feeRateSource: 'static ONCHAIN_FEE_RATE_SAT_VB',
      networkMedianFeePpm: networkFeeIndex(state).facts.medianFeePpm,
    });
    const maxActions = effectiveMaxActions(req);
    const capitalLimit = planCapitalLimit(analysis.summary.totalCapacitySat, openCap(analysis.summary, analysis.network.medianChannelSat), req.budgetLimit);
    const limits = { totalChannels: analysis.summary.totalChannels, capitalLimit, goals: req.goals };
    const plan = selectPlan(candidates, maxActions, req.budgetLimit, limits);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const warnings = [...dataWarnings];
    let answer: Unstamped<PrioritiesResponseDto> | null = null;

    if (this.model.configured) {
      const eligible = modelEligible(candidates, req.budgetLimit, limits.totalChannels).filter((c) => c.committedCapital <= (capitalLimit ?? Infinity));
      if (!this.tokens.hasRoom()) {
        this.llmMetrics.record(this.model.model, 'budget_exhausted');
        warnings.push('the daily model token budget is used up: deterministic plan served');
      } else if (eligible.length > 0) {
        try {
          const m = await this.model.proposePlan(
            {
              pubkey,
              alias: analysis.alias,
              active_channels: analysis.summary.activeChannels,
              total_channels: analysis.summary.totalChannels,
              active_capacity_sat: analysis.summary.activeCapacitySat,
              degree_rank: analysis.degreeRank,
              capacity_rank: analysis.capacityRank,
              median_outbound_fee_rate_ppm: analysis.summary.medianOutboundFeePpm,
              snapshot_date: state.graph.meta.snapshotDate,
            },
            req,
            maxActions,
            eligible,
            lang,
            limits,
          );
          this.tokens.spend(m.promptTokens + m.completionTokens);
          this.llmMetrics.record(m.model, 'ok', m.promptTokens, m.completionTokens);
          const byId = new Map(eligible.map((c) => [c.id, c]));
          const chosen = m.selected.map((s) => byId.get(s.id) as CandidateAction);
          const modelPlan: Plan = {
            actions: chosen,
            totalCost: chosen.reduce((s, c) => s + c.estimatedCost, 0),
            totalCapital: chosen.reduce((s, c) => s + c.committedCapital, 0),
            score: Math.round(chosen.reduce((s, c) => s + c.score, 0) * 1e6) / 1e6,
          };
          answer = this.respond(pubkey, modelPlan, m.openai_analysis, new Map(m.selected.map((s) => [s.id, s.reasoning])), m.model, req, lang, node_role, analysis.source, warnings);
        } catch (err) {
          if (!(err instanceof ModelPlanFailure)) throw err;
          this.tokens.spend(err.promptTokens + err.completionTokens);
          this.llmMetrics.record(this.model.model, err.outcome, err.promptTokens, err.completionTokens);
          warnings.push(`${err.message}: deterministic plan served`);
        }
      }
    }
    answer ??= this.respond(pubkey, plan, planNarrative(plan, req.goals, lang), new Map(), 'deterministic', req, lang, node_role, analysis.source, warnings);
    const roi = await this.adviceFlow.planRoi(pubkey, answer.priority_actions.map((a) => byId.get(a.id)!.rec), policySteps, answer.total_estimated_cost);
    if (roi === 'pending') {
      answer.warnings.push('expected_roi is null: the payment-flow model is still computing this plan’s before/after; ask again in a few seconds');
    } else if (roi) {
      answer.expected_roi = roi.roi;
      const modelled = `the payment-flow model (assumed demand, no balances) puts the node’s median routing revenue at ${roi.revenueBefore.toFixed(2)} → ${roi.revenueAfter.toFixed(2)} sat/day with this plan, ${roi.gainSatPer30Days} sat over 30 days`;
      answer.warnings.push(roi.roi === null ? `expected_roi is null: the plan costs nothing, so a return on its cost is undefined; ${modelled}` : `expected_roi is modelled, not measured: ${modelled}`);
    } else {
      answer.warnings.push('expected_roi is null: the payment-flow model is not ready, or the plan has no fee change or channel open the model can apply');
    }
    // Not cached while the model's answer is pending: the next request gets it.
    if (roi !== 'pending') await this.cache.set(key, answer, 'recommendations');
    return answer;
  }

  private respond(
    pubkey: string,
    plan: Plan,
    narrative: string,
    reasoning: Map<string, string>,
    modelUsed: string,
    req: PlanRequest,
    lang: Language,
    nodeRole: NodeRoleInfo,
    source: string,
    warnings: string[],
  ): Unstamped<PrioritiesResponseDto> {
    const actions: PriorityActionDto[] = plan.actions.map((c, i) => ({
      priority: i + 1,
      id: c.id,
      rule: c.rec.rule,
      category: c.rec.category,
      action: c.rec.action,
      reasoning: reasoning.get(c.id) ?? c.rec.reason,
      impact: c.rec.estimated_impact,
      difficulty: c.difficulty,
      timeframe: c.timeframe,
      command: c.rec.commands?.lnd ?? c.rec.commands?.cln ?? null,
      commands: c.rec.commands,
      manual: c.manual,
      goals: c.goals,
      estimated_cost: c.estimatedCost,
      committed_capital: c.committedCapital,
      cost_basis: c.costBasis,
      success_metrics: c.successMetrics,
    }));
    return {
      pubkey,
      node_role: nodeRole,
      priority_actions: actions,
      openai_analysis: narrative,
      // eslint-disable-next-line security/detect-object-injection -- g is a Goal validated by IsEnum on the request DTO
      key_metrics: [...new Set(req.goals.flatMap((g) => KEY_METRICS[g]))],
      total_estimated_cost: plan.totalCost,
      total_committed_capital: plan.totalCapital,
      expected_roi: null,
      expected_roi_formula: ROI_FORMULA,
      plan_score: plan.score,
      model_used: modelUsed,
      language: lang,
      generated_at: new Date().toISOString(),
      source,
      cache_hit: false,
      warnings: [...warnings],
    };
  }
}
