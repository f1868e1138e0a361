import type { CandidateAction, PlanLimits } from '../planner/plan.types';

export interface ModelChoice {
  id: string;
  reasoning: string;
}

export interface ModelPlanOutput {
  selected: ModelChoice[];
  openai_analysis: string;
}

export const MAX_REASONING_CHARS = 1_500;
export const MAX_ANALYSIS_CHARS = 6_000;

/** The JSON schema the model must answer with (Structured Outputs, strict): ids can only be ours. */
export function modelPlanSchema(candidateIds: string[], maxActions: number) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['selected', 'openai_analysis'],
    properties: {
      selected: {
        type: 'array',
        maxItems: maxActions,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'reasoning'],
          properties: { id: { type: 'string', enum: candidateIds }, reasoning: { type: 'string' } },
        },
      },
      openai_analysis: { type: 'string' },
    },
  } as const;
}

export class InvalidModelPlanError extends Error {}

const clean = (s: string, max: number) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim().slice(0, max);

/**
 * Checks the model's answer against the request: only known candidate ids, no repeats, within the number of
 * actions and the budget (fees plus committed capital), at most one action per peer, and never every channel
 * of the node closed. Anything else is rejected whole: the deterministic plan is served instead.
 */
export function validateModelPlan(raw: unknown, candidates: Map<string, CandidateAction>, maxActions: number, budget: number | null, limits: PlanLimits = {}): ModelPlanOutput {
  const o = raw as Partial<ModelPlanOutput> | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.selected) || typeof o.openai_analysis !== 'string') {
    throw new InvalidModelPlanError('answer does not have the required {selected[], openai_analysis} shape');
  }
  if (o.selected.length > maxActions) throw new InvalidModelPlanError(`${o.selected.length} actions chosen, at most ${maxActions} allowed`);
  if (o.selected.length === 0 && candidates.size > 0) throw new InvalidModelPlanError('no action chosen although candidates exist');
  const seen = new Set<string>();
  const peers = new Set<string>();
  let cost = 0;
  let closes = 0;
  let capital = 0;
  const selected = o.selected.map((c, i) => {
    if (!c || typeof c.id !== 'string' || typeof c.reasoning !== 'string') throw new InvalidModelPlanError(`selected[${i}] is not {id, reasoning}`);
    const cand = candidates.get(c.id);
    if (!cand) throw new InvalidModelPlanError(`selected[${i}].id is not one of the candidate ids`);
    if (seen.has(c.id)) throw new InvalidModelPlanError(`selected[${i}].id repeats an earlier choice`);
    seen.add(c.id);
    const shared = cand.peers.find((p) => peers.has(p));
    if (shared) throw new InvalidModelPlanError(`selected[${i}] acts again on peer ${shared.slice(0, 16)}…: one action per peer`);
    for (const p of cand.peers) peers.add(p);
    cost += cand.estimatedCost + cand.committedCapital;
    capital += cand.committedCapital;
    closes += cand.closesChannels;
    const reasoning = clean(c.reasoning, MAX_REASONING_CHARS);
    if (!reasoning) throw new InvalidModelPlanError(`selected[${i}].reasoning is empty`);
    return { id: c.id, reasoning };
  });
  if (budget !== null && cost > budget) throw new InvalidModelPlanError(`chosen actions use ${cost} sat (fees and capital), over the ${budget} sat budget`);
  if (limits.capitalLimit !== undefined && capital > limits.capitalLimit) throw new InvalidModelPlanError(`chosen opens commit ${capital} sat, more than the node’s own ${limits.capitalLimit} sat with no budget set`);
  if (limits.totalChannels !== undefined && closes >= limits.totalChannels && closes > 0) throw new InvalidModelPlanError(`chosen actions close ${closes} of the node’s ${limits.totalChannels} channels: a plan never closes them all`);
  return { selected, openai_analysis: clean(o.openai_analysis, MAX_ANALYSIS_CHARS) };
}
