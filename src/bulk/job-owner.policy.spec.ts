import { mayAccessJob, OPEN_REQUESTER } from './job-owner.policy';

describe(mayAccessJob.name, () => {
  const keyA = { keysRequired: true, key: 'aaaaaaaaaaaa' };
  const keyB = { keysRequired: true, key: 'bbbbbbbbbbbb' };

  it('lets only the creating key see a job when keys are configured', () => {
    expect(mayAccessJob('aaaaaaaaaaaa', keyA)).toBe(true);
    expect(mayAccessJob('aaaaaaaaaaaa', keyB)).toBe(false);
    expect(mayAccessJob('aaaaaaaaaaaa', { keysRequired: true, key: null })).toBe(false);
  });

  it('fails closed for a job without a recorded owner once keys are configured', () => {
    expect(mayAccessJob(undefined, keyA)).toBe(false);
    expect(mayAccessJob(null, keyA)).toBe(false);
  });

  it('shows every job to everyone without keys, as before owners were recorded', () => {
    expect(mayAccessJob('aaaaaaaaaaaa', OPEN_REQUESTER)).toBe(true);
    expect(mayAccessJob(undefined, OPEN_REQUESTER)).toBe(true);
  });
});
