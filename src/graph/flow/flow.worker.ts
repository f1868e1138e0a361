import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FlowSeedWorker, FlowWorkerInit, FlowWorkerRequest } from './flow-seed-worker';

/**
 * A long-lived flow worker: simulates its share of the seeds once (the baseline), keeps the routes, and then
 * answers what-if and fee-curve requests by re-routing on its seeds. Messages: see {@link FlowWorkerRequest}.
 */
if (!isMainThread && parentPort) {
  const port = parentPort;
  try {
    const w = new FlowSeedWorker(workerData as FlowWorkerInit);
    const ready = w.baseline();
    port.postMessage({ type: 'ready', value: ready }, ready.flatMap((s) => s.transfer));
    port.on('message', (req: FlowWorkerRequest) => {
      try {
        port.postMessage({ type: 'reply', id: req.id, ok: true, value: w.answer(req) });
      } catch (err) {
        port.postMessage({ type: 'reply', id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) });
      }
    });
  } catch (err) {
    port.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}
