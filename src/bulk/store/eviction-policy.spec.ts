import { evictionWarning, judgeEvictionPolicy } from './eviction-policy';

describe(judgeEvictionPolicy.name, () => {
  it('is safe only with noeviction', () => {
    expect(judgeEvictionPolicy({ 'maxmemory-policy': 'noeviction' })).toEqual({ state: 'safe', policy: 'noeviction' });
    expect(judgeEvictionPolicy(['maxmemory-policy', 'noeviction'])).toEqual({ state: 'safe', policy: 'noeviction' });
  });

  it.each(['allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'])('warns about %s', (policy) => {
    const check = judgeEvictionPolicy({ 'maxmemory-policy': policy });
    expect(check).toEqual({ state: 'evicting', policy });
    expect(evictionWarning(check)).toMatch(new RegExp(`maxmemory-policy ${policy}: .*noeviction and appendonly yes \\(QUEUE_REDIS_URL\\)`));
  });

  it('cannot tell from an empty answer', () => {
    expect(judgeEvictionPolicy({})).toMatchObject({ state: 'unknown' });
    expect(evictionWarning(judgeEvictionPolicy(null))).toBeNull();
  });
});
