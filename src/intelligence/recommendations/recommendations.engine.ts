import { hash } from 'node:crypto';
import type { CommandSet } from './commands/command-templates';
import { Language, render } from './i18n/messages';
import type { NodeAnalysis } from './node-analysis';
import { Evidence, Finding, PRIORITIES, Priority, RecCategory, RecType, Rule } from './recommendation.types';
import { connectivityRules } from './rules/connectivity.rules';
import { feeRules } from './rules/fees.rules';
import { costRules, liquidityRules } from './rules/liquidity.rules';
import { reliabilityRules } from './rules/reliability.rules';
import { OPEN_RULES, resolveFindings } from './finding-resolver';
import { classifyNodeRole, NodeRole, NodeRoleAssessment } from './node-role.classifier';
import { enableChannelCommands } from './commands/command-templates';
import { channelId, channelRef, graphEvidence } from './rules/rule-helpers';
import type { ChannelView } from './node-analysis';
import type { ModelledImpact } from '../flow/modelled-impact';

export const RULE_FAMILIES: Rule[] = [feeRules, connectivityRules, reliabilityRules, liquidityRules, costRules];

/** A recommendation as the API returns it: the original service's fields plus id, rule, evidence, confidence, commands. */
export interface Recommendation {
  id: string;
  rule: string;
  type: RecType;
  category: RecCategory;
  action: string;
  reason: string;
  priority: Priority;
  estimated_impact: string;
  channel_id: string | null;
  target_nodes: string[];
  current_value: number | string | null;
  suggested_value: number | string | null;
  channels_affected: number;
  amount_suggestion: number | null;
  direction: 'inbound' | 'outbound' | null;
  evidence: Evidence[];
  confidence: number;
  commands: CommandSet | null;
  /** Every channel the recommendation covers when it covers several (parallel channels, zombie lists); else empty. */
  covered_channels: CoveredChannel[];
  /** The payment-flow model's before/after for the first fee recommendations, when the model is ready. */
  modelled_impact?: ModelledImpact;
}

/** The policy a fee recommendation sets now (its first step), on the node's channels to one peer. */
export interface PolicyStep {
  peerPubkey: string;
  current: { feeRatePpm: number; baseFeeMsat: number };
  feeRatePpm?: number;
  baseFeeMsat?: number;
}

export interface CoveredChannel {
  channel_id: string | null;
  peer_pubkey: string;
  capacity_sat: number;
}

/** The node's role, decided before the rules run, with the figures behind it. */
export interface NodeRoleInfo {
  role: NodeRole;
  can_route: boolean;
  evidence: Evidence[];
}

const PRIORITY_ORDER = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Priority, number>;

/** What makes two findings of one node the same advice: rule, channel, targets and suggestion. */
function findingKey(f: Finding): string {
  const channel = f.channel ? `${f.channel.peerPubkey}/${f.channel.shortChannelId ?? f.channel.channelPoint ?? f.channel.capacitySat}` : '';
  return f.rule + '|' + channel + '|' + f.targetNodes.join(',') + '|' + String(f.suggestedValue);
}

/** Same rule, node, channel and suggestion → same id, whatever the language or the time. */
function stableId(node: NodeAnalysis, f: Finding, key: string = findingKey(f)): string {
  // The key is "rule|…": the node's pubkey goes in after the rule.
  return hash('sha256', `${f.rule}|${node.pubkey}${key.slice(f.rule.length)}`, 'hex').slice(0, 16);
}

/**
 * A rule that fires on many channels of a big node keeps its ten most important findings; the rest are
 * counted in `omitted`, so a hub gets a readable list instead of hundreds of near-identical lines.
 */
export const MAX_FINDINGS_PER_RULE = 10;

export interface RecommendationSet {
  recommendations: Recommendation[];
  /** Findings left out per rule beyond MAX_FINDINGS_PER_RULE. */
  omitted: Record<string, number>;
  node_role: NodeRoleInfo;
  /** By recommendation id: the policy step of each fee recommendation (for the flow model, not returned). */
  policySteps: Map<string, PolicyStep>;
}

