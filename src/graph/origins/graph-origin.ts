import { LightningGraph } from '../model/lightning-graph';

/** Where a graph comes from. Adding a source (e.g. Core Lightning) is one more kind and one more GraphOrigin. */
export const GRAPH_ORIGIN_KINDS = ['embedded', 'file', 'url', 'lnd', 'cln'] as const;
export type GraphOriginKind = (typeof GRAPH_ORIGIN_KINDS)[number];

export interface GraphOrigin {
  readonly kind: GraphOriginKind;
  /** Prefix of the `source` answers carry: `<label>:<snapshot date>`. */
  readonly label: string;
  /**
   * A source expected to stay current (a node, a published dump): health watches its refreshes. The shipped
   * snapshot and an operator's file are not: their age shows in the answers' `graph` object instead.
   */
  readonly live: boolean;
  /** Loads (reads, downloads, asks) a whole graph; throws with the reason when it cannot. */
  load(): Promise<LightningGraph>;
}
