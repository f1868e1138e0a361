import { createHash } from 'node:crypto';
import { ClnApi } from '../../clients/cln/cln.types';
import { GraphFormatError } from '../loaders/graph-format.error';
import { loadListChannels } from '../loaders/listchannels.loader';
import { LightningGraph } from '../model/lightning-graph';
import { GraphOrigin } from './graph-origin';

/** The live graph of the operator's Core Lightning (`listchannels` + `listnodes` over clnrest), dated by the moment it was read. */
export class ClnGraphOrigin implements GraphOrigin {
  readonly kind = 'cln' as const;
  readonly label = 'cln-graph';
  readonly live = true;

  constructor(private readonly cln: ClnApi) {}

  /** Each entry is validated by the client; an empty channel list (gossip not synced yet) is refused rather than swapped in. */
  async load(): Promise<LightningGraph> {
    const { channels, nodes } = await this.cln.graph();
    if (channels.length === 0) throw new GraphFormatError('cln-listchannels', 'Core Lightning returned no channels (gossip not synced yet?)');
    const h = createHash('sha256').update(`${nodes.length}:${channels.length}`);
    for (const c of channels) h.update(`${c.short_channel_id}:${c.source}:${c.last_update ?? 0};`);
    const now = new Date();
    return loadListChannels({ name: 'cln-listchannels', version: h.digest('hex').slice(0, 16), json: { channels, nodes }, mtime: now, liveAt: now });
  }
}
