/**
 * A whole Lightning channel graph held in flat typed arrays: one slot per node, per channel and per
 * channel direction, plus a CSR index of the channels incident to each node. Nothing is an object per edge,
 * so 50k channels cost a few MB and the arrays can be copied to a worker thread as they are.
 *
 * Direction convention (BOLT 7, LND `node1_pub`): `node1` is the lexicographically smaller pubkey and
 * direction slot `2 * chan + 0` holds node1's outbound policy, `2 * chan + 1` node2's.
 */
export type GraphFormat = 'lnd-describegraph' | 'cln-listchannels';

/** How the snapshot's date was established, strongest first. */
export type SnapshotDateSource = 'load_time' | 'last_update' | 'file_name' | 'file_mtime';

export interface GraphMeta {
  format: GraphFormat;
  /** UTC date (YYYY-MM-DD) the snapshot describes. */
  snapshotDate: string;
  snapshotDateSource: SnapshotDateSource;
  /** File name the graph was read from (no directory, so no local paths leak into responses). */
  sourceFile: string;
  /** Content hash of the source file: equal graphs have equal versions across instances. */
  version: string;
}

export const enum PolicyState {
  /** No channel_update known for this direction (or one that is not a real policy). */
  None = 0,
  Enabled = 1,
  Disabled = 2,
}

export interface DirectionPolicy {
  disabled: boolean;
  feeBaseMsat: number;
  feeRatePpm: number;
  cltvDelta: number;
  minHtlcMsat: number | null;
  maxHtlcMsat: number | null;
  /** Inbound fee (bLIP-18, LND 0.18+ describegraph); null when the source does not carry it. Negative = discount. */
  inboundFeeBaseMsat: number | null;
  inboundFeeRatePpm: number | null;
  /** Unix seconds, null when the source has no timestamps. */
  lastUpdate: number | null;
}

export interface GraphArrays {
  pubkeys: string[];
  aliases: (string | null)[];
  colors: (string | null)[];
  features: (Record<string, unknown> | null)[];
  chanNode1: Uint32Array;
  chanNode2: Uint32Array;
  chanCapacitySat: Float64Array;
  chanScid: (string | null)[];
  chanPoint: (string | null)[];
  policyState: Uint8Array;
  feeBaseMsat: Float64Array;
  feeRatePpm: Float64Array;
  cltvDelta: Uint32Array;
  /** NaN where unknown. */
  minHtlcMsat: Float64Array;
  /** NaN where unknown. */
  maxHtlcMsat: Float64Array;
  /** Inbound fees (bLIP-18); NaN where the source has none (the CLN-derived snapshots never do). */
  inboundFeeBaseMsat: Float64Array;
  inboundFeeRatePpm: Float64Array;
  /** 0 where unknown. */
  lastUpdate: Uint32Array;
}

export class LightningGraph implements GraphArrays {
  readonly nodeCount: number;
  readonly channelCount: number;
  readonly pubkeys: string[];
  readonly aliases: (string | null)[];
  readonly colors: (string | null)[];
  readonly features: (Record<string, unknown> | null)[];
  readonly chanNode1: Uint32Array;
  readonly chanNode2: Uint32Array;
  readonly chanCapacitySat: Float64Array;
  readonly chanScid: (string | null)[];
  readonly chanPoint: (string | null)[];
  readonly policyState: Uint8Array;
  readonly feeBaseMsat: Float64Array;
  readonly feeRatePpm: Float64Array;
  readonly cltvDelta: Uint32Array;
  readonly minHtlcMsat: Float64Array;
  readonly maxHtlcMsat: Float64Array;
  readonly inboundFeeBaseMsat: Float64Array;
  readonly inboundFeeRatePpm: Float64Array;
  readonly lastUpdate: Uint32Array;
  /** CSR: channels of node `v` are `nodeChans[nodeChanOffset[v] .. nodeChanOffset[v + 1])`. */
  readonly nodeChanOffset: Uint32Array;
  readonly nodeChans: Uint32Array;
  private readonly indexByPubkey: Map<string, number>;

