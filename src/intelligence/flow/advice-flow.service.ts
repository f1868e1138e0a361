import { Injectable, Logger } from '@nestjs/common';
import type { NewChannelEdit, PolicyEdit } from '../../graph/flow-model.view';
import { FlowService } from '../../graph/flow.service';
import { GraphService } from '../../graph/graph.service';
import type { Language } from '../recommendations/i18n/messages';
import type { PolicyStep, Recommendation, RecommendationSet } from '../recommendations/recommendations.engine';
import { modelledImpact } from './modelled-impact';

/** Days the plan's modelled revenue gain is counted over in `expected_roi` (its formula says 30-day). */
export const ROI_DAYS = 30;
/** Rules whose action opens a channel to `target_nodes[0]` of `amount_suggestion` sat. */
const OPEN_RULES = new Set(['channel_candidate', 'few_channels', 'no_hub']);

export interface PlanRoi {
  roi: number;
  gainSatPer30Days: number;
  revenueBefore: number;
  revenueAfter: number;
}

/** Fee recommendations given a modelled before/after: the first ones (a what-if each), not every one of a hub's. */
export const MODELLED_FEE_RECOMMENDATIONS = 3;

/**
 * Puts the payment-flow model beside the advice: the first fee recommendations carry the model's before/after
 * of their first step. Advice never waits for the model: while it is computing (or off), none is attached.
 */
@Injectable()
export class AdviceFlowService {
  private readonly logger = new Logger(AdviceFlowService.name);

  constructor(
    private readonly graphs: GraphService,
    private readonly flow: FlowService,
  ) {}

  /** The model status the advice was computed with (part of cache keys). */
  status(): string {
    return this.flow.current()?.status ?? 'computing';
  }

  /** The node's channels to a peer, as policy edits setting a step. */
  private stepEdits(v: number, step: PolicyStep): PolicyEdit[] {
    const g = this.graphs.current().graph;
    const peer = g.indexOf(step.peerPubkey);
    if (peer < 0) return [];
    return Array.from(g.channelsOf(v))
      .filter((c) => g.peerOf(c, v) === peer)
      .map((chan) => ({ chan, ...(step.feeRatePpm !== undefined ? { feeRatePpm: step.feeRatePpm } : {}), ...(step.baseFeeMsat !== undefined ? { baseFeeMsat: step.baseFeeMsat } : {}) }));
  }

  /**
   * `expected_roi` of a plan from the model: every fee step and channel open of the plan applied together,
   * (30 × the change in median modelled revenue per day − cost) / cost. Null while the model is not ready, when
   * the plan costs nothing, or has nothing the model can apply.
   */
  async planRoi(pubkey: string, recs: Recommendation[], policySteps: Map<string, PolicyStep>, totalCostSat: number): Promise<PlanRoi | null> {
    const state = this.flow.current();
    const model = state?.status === 'ready' ? state.model : null;
    if (!model || totalCostSat <= 0) return null;
    const g = this.graphs.current().graph;
    const v = g.indexOf(pubkey);
    if (v < 0) return null;
    const policies: PolicyEdit[] = [];
    const newChannels: NewChannelEdit[] = [];
    const own = g.channelsOf(v);
    const ownRates = Array.from(own, (c) => g.feeRatePpm[g.outboundSlot(c, v)]).filter((r) => Number.isFinite(r)).sort((a, b) => a - b);
    const ownMedian = ownRates.length > 0 ? ownRates[ownRates.length >> 1] : 0;
    for (const rec of recs) {
      const step = policySteps.get(rec.id);
      if (step) policies.push(...this.stepEdits(v, step).filter((e) => !policies.some((p) => p.chan === e.chan)));
      else if (OPEN_RULES.has(rec.rule) && rec.amount_suggestion && rec.target_nodes.length > 0) {
        const peer = g.indexOf(rec.target_nodes[0]);
        // The new channel's fee: the node's own median; the peer's: its median toward its own peers is not known here, so the same.
        if (peer >= 0 && peer !== v) newChannels.push({ peer, capacitySat: rec.amount_suggestion, local: { feeRatePpm: ownMedian, baseFeeMsat: 1000 }, remote: { feeRatePpm: ownMedian, baseFeeMsat: 1000 } });
      }
    }
    if (policies.length + newChannels.length === 0) return null;
    try {
      const o = await model.whatIf({ node: v, policies, newChannels });
      const gain = ROI_DAYS * (o.after.revenueSatPerDay.p50 - o.before.revenueSatPerDay.p50);
      return { roi: Math.round(((gain - totalCostSat) / totalCostSat) * 1000) / 1000, gainSatPer30Days: Math.round(gain), revenueBefore: o.before.revenueSatPerDay.p50, revenueAfter: o.after.revenueSatPerDay.p50 };
    } catch (err) {
      this.logger.warn(`plan ROI for ${pubkey.slice(0, 12)}… failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  async annotateFeeRecommendations(pubkey: string, set: RecommendationSet, lang: Language): Promise<void> {
    const state = this.flow.current();
    const model = state?.status === 'ready' ? state.model : null;
    if (!model) return;
    const g = this.graphs.current().graph;
    const v = g.indexOf(pubkey);
    if (v < 0) return;
    const demand = String(model.parameters.demand ?? 'capacity_weighted').replace('_', '-');
    let done = 0;
    for (const rec of set.recommendations) {
      if (done >= MODELLED_FEE_RECOMMENDATIONS) break;
      const step = set.policySteps.get(rec.id);
      if (!step) continue;
      const policies = this.stepEdits(v, step);
      if (policies.length === 0) continue;
      const raises = (step.feeRatePpm ?? step.current.feeRatePpm) > step.current.feeRatePpm || (step.baseFeeMsat ?? step.current.baseFeeMsat) > step.current.baseFeeMsat;
      try {
        const outcome = await model.whatIf({ node: v, policies, newChannels: [] });
        rec.modelled_impact = modelledImpact(outcome.before, outcome.after, raises ? 'more_revenue' : 'more_flow', `${demand} ${lang === 'fr' ? 'paiements' : 'payments'}`, lang);
        done++;
      } catch (err) {
        // The advice stands without the model: a what-if that fails is logged, never fails the recommendations.
        this.logger.warn(`modelled impact of ${rec.rule} for ${pubkey.slice(0, 12)}… failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
