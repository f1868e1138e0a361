/** Counts of a graph, as the sanity check compares them. */
export interface GraphCounts {
  nodeCount: number;
  channelCount: number;
}

/** A new graph with less than this share of the previous one's nodes or channels (same origin) is refused. */
export const MAX_DROP_RATIO = 0.5;

/**
 * Why a freshly loaded graph must not replace the current one, or null when it may. A parse that succeeded can
 * still be a broken export (an empty dump, a node that lost its gossip): an empty graph is refused, and so is a
 * sharp drop against the previous graph of the same origin. Against another origin (the embedded snapshot
 * serving until a first download) only emptiness is checked: a node's own graph may cover less than the shipped one.
 */
export function graphSanityProblem(next: GraphCounts, previousOfSameOrigin: GraphCounts | null): string | null {
  if (next.nodeCount === 0 || next.channelCount === 0) {
    return `the new graph is empty (${next.nodeCount} nodes, ${next.channelCount} channels)`;
  }
  if (!previousOfSameOrigin) return null;
  for (const [what, now, before] of [
    ['nodes', next.nodeCount, previousOfSameOrigin.nodeCount],
    ['channels', next.channelCount, previousOfSameOrigin.channelCount],
  ] as const) {
    if (now < before * MAX_DROP_RATIO) {
      return `the new graph has ${now} ${what} against ${before} in the current one (a drop of more than ${Math.round((1 - MAX_DROP_RATIO) * 100)}%: a truncated or partial export)`;
    }
  }
  return null;
}
