import { ageInDays, graphFreshness } from './graph-freshness';

const at = (iso: string) => new Date(iso);
const base = { source: 'embedded-graph:2026-02-03', snapshotDate: '2026-02-03', loadedAt: at('2026-12-06T08:00:00Z'), maxAgeDays: 7 };

describe('graph freshness', () => {
  it('counts whole UTC days from the snapshot date', () => {
    expect(ageInDays('2026-02-03', at('2026-02-03T23:59:59Z'))).toBe(0);
    expect(ageInDays('2026-02-03', at('2026-02-04T00:00:00Z'))).toBe(1);
    expect(ageInDays('2026-02-03', at('2026-12-06T09:00:00Z'))).toBe(306);
    // A leap-year February is counted as it is.
    expect(ageInDays('2028-02-28', at('2028-03-01T12:00:00Z'))).toBe(2);
  });

  it('never reports a negative age when the clock is behind the data', () => {
    expect(ageInDays('2026-12-07', at('2026-12-06T12:00:00Z'))).toBe(0);
  });

  it('refuses a date it cannot read rather than inventing an age', () => {
    expect(() => ageInDays('yesterday', at('2026-12-06T00:00:00Z'))).toThrow(/not a YYYY-MM-DD date/);
  });

  it('is fresh up to max_age_days inclusive, with no warning', () => {
    const f = graphFreshness({ ...base, snapshotDate: '2026-11-29', now: at('2026-12-06T10:00:00Z') });
    expect(f).toEqual({
      source: 'embedded-graph:2026-02-03',
      snapshot_date: '2026-11-29',
      age_days: 7,
      max_age_days: 7,
      stale: false,
      loaded_at: '2026-12-06T08:00:00.000Z',
      warning: null,
    });
  });

  it('is stale one day past the limit, with a warning that says the age and what to configure', () => {
    const f = graphFreshness({ ...base, snapshotDate: '2026-11-28', now: at('2026-12-06T10:00:00Z') });
    expect(f.stale).toBe(true);
    expect(f.age_days).toBe(8);
    expect(f.warning).toContain('dated 2026-11-28, 8 days old');
    expect(f.warning).toContain('GRAPH_MAX_AGE_DAYS=7');
    expect(f.warning).toMatch(/GRAPH_SOURCE=lnd.*GRAPH_SOURCE=cln/);
    expect(f.warning).toContain('GRAPH_SNAPSHOT');
  });

  it('follows GRAPH_MAX_AGE_DAYS: the embedded snapshot is fresh under a limit of a year', () => {
    const now = at('2026-12-06T10:00:00Z');
    expect(graphFreshness({ ...base, now }).stale).toBe(true);
    expect(graphFreshness({ ...base, now, maxAgeDays: 365 })).toMatchObject({ age_days: 306, stale: false, warning: null });
    expect(graphFreshness({ ...base, snapshotDate: '2026-12-05', now, maxAgeDays: 0 }).warning).toContain('1 day old');
  });
});
