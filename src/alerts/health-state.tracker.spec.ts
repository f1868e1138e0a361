import { HealthStateTracker } from './health-state.tracker';

describe(HealthStateTracker.name, () => {
  it('reports a new state once it has held for the debounce time, then its recovery', () => {
    const t = new HealthStateTracker(1000);
    expect(t.observe('healthy', [], 0)).toBeNull();
    expect(t.observe('degraded', ['redis'], 100)).toBeNull();
    expect(t.observe('degraded', ['redis'], 900)).toBeNull();
    expect(t.observe('degraded', ['redis'], 1100)).toEqual({ previous: 'healthy', current: 'degraded', since: 100, reasons: ['redis'] });
    expect(t.observe('degraded', ['redis'], 5000)).toBeNull();
    expect(t.observe('healthy', [], 6000)).toBeNull();
    expect(t.observe('healthy', [], 7000)).toEqual({ previous: 'degraded', current: 'healthy', since: 6000, reasons: [] });
  });

  it('ignores a blip shorter than the debounce time', () => {
    const t = new HealthStateTracker(1000);
    expect(t.observe('unhealthy', ['graph'], 0)).toBeNull();
    expect(t.observe('healthy', [], 500)).toBeNull();
    expect(t.observe('unhealthy', ['graph'], 1200)).toBeNull();
    expect(t.current).toBe('healthy');
  });

  it('restarts the clock when the pending state changes (degraded → unhealthy)', () => {
    const t = new HealthStateTracker(1000);
    t.observe('degraded', [], 0);
    expect(t.observe('unhealthy', [], 800)).toBeNull();
    expect(t.observe('unhealthy', [], 1500)).toBeNull();
    expect(t.observe('unhealthy', [], 1800)).toMatchObject({ previous: 'healthy', current: 'unhealthy', since: 800 });
  });

  it('reports booting into a degraded state (healthy is the assumed start)', () => {
    const t = new HealthStateTracker(0);
    expect(t.observe('degraded', ['redis'], 0)).toMatchObject({ previous: 'healthy', current: 'degraded' });
  });
});