  constructor(
    readonly meta: GraphMeta,
    arrays: GraphArrays,
  ) {
    this.pubkeys = arrays.pubkeys;
    this.aliases = arrays.aliases;
    this.colors = arrays.colors;
    this.features = arrays.features;
    this.chanNode1 = arrays.chanNode1;
    this.chanNode2 = arrays.chanNode2;
    this.chanCapacitySat = arrays.chanCapacitySat;
    this.chanScid = arrays.chanScid;
    this.chanPoint = arrays.chanPoint;
    this.policyState = arrays.policyState;
    this.feeBaseMsat = arrays.feeBaseMsat;
    this.feeRatePpm = arrays.feeRatePpm;
    this.cltvDelta = arrays.cltvDelta;
    this.minHtlcMsat = arrays.minHtlcMsat;
    this.maxHtlcMsat = arrays.maxHtlcMsat;
    this.inboundFeeBaseMsat = arrays.inboundFeeBaseMsat;
    this.inboundFeeRatePpm = arrays.inboundFeeRatePpm;
    this.lastUpdate = arrays.lastUpdate;
    this.nodeCount = arrays.pubkeys.length;
    this.channelCount = arrays.chanNode1.length;
    this.indexByPubkey = new Map(arrays.pubkeys.map((pk, i) => [pk, i]));
    [this.nodeChanOffset, this.nodeChans] = buildIncidence(this.nodeCount, this.chanNode1, this.chanNode2);
  }

  /** Node index of a (lower-case) pubkey, or -1. */
  indexOf(pubkey: string): number {
    return this.indexByPubkey.get(pubkey) ?? -1;
  }

  /** Channels incident to node `v` (a view, not a copy). */
  channelsOf(v: number): Uint32Array {
    return this.nodeChans.subarray(this.nodeChanOffset[v], this.nodeChanOffset[v + 1]);
  }

  peerOf(chan: number, v: number): number {
    return this.chanNode1[chan] === v ? this.chanNode2[chan] : this.chanNode1[chan];
  }

  /** Direction slot of the policy that node `v` sets on `chan` (its outbound policy). */
  outboundSlot(chan: number, v: number): number {
    return 2 * chan + (this.chanNode1[chan] === v ? 0 : 1);
  }

  /** Direction slot of the policy the peer sets toward `v` on `chan` (v's inbound side). */
  inboundSlot(chan: number, v: number): number {
    return 2 * chan + (this.chanNode1[chan] === v ? 1 : 0);
  }

  isEnabled(slot: number): boolean {
    return this.policyState[slot] === PolicyState.Enabled;
  }

  /** A channel can route when at least one of its directions has an enabled policy. */
  isUsable(chan: number): boolean {
    return this.isEnabled(2 * chan) || this.isEnabled(2 * chan + 1);
  }

  policy(slot: number): DirectionPolicy | null {
    const state = this.policyState[slot];
    if (state === PolicyState.None) return null;
    return {
      disabled: state === PolicyState.Disabled,
      feeBaseMsat: this.feeBaseMsat[slot],
      feeRatePpm: this.feeRatePpm[slot],
      cltvDelta: this.cltvDelta[slot],
      minHtlcMsat: nanToNull(this.minHtlcMsat[slot]),
      maxHtlcMsat: nanToNull(this.maxHtlcMsat[slot]),
      inboundFeeBaseMsat: nanToNull(this.inboundFeeBaseMsat[slot]),
      inboundFeeRatePpm: nanToNull(this.inboundFeeRatePpm[slot]),
      lastUpdate: this.lastUpdate[slot] === 0 ? null : this.lastUpdate[slot],
    };
  }
}

function nanToNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

function buildIncidence(n: number, a: Uint32Array, b: Uint32Array): [Uint32Array, Uint32Array] {
  const offset = new Uint32Array(n + 1);
  for (let c = 0; c < a.length; c++) {
    offset[a[c] + 1]++;
    offset[b[c] + 1]++;
  }
  for (let v = 0; v < n; v++) offset[v + 1] += offset[v];
  const fill = offset.slice(0, n);
  const chans = new Uint32Array(2 * a.length);
  for (let c = 0; c < a.length; c++) {
    chans[fill[a[c]]++] = c;
    chans[fill[b[c]]++] = c;
  }
  return [offset, chans];
}
