import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraphInWorker } from '../loaders/graph-loader';
import { LightningGraph } from '../model/lightning-graph';
import { GraphDownloadClient } from './graph-download.client';
import { GraphOrigin } from './graph-origin';

/**
 * A describegraph or listchannels dump published at an https URL. The download is written to a private
 * temporary file and parsed in a worker thread like any snapshot file (gzip detected from its bytes), so a
 * large dump neither blocks the event loop nor stays in the main heap; the file is removed afterwards.
 * The date is the dump's own: its newest channel update, else a date in its name, else its Last-Modified.
 */
export class UrlGraphOrigin implements GraphOrigin {
  readonly kind = 'url' as const;
  readonly label = 'graph-url';
  readonly live = true;

  constructor(private readonly client: GraphDownloadClient) {}

  async load(): Promise<LightningGraph> {
    const dump = await this.client.download();
    const dir = await mkdtemp(join(tmpdir(), 'graph-download-'));
    try {
      // The name keeps the URL's file name (its date, its .gz); the loader reads the content, not the suffix.
      const path = join(dir, dump.name.replace(/[^\w.-]/g, '_') || 'graph.json');
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- a file in our own fresh mkdtemp directory, name sanitised above
      await writeFile(path, dump.bytes, { mode: 0o600 });
      const when = dump.lastModified ?? new Date();
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- the same temporary file
      await utimes(path, when, when);
      return await loadGraphInWorker({ path });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
