import { serveWorkerTask } from '../../common/workers/worker-task';
import { loadGraphSnapshot } from '../loaders/graph-snapshot.loader';
import { SnapshotSummary, summarizeSnapshot, summaryBuffers } from './snapshot-summary';

/** Reads the older snapshots one after the other and keeps only their per-node summaries. */
serveWorkerTask<{ paths: string[] }, SnapshotSummary[]>(
  ({ paths }) => paths.map((p) => summarizeSnapshot(loadGraphSnapshot(p))),
  (summaries) => summaries.flatMap(summaryBuffers),
);
