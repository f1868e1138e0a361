import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { pubkeyProblem } from '../common/validation/pubkey';
import { appConfig } from '../config/configuration';
import { CentralityService } from '../graph/centrality.service';
import { FlowService } from '../graph/flow.service';
import { GraphService } from '../graph/graph.service';
import { NodeSummary, summarizeNode } from '../graph/stats/node-stats';
import { networkPosition, nodeMetrics } from '../intelligence/node-info/node-info.mapper';
import { candidateActions, effectiveMaxActions } from '../intelligence/priorities/planner/candidate-actions';
import { openCap } from '../intelligence/candidates/open-sizing';
import { planCapitalLimit, selectPlan } from '../intelligence/priorities/planner/plan-selection';
import { analyseNode, networkFeeIndex, NodeAnalysis } from '../intelligence/recommendations/node-analysis';
import { recommend, RecommendationSet } from '../intelligence/recommendations/recommendations.engine';
import type { BulkJobSpec, ItemOutcome } from './bulk.types';
import { CandidateSimulationPool } from './candidate-simulation.pool';

/** Candidates per node in bulk runs: fewer than the endpoint's 50, to keep thousands of nodes tractable. */
export const BULK_CANDIDATES = 10;

/**
 * This process's id in job status and outcomes: random, then the PID (which operators match against their logs).
 * No host name: job status is readable by API clients, and host names tell them about the deployment.
 */
export const WORKER_ID = `${randomBytes(4).toString('hex')}:${process.pid}`;

/**
 * Analyses one node of a bulk job, from the graph alone (no live upstream calls per item), so that the same
 * item on the same graph always gives the same result, whichever worker runs it and however often.
 * Bulk plans are the deterministic engine's: a model is never called per node.
 */
@Injectable()
export class ItemAnalyzer {
  constructor(
    private readonly graphs: GraphService,
    private readonly centralities: CentralityService,
    private readonly flow: FlowService,
    private readonly simulations: CandidateSimulationPool,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** Channel candidates (the one type costing more than a few milliseconds per item) run on worker threads. */
  async analyse(spec: BulkJobSpec, index: number): Promise<ItemOutcome> {
    const t0 = performance.now();
    // eslint-disable-next-line security/detect-object-injection -- integer position in the job's own pubkey array
    const raw = spec.pubkeys[index];
    const pubkey = typeof raw === 'string' ? raw.toLowerCase() : String(raw);
    const fail = (code: string, message: string): ItemOutcome => ({ index, pubkey, ok: false, error: { code, message }, worker: WORKER_ID, ms: performance.now() - t0 });
    const problem = pubkeyProblem(raw);
    if (problem) return fail('VALIDATION_FAILED', `pubkey ${problem}`);
    const state = this.graphs.current();
    const v = state.graph.indexOf(pubkey);
    if (v < 0) return fail('NODE_NOT_FOUND', `not in the Lightning graph of ${state.graph.meta.snapshotDate}`);

    const result: Record<string, unknown> = {};
    const c = this.centralities.current();
    // Types share their groundwork: computed once per item, whichever types ask for it.
    let summary: NodeSummary | undefined;
    const summarised = () => (summary ??= summarizeNode(state.graph, v));
    let analysis: NodeAnalysis | undefined;
    const analysed = () => (analysis ??= analyseNode(state, v, summarised()));
    let advice: RecommendationSet | undefined;
    const advised = () => (advice ??= recommend(analysed(), spec.language));
    for (const type of spec.types) {
      switch (type) {
        case 'basic':
          // eslint-disable-next-line security/detect-object-injection -- v is an integer node id from graph.indexOf
          result.basic = { alias: state.graph.aliases[v], ...nodeMetrics(state, v, summarised()) };
          break;
        case 'network_position':
          result.network_position = networkPosition(state, v, c, this.flow.current());
          break;
        case 'recommendations': {
          const { recommendations, omitted, node_role } = advised();
          result.recommendations = { node_role, recommendations, total_count: recommendations.length, omitted };
          break;
        }
        case 'channel_candidates': {
          if (c?.status !== 'ready' || !c.context) return fail('ANALYTICS_NOT_READY', 'network centralities are still being computed');
          const report = await this.simulations.simulate(c.context, v, BULK_CANDIDATES);
          result.channel_candidates = report.candidates
            .sort((a, b) => b.betweenness.gain - a.betweenness.gain || a.node - b.node)
            .map((x) => ({
              pubkey: x.pubkey,
              alias: x.alias,
              gain_in_betweenness_rank: x.betweenness.gain,
              gain_in_closeness_rank: x.closeness.gain,
              gain_in_eigenvector_rank: x.eigenvector.gain,
              minimum_viable_capacity: x.capacity.minimumViableSat,
              ideal_capacity: x.capacity.idealSat,
              passive_fee_ppm: x.fees.passivePpm,
              active_fee_ppm: x.fees.activePpm,
            }));
          break;
        }
        case 'priorities': {
          const plan = spec.plan ?? { context: 'intermediate', goals: ['routing_revenue'], maxActions: 5, budgetLimit: null, timeframePreference: null };
          const { recommendations, node_role } = advised();
          const candidates = candidateActions(recommendations, plan, spec.language, {
            onchainFeeRateSatVb: this.app.onchainFeeRateSatVb,
            feeRateSource: 'static ONCHAIN_FEE_RATE_SAT_VB',
            networkMedianFeePpm: networkFeeIndex(state).facts.medianFeePpm,
          });
          // The same limits as POST /priorities: the node's own capital without a budget, every requested goal served.
          const a = analysed();
          const capitalLimit = planCapitalLimit(a.summary.totalCapacitySat, openCap(a.summary, a.network.medianChannelSat), plan.budgetLimit);
          const chosen = selectPlan(candidates, effectiveMaxActions(plan), plan.budgetLimit, { totalChannels: a.summary.totalChannels, capitalLimit, goals: plan.goals });
          result.priorities = {
            model_used: 'deterministic',
            node_role,
            total_estimated_cost: chosen.totalCost,
            total_committed_capital: chosen.totalCapital,
            plan_score: chosen.score,
            priority_actions: chosen.actions.map((a, i) => ({
              priority: i + 1,
              id: a.id,
              action: a.rec.action,
              difficulty: a.difficulty,
              timeframe: a.timeframe,
              estimated_cost: a.estimatedCost,
              committed_capital: a.committedCapital,
              manual: a.manual,
              command: a.rec.commands?.lnd ?? a.rec.commands?.cln ?? null,
            })),
          };
          break;
        }
      }
    }
    return { index, pubkey, ok: true, result, worker: WORKER_ID, ms: performance.now() - t0 };
  }
}
