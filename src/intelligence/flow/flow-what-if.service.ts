import { Injectable } from '@nestjs/common';
import { ChannelNotFoundError, InvalidWhatIfError, NodeNotFoundError } from '../../common/errors/domain.error';
import type { FlowParameterOverrides, NewChannelEdit, PolicyEdit } from '../../graph/flow-model.view';
import { FlowService } from '../../graph/flow.service';
import { GraphService } from '../../graph/graph.service';
import type { LightningGraph } from '../../graph/model/lightning-graph';
import { scidFromLndChannelId } from '../../graph/model/short-channel-id';
import { ChannelWhatIfDto, FeeCurveQuery, FeeCurveResponseDto, FlowParametersDto, MAX_FEE_RATE_PPM, MAX_WHAT_IF_CHANGES, SimulateRequestDto, SimulateResponseDto } from '../dto/flow.dto';
import { feeCurveRates, figuresDto, modelInfoDto, spreadDto } from './flow.mapper';

type FieldError = { field: string; message: string };

/** Default top of a fee curve: 2,000 ppm, or twice the node's current rate when that is higher. */
const DEFAULT_CURVE_TOP_PPM = 2000;
const DEFAULT_CURVE_POINTS = 11;

/** What-if questions to the payment-flow model: a node's changed policies / new channels, and fee curves. */
@Injectable()
export class FlowWhatIfService {
  constructor(
    private readonly graphs: GraphService,
    private readonly flow: FlowService,
  ) {}

  async simulate(pubkey: string, body: SimulateRequestDto): Promise<SimulateResponseDto> {
    const g = this.graphs.current().graph;
    const v = this.nodeIndex(g, pubkey);
    const count = (body.policy_changes?.length ?? 0) + (body.new_channels?.length ?? 0);
    if (count === 0) throw new InvalidWhatIfError('The what-if changes nothing: give at least one policy change or new channel');
    if (count > MAX_WHAT_IF_CHANGES) throw new InvalidWhatIfError(`A what-if may carry at most ${MAX_WHAT_IF_CHANGES} changes (policy changes and new channels together); this one has ${count}`);
    const { policies, changed } = resolvePolicyChanges(g, v, body);
    const newChannels = resolveNewChannels(g, v, body);
    const overrides = parameterOverrides(body.parameters);
    const model = this.flow.readyModel();
    const outcome = await model.whatIf({ node: v, policies, newChannels, parameters: overrides });

    const channels: ChannelWhatIfDto[] = outcome.channels.map((c) => {
      const isNew = c.chan < 0;
      const opened = isNew ? newChannels.at(c.newIndex) : undefined;
      const peer = opened ? opened.peer : g.peerOf(c.chan, v);
      return {
        short_channel_id: isNew ? null : (g.chanScid.at(c.chan) ?? null),
        peer_pubkey: g.pubkeys.at(peer)!,
        peer_alias: g.aliases.at(peer) ?? null,
        capacity_sat: opened ? opened.capacitySat : g.chanCapacitySat.at(c.chan)!,
        new: isNew,
        changed: isNew || changed.has(c.chan),
        before: c.before ? figuresDto(c.before) : null,
        after: c.after ? figuresDto(c.after) : null,
      };
    });
    channels.sort((a, b) => Number(b.changed) - Number(a.changed) || (b.after?.revenue_sat_per_day.p50 ?? 0) - (a.after?.revenue_sat_per_day.p50 ?? 0));
    return {
      pubkey,
      total: { before: figuresDto(outcome.before), after: figuresDto(outcome.after) },
      channels,
      model: modelInfoDto(model, outcome),
      compute_ms: Math.round(outcome.computeMs),
    };
  }

  async feeCurve(pubkey: string, peerPubkey: string, q: FeeCurveQuery): Promise<FeeCurveResponseDto> {
    const g = this.graphs.current().graph;
    const v = this.nodeIndex(g, pubkey);
    const peer = g.indexOf(peerPubkey);
    const chans = peer < 0 ? [] : Array.from(g.channelsOf(v)).filter((c) => g.peerOf(c, v) === peer);
    if (chans.length === 0) throw new ChannelNotFoundError(pubkey, peerPubkey);
    const current = Math.max(...chans.map((c) => g.feeRatePpm[g.outboundSlot(c, v)]).filter((r) => Number.isFinite(r)), 0);
    const from = q.from ?? 0;
    const to = q.to ?? Math.min(MAX_FEE_RATE_PPM, Math.max(DEFAULT_CURVE_TOP_PPM, 2 * current, from));
    if (to < from) throw new InvalidWhatIfError(`The curve's top rate (to=${to}) is below its bottom rate (from=${from})`, [{ field: 'to', message: 'to must be at least from' }]);
    const model = this.flow.readyModel();
    const curve = await model.feeCurve(v, peer, feeCurveRates(from, to, q.points ?? DEFAULT_CURVE_POINTS));
    const points = curve.points.map((p) => ({
      fee_rate_ppm: p.feeRatePpm,
      forwards_per_day: spreadDto(p.forwardsPerDay),
      revenue_sat_per_day: spreadDto(p.revenueSatPerDay),
      node_forwards_per_day: spreadDto(p.nodeForwardsPerDay),
      node_revenue_sat_per_day: spreadDto(p.nodeRevenueSatPerDay),
    }));
    const best = points.find((p) => p.fee_rate_ppm === curve.bestFeeRatePpm) ?? points[0];
    return {
      pubkey,
      peer_pubkey: g.pubkeys.at(peer)!,
      peer_alias: g.aliases.at(peer) ?? null,
      channel_count: chans.length,
      short_channel_ids: chans.map((c) => g.chanScid.at(c) ?? null).filter((s): s is string => s !== null),
      current_fee_rate_ppm: curve.currentFeeRatePpm,
      points,
      best,
      model: modelInfoDto(model, curve),
      compute_ms: Math.round(curve.computeMs),
    };
  }

