import { GraphArrays, GraphMeta, LightningGraph, PolicyState } from './lightning-graph';

export interface PolicyInput {
  disabled: boolean;
  feeBaseMsat: number;
  feeRatePpm: number;
  cltvDelta: number;
  minHtlcMsat: number | null;
  maxHtlcMsat: number | null;
  lastUpdate: number | null;
  /** Inbound fee (bLIP-18), when the source carries it. */
  inboundFeeBaseMsat?: number | null;
  inboundFeeRatePpm?: number | null;
}

export interface NodeInput {
  alias?: string | null;
  color?: string | null;
  features?: Record<string, unknown> | null;
}

/**
 * Accumulates nodes and channels from any snapshot format, then freezes them into a {@link LightningGraph}.
 * Channels are keyed (by short channel id or channel point) so that per-direction rows, as CLN lists them,
 * merge into one channel.
 */
export class GraphBuilder {
  private readonly nodeIndex = new Map<string, number>();
  private readonly pubkeys: string[] = [];
  private readonly aliases: (string | null)[] = [];
  private readonly colors: (string | null)[] = [];
  private readonly features: (Record<string, unknown> | null)[] = [];
  private readonly chanIndex = new Map<string, number>();
  private readonly node1: number[] = [];
  private readonly node2: number[] = [];
  private readonly capacity: number[] = [];
  private readonly scid: (string | null)[] = [];
  private readonly point: (string | null)[] = [];
  private readonly policies: (PolicyInput | null)[] = [];

  /** Adds a node or completes one first seen in a channel. Returns its index. */
  node(pubkey: string, info?: NodeInput): number {
    let i = this.nodeIndex.get(pubkey);
    if (i === undefined) {
      i = this.pubkeys.length;
      this.nodeIndex.set(pubkey, i);
      this.pubkeys.push(pubkey);
      this.aliases.push(null);
      this.colors.push(null);
      this.features.push(null);
    }
    if (info) {
      if (info.alias !== undefined) this.aliases[i] = info.alias;
      if (info.color !== undefined) this.colors[i] = info.color;
      if (info.features !== undefined) this.features[i] = info.features;
    }
    return i;
  }

  /**
   * Returns the index of the channel with this key, creating it on first sight. `pubkeyA`/`pubkeyB` may come
   * in any order: node1 is always the smaller pubkey.
   */
  channel(key: string, pubkeyA: string, pubkeyB: string, capacitySat: number, scid: string | null, chanPoint: string | null): number {
    const existing = this.chanIndex.get(key);
    if (existing !== undefined) return existing;
    const [p1, p2] = pubkeyA < pubkeyB ? [pubkeyA, pubkeyB] : [pubkeyB, pubkeyA];
    const c = this.node1.length;
    this.chanIndex.set(key, c);
    this.node1.push(this.node(p1));
    this.node2.push(this.node(p2));
    this.capacity.push(capacitySat);
    this.scid.push(scid);
    this.point.push(chanPoint);
    this.policies.push(null, null);
    return c;
  }

  /** Sets the outbound policy of `fromPubkey` on channel `c`. */
  policy(c: number, fromPubkey: string, policy: PolicyInput | null): void {
    const dir = this.pubkeys[this.node1[c]] === fromPubkey ? 0 : 1;
    this.policies[2 * c + dir] = policy;
  }

  build(meta: GraphMeta): LightningGraph {
    const m = this.node1.length;
    const arrays: GraphArrays = {
      pubkeys: this.pubkeys,
      aliases: this.aliases,
      colors: this.colors,
      features: this.features,
      chanNode1: Uint32Array.from(this.node1),
      chanNode2: Uint32Array.from(this.node2),
      chanCapacitySat: Float64Array.from(this.capacity),
      chanScid: this.scid,
      chanPoint: this.point,
      policyState: new Uint8Array(2 * m),
      feeBaseMsat: new Float64Array(2 * m),
      feeRatePpm: new Float64Array(2 * m),
      cltvDelta: new Uint32Array(2 * m),
      minHtlcMsat: new Float64Array(2 * m).fill(NaN),
      maxHtlcMsat: new Float64Array(2 * m).fill(NaN),
      inboundFeeBaseMsat: new Float64Array(2 * m).fill(NaN),
      inboundFeeRatePpm: new Float64Array(2 * m).fill(NaN),
      lastUpdate: new Uint32Array(2 * m),
    };
    this.policies.forEach((p, slot) => {
      if (!p) return;
      arrays.policyState[slot] = p.disabled ? PolicyState.Disabled : PolicyState.Enabled;
      arrays.feeBaseMsat[slot] = p.feeBaseMsat;
      arrays.feeRatePpm[slot] = p.feeRatePpm;
      arrays.cltvDelta[slot] = p.cltvDelta;
      if (p.minHtlcMsat !== null) arrays.minHtlcMsat[slot] = p.minHtlcMsat;
      if (p.maxHtlcMsat !== null) arrays.maxHtlcMsat[slot] = p.maxHtlcMsat;
      if (p.inboundFeeBaseMsat != null) arrays.inboundFeeBaseMsat[slot] = p.inboundFeeBaseMsat;
      if (p.inboundFeeRatePpm != null) arrays.inboundFeeRatePpm[slot] = p.inboundFeeRatePpm;
      arrays.lastUpdate[slot] = p.lastUpdate ?? 0;
    });
    return new LightningGraph(meta, arrays);
  }
}
