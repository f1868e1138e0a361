import { Injectable, Logger } from '@nestjs/common';
import { BoundedMap } from '../../cache/bounded-map';
import type { FlowModelView, NewChannelEdit, PolicyEdit, WhatIfInput, WhatIfOutcome } from '../../graph/flow-model.view';
import { FlowService } from '../../graph/flow.service';
import { GraphService } from '../../graph/graph.service';
import { OPEN_RULES } from '../recommendations/finding-resolver';
import type { Language } from '../recommendations/i18n/messages';
import type { PolicyStep, Recommendation, RecommendationSet } from '../recommendations/recommendations.engine';
import { NodeSummary, summarizeNode } from '../../graph/stats/node-stats';
import { CandidateModelledFlow, candidateModelledFlow } from './candidate-modelled-flow';
import { modelledImpact } from './modelled-impact';

/** Days the plan's modelled revenue gain is counted over in `expected_roi` (its formula says 30-day). */
export const ROI_DAYS = 30;

export interface PlanRoi {
  /** Null when the plan costs nothing (the modelled revenue change is still given). */
  roi: number | null;
  gainSatPer30Days: number;
  revenueBefore: number;
  revenueAfter: number;
}

/** Fee recommendations given a modelled before/after: the first ones (a what-if each), not every one of a hub's. */
export const MODELLED_FEE_RECOMMENDATIONS = 3;
/**
 * How long advice waits for its what-ifs. A hub's what-if can take seconds: past this the advice answers without
 * them (and says so), while they finish in the background for the next request (memoized per model).
 */
export const MODEL_WAIT_MS = 1_500;
/** Channel candidates given the modelled flow of their new channel: the first ones shown (a what-if each). */
export const MODELLED_CANDIDATES = 5;
/**
 * What-ifs the advice may have running at once. Each one occupies the model's workers for up to a second or two;
 * past this backlog new ones are not started (the answer says they are still to come, and the next request
 * starts them once the backlog has drained), so that clients asking about many nodes cannot queue unbounded work.
 */
export const MAX_ADVICE_WHAT_IFS_IN_FLIGHT = 12;
/** What-if outcomes kept per model: a few per node asked about. */
const MEMO_ENTRIES = 2_000;

type Settled<T> = { done: true; value: T } | { done: true; error: unknown } | { done: false };

/**
 * Waits for the items' outcomes at most `ms`; reports each one's state then (those still running go on). An item
 * without an outcome (not started: the model is busy) is reported as not done, without waiting for it.
 */
async function settleWithin<I extends { outcome: Promise<unknown> | null }>(items: I[], ms: number): Promise<Array<I & { settled: Settled<Awaited<NonNullable<I['outcome']>>> }>> {
  type T = Awaited<NonNullable<I['outcome']>>;
  const tracked = items.map((item) => ({ ...item, settled: { done: false } as Settled<T> }));
  const watchers = tracked.flatMap((t) =>
    t.outcome === null
      ? []
      : [
          t.outcome.then(
            (value) => void (t.settled = { done: true, value: value as T }),
            (error: unknown) => void (t.settled = { done: true, error }),
          ),
        ],
  );
  if (watchers.length === 0) return tracked;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([Promise.all(watchers), deadline]);
  clearTimeout(timer);
  return tracked;
}

/** A channel open to model: the candidate, the size, and the fee the node would set toward it. */
export interface CandidateOpen {
  node: number;
  capacitySat: number;
  localFeeRatePpm: number;
}

/** Per candidate (same order): its modelled flow, or null (not modelled, failed, or still computing: `status` says `pending`). */
export interface CandidateAnnotations {
  status: 'ready' | 'pending' | 'computing' | 'unavailable';
  flows: Array<CandidateModelledFlow | null>;
}

export interface AnnotationResult {
  /** Fee recommendations whose modelled impact was still computing when the advice answered. */
  pending: number;
}

/**
 * Puts the payment-flow model beside the advice: the first fee recommendations carry the model's before/after
 * of their first step. Advice never waits for the model: while it is computing (or off), none is attached.
 */
@Injectable()
export class AdviceFlowService {
  private readonly logger = new Logger(AdviceFlowService.name);
  /** In-flight and finished what-ifs per model: a request that gave up waiting leaves its result to the next. */
  private readonly memo = new WeakMap<FlowModelView, BoundedMap<string, Promise<WhatIfOutcome>>>();
  private inFlight = 0;

