import { Injectable, Logger } from '@nestjs/common';
import type { PolicyEdit } from '../../graph/flow-model.view';
import { FlowService } from '../../graph/flow.service';
import { GraphService } from '../../graph/graph.service';
import type { Language } from '../recommendations/i18n/messages';
import type { RecommendationSet } from '../recommendations/recommendations.engine';
import { modelledImpact } from './modelled-impact';

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
      const peer = g.indexOf(step.peerPubkey);
      const chans = Array.from(g.channelsOf(v)).filter((c) => g.peerOf(c, v) === peer);
      if (peer < 0 || chans.length === 0) continue;
      const policies: PolicyEdit[] = chans.map((chan) => ({ chan, ...(step.feeRatePpm !== undefined ? { feeRatePpm: step.feeRatePpm } : {}), ...(step.baseFeeMsat !== undefined ? { baseFeeMsat: step.baseFeeMsat } : {}) }));
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
