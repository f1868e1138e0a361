import { serveWorkerTask } from '../../common/workers/worker-task';
import { BrandesPartial, brandesFromSources } from './brandes';
import { CoreGraph } from './leaf-reduction';

export interface CentralityWorkerInput {
  core: CoreGraph;
  /** Core indices this worker runs Brandes from. */
  sources: Int32Array;
}

/** The partial's buffers, moved (not copied) back to the main thread. */
export function brandesPartialBuffers(p: BrandesPartial): ArrayBuffer[] {
  return [p.dependency, p.harmonic, p.harmonicLeaf, p.distanceSum, p.distanceSumLeaf].map((a) => a.buffer as ArrayBuffer);
}

serveWorkerTask<CentralityWorkerInput, BrandesPartial>(
  ({ core, sources }) => brandesFromSources(core, sources),
  brandesPartialBuffers,
);
