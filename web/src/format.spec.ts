import { bucketLabel } from './format';

describe(bucketLabel.name, () => {
  it.each([
    [{ from: 0, to: 1 }, '0'],
    [{ from: 1, to: 2 }, '1'],
    [{ from: 200, to: 500 }, '200–499'],
    [{ from: 10_000, to: null }, '≥10K'],
  ])('names %j by the values it holds: %s', (bucket, label) => {
    expect(bucketLabel(bucket, 'en')).toBe(label);
  });

  it('puts 499 ppm in a bar whose label says so', () => {
    const buckets = [{ from: 100, to: 200 }, { from: 200, to: 500 }, { from: 500, to: 1000 }];
    const holding = buckets.find((b) => 499 >= b.from && 499 < b.to)!;
    expect(bucketLabel(holding, 'en')).toBe('200–499');
  });
});
