import { graphSanityProblem } from './graph-sanity';

describe('graphSanityProblem', () => {
  const current = { nodeCount: 1000, channelCount: 4000 };

  it('accepts a graph of about the same size, or larger', () => {
    expect(graphSanityProblem({ nodeCount: 990, channelCount: 3900 }, current)).toBeNull();
    expect(graphSanityProblem({ nodeCount: 5000, channelCount: 20000 }, current)).toBeNull();
    expect(graphSanityProblem({ nodeCount: 500, channelCount: 2000 }, current)).toBeNull(); // exactly half
  });

  it('refuses an empty graph, even as the first one', () => {
    expect(graphSanityProblem({ nodeCount: 0, channelCount: 0 }, null)).toMatch(/empty \(0 nodes, 0 channels\)/);
    expect(graphSanityProblem({ nodeCount: 10, channelCount: 0 }, null)).toMatch(/empty/);
  });

  it('refuses a sharp drop of nodes or channels against the previous graph of the same origin', () => {
    expect(graphSanityProblem({ nodeCount: 499, channelCount: 4000 }, current)).toMatch(/499 nodes against 1000/);
    expect(graphSanityProblem({ nodeCount: 1000, channelCount: 100 }, current)).toMatch(/100 channels against 4000.*more than 50%/);
  });

  it('accepts a small graph when there is nothing of the same origin to compare with', () => {
    expect(graphSanityProblem({ nodeCount: 3, channelCount: 2 }, null)).toBeNull();
  });
});
