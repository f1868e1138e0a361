import { serveWorkerTask } from '../../common/workers/worker-task';
import { GraphArrays, GraphMeta } from '../model/lightning-graph';
import { loadGraphSnapshot } from './graph-snapshot.loader';

export interface GraphLoadInput {
  path: string;
  listnodesPath?: string;
}

export interface GraphLoadOutput {
  meta: GraphMeta;
  arrays: GraphArrays;
}

/** Typed-array buffers of a graph, moved (not copied) to the main thread. */
export function graphBuffers(a: GraphArrays): ArrayBuffer[] {
  return [
    a.chanNode1, a.chanNode2, a.chanCapacitySat, a.policyState, a.feeBaseMsat, a.feeRatePpm,
    a.cltvDelta, a.minHtlcMsat, a.maxHtlcMsat, a.inboundFeeBaseMsat, a.inboundFeeRatePpm, a.lastUpdate,
  ].map((t) => t.buffer as ArrayBuffer);
}

serveWorkerTask<GraphLoadInput, GraphLoadOutput>(
  ({ path, listnodesPath }) => {
    const g = loadGraphSnapshot(path, listnodesPath);
    const arrays: GraphArrays = {
      pubkeys: g.pubkeys, aliases: g.aliases, colors: g.colors, features: g.features,
      chanNode1: g.chanNode1, chanNode2: g.chanNode2, chanCapacitySat: g.chanCapacitySat,
      chanScid: g.chanScid, chanPoint: g.chanPoint, policyState: g.policyState,
      feeBaseMsat: g.feeBaseMsat, feeRatePpm: g.feeRatePpm, cltvDelta: g.cltvDelta,
      minHtlcMsat: g.minHtlcMsat, maxHtlcMsat: g.maxHtlcMsat, lastUpdate: g.lastUpdate,
      inboundFeeBaseMsat: g.inboundFeeBaseMsat, inboundFeeRatePpm: g.inboundFeeRatePpm,
    };
    return { meta: g.meta, arrays };
  },
  (out) => graphBuffers(out.arrays),
);