/**
 * Rules whose findings beyond the cap are gathered into one more recommendation rather than only counted:
 * a channel that cannot forward out of the node must never go unmentioned.
 */
const COVER_ALL_RULES = new Set(['channel_disabled']);

function covered(chs: ChannelView[] | undefined): CoveredChannel[] {
  return chs && chs.length > 1 ? chs.map((c) => ({ channel_id: channelId(c), peer_pubkey: c.peerPubkey, capacity_sat: c.capacitySat })) : [];
}

/** Primary text, plus what the merged findings add: other kinds of change by name, parallel channels by count. */
function texts(f: Finding, lang: Language): { action: string; reason: string; estimated_impact: string } {
  const t = render(f.message, lang, f.params);
  // Most findings merged nothing: the rendered texts as they are, without the map and the join below.
  if ((f.also === undefined || f.also.length === 0) && (f.channels === undefined || f.channels.length < 2)) return t;
  const others = new Map<string, Finding>();
  for (const a of f.also ?? []) if (a.message !== f.message && !others.has(a.message)) others.set(a.message, a);
  const rendered = [...others.values()].map((a) => render(a.message, lang, a.params));
  // Opens merged per peer share one command: the others' actions would repeat it, their reasons add to it.
  if (OPEN_RULES.has(f.rule)) {
    return { action: t.action, reason: [t.reason, ...rendered.map((r) => r.reason)].join('; '), estimated_impact: [t.estimated_impact, ...rendered.map((r) => r.estimated_impact)].join('; ') };
  }
  const extra = rendered.map((r) => r.action);
  const n = f.channels?.length ?? 0;
  const onePeer = n > 1 && f.channels!.every((c) => c.peerPubkey === f.channels![0].peerPubkey);
  const action = [t.action + (onePeer ? render('covers_channels', lang, { count: n }).action : ''), ...extra].join('; ');
  return { action, reason: t.reason, estimated_impact: t.estimated_impact };
}

function gatherRest(node: NodeAnalysis, rule: string, rest: Finding[]): Finding {
  const channels = rest.flatMap((f) => f.channels ?? (f.channel ? [f.channel] : []));
  const capacity = channels.reduce((s, c) => s + c.capacitySat, 0);
  const [first, ...others] = channels.map(channelRef);
  return {
    ...rest[0],
    rule,
    priority: 'medium',
    message: 'channel_disabled_more',
    params: { count: channels.length, peers: rest.length, capacity },
    channel: null,
    channels,
    targetNodes: [...new Set(channels.map((c) => c.peerPubkey))],
    channelsAffected: channels.length,
    evidence: [graphEvidence(node, 'channels_with_own_direction_disabled', channels.length, 'channels'), graphEvidence(node, 'capacity', capacity, 'sat')],
    also: [],
    commands: enableChannelCommands(first, others),
  };
}

export function roleInfo(node: NodeAnalysis, role: NodeRoleAssessment): NodeRoleInfo {
  return { role: role.role, can_route: role.canRoute, evidence: role.evidence.map((e) => graphEvidence(node, e.name, e.value, e.unit)) };
}

/** The rules' findings for a node after per-peer resolution, before the cap and the wording (tests, census). */
export function resolvedFindings(node: NodeAnalysis, role: NodeRoleAssessment = classifyNodeRole(node)): Finding[] {
  const all: Finding[] = [];
  // A plain loop: flatMap over the rule families cost more than some of the rules.
  for (const rule of RULE_FAMILIES) for (const f of rule(node, role)) all.push(f);
  return resolveFindings(node, all);
}

const SMALL_SORT = 16;

function stableInsertionSort<T>(xs: T[], cmp: (a: T, b: T) => number): void {
  /* eslint-disable security/detect-object-injection -- integer positions in the array being sorted */
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    for (; j >= 0 && cmp(xs[j], x) > 0; j--) xs[j + 1] = xs[j];
    xs[j + 1] = x;
  }
  /* eslint-enable security/detect-object-injection */
}

