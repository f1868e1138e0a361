import { join } from 'node:path';
import { runWorkerTask } from '../../common/workers/worker-task';
import { LightningGraph } from '../model/lightning-graph';
import type { GraphLoadInput, GraphLoadOutput } from './graph-load.worker';

/**
 * Loads a snapshot in a worker thread: the JSON parse (tens of MB for mainnet) neither blocks the event loop
 * nor leaves its garbage in the main heap; only the compact arrays come back.
 */
export async function loadGraphInWorker(input: GraphLoadInput): Promise<LightningGraph> {
  const out = await runWorkerTask<GraphLoadOutput>(join(__dirname, 'graph-load.worker'), input);
  return new LightningGraph(out.meta, out.arrays);
}
