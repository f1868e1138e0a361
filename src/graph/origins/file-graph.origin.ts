import { loadGraphInWorker } from '../loaders/graph-loader';
import { LightningGraph } from '../model/lightning-graph';
import { GraphOrigin } from './graph-origin';

/** A snapshot file on disk: the one shipped with the project (`embedded`) or an operator's export (`file`). */
export class FileGraphOrigin implements GraphOrigin {
  readonly live = false;
  readonly label: string;

  constructor(
    readonly kind: 'embedded' | 'file',
    private readonly path: string,
    private readonly listnodesPath?: string,
  ) {
    this.label = kind === 'embedded' ? 'embedded-graph' : 'graph-file';
  }

  load(): Promise<LightningGraph> {
    return loadGraphInWorker({ path: this.path, listnodesPath: this.listnodesPath });
  }
}