/** Classifies the node, runs every rule family, resolves per peer and orders the advice: priority, then impact, then id. */
export function recommend(node: NodeAnalysis, lang: Language): RecommendationSet {
  const role = classifyNodeRole(node);
  const findings = resolvedFindings(node, role);
  // Ids (a sha256 each) are computed only where needed: to break ties in the order and for what is kept.
  // Findings beyond the per-rule cap are only counted, so most of a hub's findings never get one.
  const withIds = findings.map((f) => ({ f, key: findingKey(f), id: '' }));
  const idOf = (x: { f: Finding; key: string; id: string }) => x.id || (x.id = stableId(node, x.f, x.key));
  const order = (a: (typeof withIds)[number], b: (typeof withIds)[number]) => {
    const d = PRIORITY_ORDER[a.f.priority] - PRIORITY_ORDER[b.f.priority] || b.f.impactScore - a.f.impactScore;
    if (d !== 0) return d;
    const ia = idOf(a);
    const ib = idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  // Most nodes have a handful of findings: a stable insertion sort (the same order as Array#sort, which is
  // stable too) without the work array Array#sort allocates per call.
  if (withIds.length <= SMALL_SORT) stableInsertionSort(withIds, order);
  else withIds.sort(order);
  const seen = new Set<string>();
  const perRule = new Map<string, number>();
  const omitted: Record<string, number> = {};
  const rest = new Map<string, Finding[]>();
  const kept: Array<{ f: Finding; id: string }> = [];
  for (const x of withIds) {
    const f = x.f;
    if (seen.has(x.key)) continue;
    seen.add(x.key);
    const n = (perRule.get(f.rule) ?? 0) + 1;
    perRule.set(f.rule, n);
    if (n > MAX_FINDINGS_PER_RULE) {
      if (COVER_ALL_RULES.has(f.rule)) rest.set(f.rule, [...(rest.get(f.rule) ?? []), f]);
      else omitted[f.rule] = (omitted[f.rule] ?? 0) + 1;
      continue;
    }
    kept.push({ f, id: idOf(x) });
  }
  for (const [rule, fs] of rest) {
    const g = gatherRest(node, rule, fs);
    kept.push({ f: g, id: stableId(node, g) });
  }
  // The gathered rest goes after the findings of its priority it summarises (a stable sort keeps the others' order).
  // Without it, `kept` is a subsequence of the order above and already sorted by priority.
  if (rest.size > 0) kept.sort((a, b) => PRIORITY_ORDER[a.f.priority] - PRIORITY_ORDER[b.f.priority]);
  const out: Recommendation[] = kept.map(({ f, id }) => {
    const t = texts(f, lang);
    return {
      id,
      rule: f.rule,
      type: f.type,
      category: f.category,
      action: t.action,
      reason: t.reason,
      estimated_impact: t.estimated_impact,
      priority: f.priority,
      channel_id: f.channel ? channelId(f.channel) : null,
      target_nodes: f.targetNodes,
      current_value: f.currentValue,
      suggested_value: f.suggestedValue,
      channels_affected: f.channelsAffected,
      amount_suggestion: f.amountSuggestion,
      direction: f.direction,
      evidence: f.evidence,
      confidence: Math.round(f.confidence * (node.confidenceFactor ?? 1) * 100) / 100,
      commands: f.commands && node.commandNote ? { ...f.commands, notes: [...f.commands.notes, node.commandNote] } : f.commands,
      covered_channels: covered(f.channels),
    };
  });
  const policySteps = new Map<string, PolicyStep>();
  for (const { f, id } of kept) {
    const local = f.channel?.local;
    if (f.type !== 'fee_adjustment' || !f.channel || !local || !f.policyChange) continue;
    const { feeRatePpm, baseFeeMsat } = f.policyChange;
    if (feeRatePpm === undefined && baseFeeMsat === undefined) continue;
    policySteps.set(id, { peerPubkey: f.channel.peerPubkey, current: { feeRatePpm: local.feeRatePpm, baseFeeMsat: local.baseFeeMsat }, feeRatePpm, baseFeeMsat });
  }
  return { recommendations: out, omitted, node_role: roleInfo(node, role), policySteps };
}

export function countBy<K extends string>(recs: Recommendation[], key: (r: Recommendation) => K): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const r of recs) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}