  private nodeIndex(g: LightningGraph, pubkey: string): number {
    const v = g.indexOf(pubkey);
    if (v < 0) throw new NodeNotFoundError(pubkey, g.meta.snapshotDate);
    return v;
  }
}

/** The graph channels each policy change applies to; INVALID_WHAT_IF naming every change that names no channel of the node. */
export function resolvePolicyChanges(g: LightningGraph, v: number, body: SimulateRequestDto): { policies: PolicyEdit[]; changed: Set<number> } {
  const errors: FieldError[] = [];
  const policies: PolicyEdit[] = [];
  const changed = new Set<number>();
  const own = Array.from(g.channelsOf(v));
  (body.policy_changes ?? []).forEach((c, i) => {
    const field = `policy_changes.${i}`;
    if ((c.peer === undefined) === (c.short_channel_id === undefined)) return void errors.push({ field, message: `${field} must name exactly one of peer and short_channel_id` });
    const edit: Omit<PolicyEdit, 'chan'> = {};
    if (c.fee_rate_ppm !== undefined) edit.feeRatePpm = c.fee_rate_ppm;
    if (c.base_fee_msat !== undefined) edit.baseFeeMsat = c.base_fee_msat;
    if (c.inbound_fee_rate_ppm !== undefined) edit.inboundFeeRatePpm = c.inbound_fee_rate_ppm;
    if (c.inbound_base_fee_msat !== undefined) edit.inboundBaseFeeMsat = c.inbound_base_fee_msat;
    if (c.max_htlc_msat !== undefined) edit.maxHtlcMsat = c.max_htlc_msat;
    if (c.disabled !== undefined) edit.disabled = c.disabled;
    if (Object.keys(edit).length === 0) return void errors.push({ field, message: `${field} changes nothing: set at least one of fee_rate_ppm, base_fee_msat, inbound_fee_rate_ppm, inbound_base_fee_msat, max_htlc_msat, disabled` });
    let chans: number[];
    if (c.peer !== undefined) {
      const peer = g.indexOf(c.peer.toLowerCase());
      chans = peer < 0 ? [] : own.filter((ch) => g.peerOf(ch, v) === peer);
      if (chans.length === 0) return void errors.push({ field: `${field}.peer`, message: `the node has no channel with ${c.peer}` });
    } else {
      const scid = /^\d+$/.test(c.short_channel_id!) ? scidFromLndChannelId(c.short_channel_id!) : c.short_channel_id!;
      chans = own.filter((ch) => scid !== null && g.chanScid.at(ch) === scid);
      if (chans.length === 0) return void errors.push({ field: `${field}.short_channel_id`, message: `the node has no channel ${c.short_channel_id} in the current graph` });
    }
    for (const chan of chans) {
      if (changed.has(chan)) return void errors.push({ field, message: `${field} changes a channel an earlier change already changes` });
      changed.add(chan);
      policies.push({ chan, ...edit });
    }
  });
  if (errors.length > 0) throw new InvalidWhatIfError(errors.map((e) => e.message).join('; '), errors);
  return { policies, changed };
}

export function resolveNewChannels(g: LightningGraph, v: number, body: SimulateRequestDto): NewChannelEdit[] {
  const errors: FieldError[] = [];
  const out: NewChannelEdit[] = [];
  (body.new_channels ?? []).forEach((c, i) => {
    const peer = g.indexOf(c.peer.toLowerCase());
    if (peer < 0) return void errors.push({ field: `new_channels.${i}.peer`, message: `new_channels.${i}.peer is not in the current graph` });
    if (peer === v) return void errors.push({ field: `new_channels.${i}.peer`, message: `new_channels.${i}.peer is the node itself` });
    out.push({
      peer,
      capacitySat: c.capacity_sat,
      local: { feeRatePpm: c.local_policy.fee_rate_ppm, baseFeeMsat: c.local_policy.base_fee_msat },
      remote: { feeRatePpm: c.remote_policy.fee_rate_ppm, baseFeeMsat: c.remote_policy.base_fee_msat },
    });
  });
  if (errors.length > 0) throw new InvalidWhatIfError(errors.map((e) => e.message).join('; '), errors);
  return out;
}

export function parameterOverrides(p: FlowParametersDto | undefined): FlowParameterOverrides | undefined {
  if (!p) return undefined;
  const min = p.min_amount_sat;
  const max = p.max_amount_sat;
  if (min !== undefined && max !== undefined && min > max) {
    throw new InvalidWhatIfError('parameters.min_amount_sat is above parameters.max_amount_sat', [{ field: 'parameters.min_amount_sat', message: 'min_amount_sat must not exceed max_amount_sat' }]);
  }
  const o: FlowParameterOverrides = {};
  if (p.demand !== undefined) o.demand = p.demand;
  if (p.payments_per_day !== undefined) o.paymentsPerDay = p.payments_per_day;
  if (min !== undefined) o.minAmountSat = min;
  if (max !== undefined) o.maxAmountSat = max;
  if (p.hop_probability !== undefined) o.hopProbability = p.hop_probability;
  if (p.attempt_cost_sat !== undefined) o.attemptCostSat = p.attempt_cost_sat;
  if (p.attempt_cost_ppm !== undefined) o.attemptCostPpm = p.attempt_cost_ppm;
  if (p.seed !== undefined) o.seed = p.seed;
  return Object.keys(o).length > 0 ? o : undefined;
}
