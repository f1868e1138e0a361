import { LatencyWindow } from './latency-window';

describe(LatencyWindow.name, () => {
  it('gives nearest-rank percentiles', () => {
    const w = new LatencyWindow(100);
    for (let i = 1; i <= 100; i++) w.add(i / 1000);
    expect(w.percentiles([50, 95, 99, 100])).toEqual([0.05, 0.095, 0.099, 0.1]);
  });
  it('keeps only the last samples', () => {
    const w = new LatencyWindow(3);
    [10, 20, 1, 2, 3].forEach((x) => w.add(x));
    expect(w.percentiles([100])).toEqual([3]);
  });
  it('is null when empty', () => {
    expect(new LatencyWindow().percentiles([50])).toEqual([null]);
  });
});
