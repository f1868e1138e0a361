import type { CandidateAction } from '../planner/plan.types';
import { MAX_REASONING_CHARS, validateModelPlan } from './model-plan.validation';

const c = (id: string, cost: number, more: Partial<CandidateAction> = {}) =>
  [id, { id, estimatedCost: cost, committedCapital: 0, peers: [], closesChannels: 0, ...more } as unknown as CandidateAction] as const;
const candidates = new Map([
  c('a', 0),
  c('b', 600_000),
  c('d', 600_000),
  c('open', 1_540, { committedCapital: 999_000 }),
  c('cut', 0, { peers: ['p1'] }),
  c('raise', 0, { peers: ['p1'] }),
  c('close1', 1_700, { peers: ['p2'], closesChannels: 1 }),
  c('close2', 1_700, { peers: ['p3'], closesChannels: 1 }),
]);

describe(validateModelPlan.name, () => {
  it('accepts known ids within the limits and cleans the text', () => {
    const out = validateModelPlan({ selected: [{ id: 'a', reasoning: 'ok\u0007' }, { id: 'b', reasoning: 'x'.repeat(5000) }], openai_analysis: 'fine' }, candidates, 3, 1_000_000);
    expect(out.selected.map((s) => s.id)).toEqual(['a', 'b']);
    expect(out.selected[0].reasoning).toBe('ok');
    expect(out.selected[1].reasoning).toHaveLength(MAX_REASONING_CHARS);
  });
  it.each([
    [{ selected: [{ id: 'zzz', reasoning: 'r' }], openai_analysis: '' }, /not one of the candidate ids/],
    [{ selected: [{ id: 'a', reasoning: 'r' }, { id: 'a', reasoning: 'r' }], openai_analysis: '' }, /repeats/],
    [{ selected: [{ id: 'b', reasoning: 'r' }, { id: 'd', reasoning: 'r' }], openai_analysis: '' }, /over the 1000000 sat budget/],
    [{ selected: [{ id: 'a', reasoning: 'r' }, { id: 'b', reasoning: 'r' }, { id: 'd', reasoning: 'r' }, { id: 'a', reasoning: 'r' }], openai_analysis: '' }, /at most 3/],
    [{ selected: [], openai_analysis: '' }, /no action chosen/],
    [{ selected: [{ id: 'a', reasoning: '  ' }], openai_analysis: '' }, /reasoning is empty/],
    [{ selected: [{ id: 'open', reasoning: 'r' }], openai_analysis: '' }, /use 1000540 sat \(fees and capital\), over the 1000000 sat budget/],
    [{ selected: [{ id: 'cut', reasoning: 'r' }, { id: 'raise', reasoning: 'r' }], openai_analysis: '' }, /one action per peer/],
    [{ selected: [{ id: 'close1', reasoning: 'r' }, { id: 'close2', reasoning: 'r' }], openai_analysis: '' }, /never closes them all/],
    [{ actions: [] }, /required/],
    [null, /required/],
  ])('rejects %j', (raw, message) => {
    expect(() => validateModelPlan(raw, candidates, 3, 1_000_000, { totalChannels: 2 })).toThrow(message);
  });
  it('without a budget, rejects opens that commit more than the node’s own capital', () => {
    const raw = { selected: [{ id: 'open', reasoning: 'r' }], openai_analysis: '' };
    expect(() => validateModelPlan(raw, candidates, 3, null, { capitalLimit: 500_000 })).toThrow(/commit 999000 sat, more than the node’s own 500000 sat/);
    expect(validateModelPlan(raw, candidates, 3, null, { capitalLimit: 1_000_000 }).selected).toHaveLength(1);
  });
});
