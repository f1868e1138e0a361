import { aEn, render } from './messages';

describe('English amounts take the article of the spoken number', () => {
  it.each([
    [1_000_000, 'a 1,000,000'],
    [8_480_000, 'an 8,480,000'],
    [800, 'an 800'],
    [11_000, 'an 11,000'],
    [18_000_000, 'an 18,000,000'],
    [110_000, 'a 110,000'],
    [180_000, 'a 180,000'],
    [1_800_000, 'a 1,800,000'],
    [80_000, 'an 80,000'],
  ])('%d → %s', (n, expected) => expect(aEn(n)).toBe(expected));

  it('in the open recommendations', () => {
    expect(render('channel_candidate', 'en', { amount: 8_480_000, target: 'x', betweenness: 1, closeness: 1 }).action).toBe('Open an 8,480,000 sat channel to “x”');
    expect(render('few_channels', 'en', { amount: 1_090_000, target: 'x', missing: 2, active: 3, goal: 5 }).action).toMatch(/^Open a 1,090,000 sat channel to “x”/);
  });
});
