import { expensiveItems, jobLimitProblem, keyQuotaProblem } from './bulk-quota.policy';

const LIMITS = { expensivePerJob: 1000, expensivePerKey: 2000, storedPerKey: 50_000 };

describe(jobLimitProblem.name, () => {
  it('caps channel_candidates items per job, at the limit included', () => {
    expect(jobLimitProblem(1000, ['basic', 'channel_candidates'], LIMITS)).toBeNull();
    expect(jobLimitProblem(1001, ['channel_candidates'], LIMITS)).toMatch(/at most 1000 distinct pubkeys \(this one has 1001\)/);
  });

  it('does not cap cheap types, priorities included', () => {
    expect(jobLimitProblem(10_000, ['basic', 'recommendations', 'priorities'], LIMITS)).toBeNull();
    expect(expensiveItems(['priorities'], 10)).toBe(0);
  });
});

describe(keyQuotaProblem.name, () => {
  it("counts the key's unfinished channel_candidates items", () => {
    expect(keyQuotaProblem({ unfinishedExpensiveItems: 1000, storedItems: 1000 }, 1000, ['channel_candidates'], LIMITS)).toBeNull();
    expect(keyQuotaProblem({ unfinishedExpensiveItems: 1001, storedItems: 1001 }, 1000, ['channel_candidates'], LIMITS)).toMatch(/already has 1001 channel_candidates items .* at most 2000/);
    expect(keyQuotaProblem({ unfinishedExpensiveItems: 1999, storedItems: 1999 }, 5000, ['basic'], LIMITS)).toBeNull();
  });

  it("counts every item the key's jobs keep in the store", () => {
    expect(keyQuotaProblem({ unfinishedExpensiveItems: 0, storedItems: 40_000 }, 10_000, ['basic'], LIMITS)).toBeNull();
    expect(keyQuotaProblem({ unfinishedExpensiveItems: 0, storedItems: 40_001 }, 10_000, ['basic'], LIMITS)).toMatch(/keep 40001 items .* at most 50000/);
  });
});
