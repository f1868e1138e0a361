import { hash } from 'node:crypto';
import type { CommandSet } from './commands/command-templates';
import { Language, render } from './i18n/messages';
import type { NodeAnalysis } from './node-analysis';
import { Evidence, Finding, PRIORITIES, Priority, RecCategory, RecType, Rule } from './recommendation.types';
import { connectivityRules } from './rules/connectivity.rules';
import { feeRules } from './rules/fees.rules';
import { costRules, liquidityRules } from './rules/liquidity.rules';
import { reliabilityRules } from './rules/reliability.rules';
import { channelId } from './rules/rule-helpers';

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
}

const PRIORITY_ORDER = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<Priority, number>;

/** Same rule, node, channel and suggestion → same id, whatever the language or the time. */
function stableId(node: NodeAnalysis, f: Finding): string {
  const channel = f.channel ? `${f.channel.peerPubkey}/${f.channel.shortChannelId ?? f.channel.channelPoint ?? f.channel.capacitySat}` : '';
  return hash('sha256', [f.rule, node.pubkey, channel, f.targetNodes.join(','), String(f.suggestedValue)].join('|'), 'hex').slice(0, 16);
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
}

/** Runs every rule family on the node and orders the advice: priority, then impact, then id. */
export function recommend(node: NodeAnalysis, lang: Language): RecommendationSet {
  const findings = RULE_FAMILIES.flatMap((rule) => rule(node));
  const withIds = findings.map((f) => ({ f, id: stableId(node, f) }));
  withIds.sort((a, b) => PRIORITY_ORDER[a.f.priority] - PRIORITY_ORDER[b.f.priority] || b.f.impactScore - a.f.impactScore || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  const perRule = new Map<string, number>();
  const omitted: Record<string, number> = {};
  const out: Recommendation[] = [];
  for (const { f, id } of withIds) {
    if (seen.has(id)) continue; // parallel channels can yield the same advice twice
    seen.add(id);
    const n = (perRule.get(f.rule) ?? 0) + 1;
    perRule.set(f.rule, n);
    if (n > MAX_FINDINGS_PER_RULE) {
      omitted[f.rule] = (omitted[f.rule] ?? 0) + 1;
      continue;
    }
    out.push({
      id,
      rule: f.rule,
      type: f.type,
      category: f.category,
      ...render(f.message, lang, f.params),
      priority: f.priority,
      channel_id: f.channel ? channelId(f.channel) : null,
      target_nodes: f.targetNodes,
      current_value: f.currentValue,
      suggested_value: f.suggestedValue,
      channels_affected: f.channelsAffected,
      amount_suggestion: f.amountSuggestion,
      direction: f.direction,
      evidence: f.evidence,
      confidence: Math.round(f.confidence * 100) / 100,
      commands: f.commands,
    });
  }
  return { recommendations: out, omitted };
}

export function countBy<K extends string>(recs: Recommendation[], key: (r: Recommendation) => K): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const r of recs) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}
