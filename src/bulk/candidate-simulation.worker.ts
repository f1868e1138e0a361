import { isMainThread, parentPort } from 'node:worker_threads';
import { CandidateBatch, GraphSimulationContext, simulateCandidateBatch } from '../graph/analytics/channel-candidates';

/** `load` once per graph (the context is copied in), then any number of `simulate`, answered in order. */
export type CandidateSimulationRequest =
  | { kind: 'load'; ctx: GraphSimulationContext }
  | { kind: 'simulate'; id: number; v: number; announced: number[]; limit: number };

export type CandidateSimulationReply = { id: number; ok: true; value: CandidateBatch } | { id: number; ok: false; message: string };

/**
 * A long-lived worker thread of the bulk candidate simulation: it keeps the graph's simulation context between
 * items, so each item costs one small message each way instead of a copy of tens of megabytes.
 */
if (!isMainThread && parentPort) {
  const port = parentPort;
  let ctx: GraphSimulationContext | null = null;
  port.on('message', (msg: CandidateSimulationRequest) => {
    if (msg.kind === 'load') {
      ctx = msg.ctx;
      return;
    }
    try {
      if (!ctx) throw new Error('no simulation context loaded');
      const value = simulateCandidateBatch(ctx, msg.v, msg.announced, { limit: msg.limit });
      port.postMessage({ id: msg.id, ok: true, value } satisfies CandidateSimulationReply, [value.part.betweennessGain.buffer as ArrayBuffer]);
    } catch (err) {
      port.postMessage({ id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies CandidateSimulationReply);
    }
  });
}
