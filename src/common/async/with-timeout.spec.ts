import { withTimeout } from './with-timeout';

describe(withTimeout.name, () => {
  it('answers with the call when it settles in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1000, 'late')).resolves.toBe(42);
    await expect(withTimeout(Promise.reject(new Error('refused')), 1000, 'late')).rejects.toThrow('refused');
  });

  it('rejects with the message once the time is up, and leaves no timer behind', async () => {
    jest.useFakeTimers();
    try {
      let failLate!: (e: Error) => void;
      const hung = new Promise<number>((_, reject) => (failLate = reject));
      const raced = withTimeout(hung, 200, 'no answer within 200 ms');
      jest.advanceTimersByTime(200);
      await expect(raced).rejects.toThrow('no answer within 200 ms');
      expect(jest.getTimerCount()).toBe(0);
      // The abandoned call failing afterwards is not an unhandled rejection (Jest would fail the test).
      failLate(new Error('too late'));
      await Promise.resolve();
    } finally {
      jest.useRealTimers();
    }
  });

  it('clears its timer when the call wins', async () => {
    jest.useFakeTimers();
    try {
      await withTimeout(Promise.resolve('ok'), 5000, 'late');
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
