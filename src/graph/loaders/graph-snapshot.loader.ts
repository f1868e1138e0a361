import { LightningGraph } from '../model/lightning-graph';
import { isDescribeGraph, loadDescribeGraph } from './describegraph.loader';
import { GraphFormatError } from './graph-format.error';
import { isListChannels, loadListChannels } from './listchannels.loader';
import { readSnapshotFile } from './snapshot-file';

/**
 * Loads a graph snapshot of either supported format, detected from its content: an LND `describegraph`
 * export, or a CLN `listchannels` export (optionally with a separate `listnodes` file for aliases).
 */
export function loadGraphSnapshot(path: string, listnodesPath?: string): LightningGraph {
  const file = readSnapshotFile(path);
  if (isDescribeGraph(file.json)) return loadDescribeGraph(file);
  if (isListChannels(file.json)) return loadListChannels(file, listnodesPath ? readSnapshotFile(listnodesPath) : undefined);
  throw new GraphFormatError(
    file.name,
    'unknown format: expected LND describegraph ({"nodes":[...],"edges":[{"node1_pub",...}]}) or CLN listchannels ({"channels":[{"source",...}]})',
  );
}