  constructor(
    private readonly graphs: GraphService,
    private readonly flow: FlowService,
  ) {}

  /** The model status the advice was computed with (part of cache keys). */
  status(): string {
    return this.flow.current()?.status ?? 'computing';
  }

  /** The memoized what-if, started if need be; null when the backlog is full (see {@link MAX_ADVICE_WHAT_IFS_IN_FLIGHT}). */
  private whatIf(model: FlowModelView, input: WhatIfInput): Promise<WhatIfOutcome> | null {
    let memo = this.memo.get(model);
    if (!memo) {
      memo = new BoundedMap(MEMO_ENTRIES);
      this.memo.set(model, memo);
    }
    const key = JSON.stringify(input);
    const known = memo.get(key);
    if (known) return known;
    if (this.inFlight >= MAX_ADVICE_WHAT_IFS_IN_FLIGHT) return null;
    this.inFlight++;
    // Through a then: a model that threw synchronously would otherwise leave the count raised for good.
    const outcome = Promise.resolve()
      .then(() => model.whatIf(input))
      .finally(() => this.inFlight--);
    const entries = memo;
    outcome.catch(() => entries.delete(key));
    memo.set(key, outcome);
    return outcome;
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
   * A new channel of the node (`own`: its summary) to `peer` as the model takes it: the node's side at
   * `localFeeRatePpm` with its own median base fee, the peer's side at the peer's own median outbound policy (what it charges its other peers;
   * the network's usual 1 sat base and the node's rate when it has none).
   */
  private openEdit(own: NodeSummary, peer: number, capacitySat: number, localFeeRatePpm: number): NewChannelEdit {
    const theirs = summarizeNode(this.graphs.current().graph, peer);
    return {
      peer,
      capacitySat,
      local: { feeRatePpm: Math.round(localFeeRatePpm), baseFeeMsat: Math.round(own.medianOutboundBaseFeeMsat ?? 1000) },
      remote: { feeRatePpm: Math.round(theirs.medianOutboundFeePpm ?? localFeeRatePpm), baseFeeMsat: Math.round(theirs.medianOutboundBaseFeeMsat ?? 1000) },
    };
  }

  /**
   * The modelled flow of opening each of the first {@link MODELLED_CANDIDATES} candidates (one what-if each, run
   * together): the node's forwards and revenue before and after, and the new channel's own. Waits at most
   * {@link MODEL_WAIT_MS}; what-ifs still running go on, memoized, for the next request.
   */
  async annotateCandidates(pubkey: string, opens: CandidateOpen[], lang: Language): Promise<CandidateAnnotations> {
    const state = this.flow.current();
    if (!state || state.status === 'computing') return { status: 'computing', flows: opens.map(() => null) };
    const model = state.status === 'ready' ? state.model : null;
    if (!model) return { status: 'unavailable', flows: opens.map(() => null) };
    const g = this.graphs.current().graph;
    const v = g.indexOf(pubkey);
    if (v < 0) return { status: 'unavailable', flows: opens.map(() => null) };
    const demand = String(model.parameters.demand ?? 'capacity_weighted').replace('_', '-');
    const own = summarizeNode(g, v);
    const asked = opens.slice(0, MODELLED_CANDIDATES).map((open) => {
      const edit = this.openEdit(own, open.node, open.capacitySat, open.localFeeRatePpm);
      return { edit, outcome: this.whatIf(model, { node: v, policies: [], newChannels: [edit] }) };
    });
    const settled = await settleWithin(asked, MODEL_WAIT_MS);
    const modelled = settled.map(({ edit, settled: s }) => {
      if (!s.done) return null;
      if ('error' in s) {
        this.logger.warn(`modelled flow of a channel to candidate ${g.pubkeys[edit.peer].slice(0, 12)}… failed: ${s.error instanceof Error ? s.error.message : String(s.error)}`);
        return null;
      }
      return candidateModelledFlow(s.value, edit, `${demand} ${lang === 'fr' ? 'paiements' : 'payments'}`, lang);
    });
    const pending = settled.some((x) => !x.settled.done);
    return { status: pending ? 'pending' : 'ready', flows: [...modelled, ...opens.slice(modelled.length).map(() => null)] };
  }

  /**
   * `expected_roi` of a plan from the model: every fee step and channel open of the plan applied together,
   * (30 × the change in median modelled revenue per day − cost) / cost (`roi` null when the plan costs nothing, its
   * revenue change still given). Null while the model is not ready, or when the plan has nothing the model can
   * apply; 'pending' when the what-if is still computing after
   * {@link MODEL_WAIT_MS} (it goes on, memoized, for the next request).
   */
  async planRoi(pubkey: string, recs: Recommendation[], policySteps: Map<string, PolicyStep>, totalCostSat: number): Promise<PlanRoi | null | 'pending'> {
    const state = this.flow.current();
    const model = state?.status === 'ready' ? state.model : null;
    if (!model) return null;
    const g = this.graphs.current().graph;
    const v = g.indexOf(pubkey);
    if (v < 0) return null;
    const policies: PolicyEdit[] = [];
    const newChannels: NewChannelEdit[] = [];
    let own: NodeSummary | undefined;
    for (const rec of recs) {
      const step = policySteps.get(rec.id);
      if (step) policies.push(...this.stepEdits(v, step).filter((e) => !policies.some((p) => p.chan === e.chan)));
      else if (OPEN_RULES.has(rec.rule) && rec.amount_suggestion && rec.target_nodes.length > 0) {
        const peer = g.indexOf(rec.target_nodes[0]);
        // The plan's open is priced at the node's own median fee (the plan does not carry the candidate's fee rule).
        if (peer >= 0 && peer !== v) {
          own ??= summarizeNode(g, v);
          newChannels.push(this.openEdit(own, peer, rec.amount_suggestion, own.medianOutboundFeePpm ?? 0));
        }
      }
    }
    if (policies.length + newChannels.length === 0) return null;
    const [{ settled }] = await settleWithin([{ outcome: this.whatIf(model, { node: v, policies, newChannels }) }], MODEL_WAIT_MS);
    if (!settled.done) return 'pending';
    try {
      if ('error' in settled) throw settled.error;
      const o = settled.value;
      const gain = ROI_DAYS * (o.after.revenueSatPerDay.p50 - o.before.revenueSatPerDay.p50);
      const roi = totalCostSat > 0 ? Math.round(((gain - totalCostSat) / totalCostSat) * 1000) / 1000 : null;
      return { roi, gainSatPer30Days: Math.round(gain), revenueBefore: o.before.revenueSatPerDay.p50, revenueAfter: o.after.revenueSatPerDay.p50 };
    } catch (err) {
      this.logger.warn(`plan ROI for ${pubkey.slice(0, 12)}… failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  /**
   * The first fee recommendations get the model's before/after of their first step. Their what-ifs run together;
   * the advice waits for them at most {@link MODEL_WAIT_MS} and reports how many were still computing.
   */
  async annotateFeeRecommendations(pubkey: string, set: RecommendationSet, lang: Language): Promise<AnnotationResult> {
    const state = this.flow.current();
    const model = state?.status === 'ready' ? state.model : null;
    if (!model) return { pending: 0 };
    const g = this.graphs.current().graph;
    const v = g.indexOf(pubkey);
    if (v < 0) return { pending: 0 };
    const demand = String(model.parameters.demand ?? 'capacity_weighted').replace('_', '-');
    const asked: Array<{ rec: Recommendation; raises: boolean; outcome: Promise<WhatIfOutcome> | null }> = [];
    for (const rec of set.recommendations) {
      if (asked.length >= MODELLED_FEE_RECOMMENDATIONS) break;
      const step = set.policySteps.get(rec.id);
      if (!step) continue;
      const policies = this.stepEdits(v, step);
      if (policies.length === 0) continue;
      const raises = (step.feeRatePpm ?? step.current.feeRatePpm) > step.current.feeRatePpm || (step.baseFeeMsat ?? step.current.baseFeeMsat) > step.current.baseFeeMsat;
      asked.push({ rec, raises, outcome: this.whatIf(model, { node: v, policies, newChannels: [] }) });
    }
    let pending = 0;
    for (const { rec, raises, settled: s } of await settleWithin(asked, MODEL_WAIT_MS)) {
      if (!s.done) pending++;
      else if ('error' in s) {
        // The advice stands without the model: a what-if that fails is logged, never fails the recommendations.
        this.logger.warn(`modelled impact of ${rec.rule} for ${pubkey.slice(0, 12)}… failed: ${s.error instanceof Error ? s.error.message : String(s.error)}`);
      } else {
        rec.modelled_impact = modelledImpact(s.value.before, s.value.after, raises ? 'more_revenue' : 'more_flow', `${demand} ${lang === 'fr' ? 'paiements' : 'payments'}`, lang);
      }
    }
    return { pending };
  }
}
