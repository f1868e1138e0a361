import type { ChannelView, NodeAnalysis, PolicyView } from './node-analysis';
import type { NodeRoleAssessment } from './node-role.classifier';
import type { CommandSet } from './commands/command-templates';
import type { MessageKey } from './i18n/messages';

export const REC_TYPES = ['fee_adjustment', 'channel_management', 'liquidity_management', 'network_topology', 'security'] as const;
export const REC_CATEGORIES = ['revenue', 'connectivity', 'liquidity', 'operational', 'cost'] as const;
export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type RecType = (typeof REC_TYPES)[number];
export type RecCategory = (typeof REC_CATEGORIES)[number];
export type Priority = (typeof PRIORITIES)[number];

/** A number a rule used, with its unit, where it came from and the date of that data. */
export interface Evidence {
  name: string;
  value: number | string | null;
  unit: string;
  source: string;
  date: string | null;
}

/** What a rule found, before it is given an id and put into words. */
export interface Finding {
  rule: string;
  type: RecType;
  category: RecCategory;
  priority: Priority;
  message: MessageKey;
  /** Values for the message templates (aliases included as data, never as instructions). */
  params: Record<string, string | number>;
  channel: ChannelView | null;
  targetNodes: string[];
  currentValue: number | string | null;
  suggestedValue: number | string | null;
  channelsAffected: number;
  amountSuggestion: number | null;
  direction: 'inbound' | 'outbound' | null;
  evidence: Evidence[];
  /** 0–1: how sure the rule is, given how much data it had. */
  confidence: number;
  /** Sort key within a priority: larger first (roughly, satoshis of capacity concerned). */
  impactScore: number;
  commands: CommandSet | null;
  /**
   * For policy findings: the fields to set now (the first step toward `suggestedValue` for fee rates). The
   * engine merges these per channel and writes the commands for a whole peer relationship at once.
   */
  policyChange?: Partial<Pick<PolicyView, 'baseFeeMsat' | 'feeRatePpm' | 'cltvDelta'>>;
  /** Every channel this finding covers, when it covers several (parallel channels, zombie lists). */
  channels?: ChannelView[];
  /** Findings merged into this one (same peer relationship), in order of importance. */
  also?: Finding[];
}

export type Rule = (node: NodeAnalysis, role?: NodeRoleAssessment) => Finding[];
