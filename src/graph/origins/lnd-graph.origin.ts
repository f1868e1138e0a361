import { createHash } from 'node:crypto';
import { LndApi } from '../../clients/lnd/lnd.types';
import { DescribeGraphJson, loadDescribeGraph } from '../loaders/describegraph.loader';
import { LightningGraph } from '../model/lightning-graph';
import { GraphOrigin } from './graph-origin';

/** The live graph of the operator's LND (`GET /v1/graph`), dated by the moment it was read. */
export class LndGraphOrigin implements GraphOrigin {
  readonly kind = 'lnd' as const;
  readonly label = 'lnd-graph';
  readonly live = true;

  constructor(private readonly lnd: LndApi) {}

  async load(): Promise<LightningGraph> {
    const json: DescribeGraphJson = await this.lnd.describeGraph();
    // A content version without hashing tens of MB: channel ids and their update times identify the graph.
    const h = createHash('sha256').update(`${json.nodes.length}:${json.edges.length}`);
    for (const e of json.edges) h.update(`${e.channel_id}:${e.node1_policy?.last_update ?? 0}:${e.node2_policy?.last_update ?? 0};`);
    const now = new Date();
    return loadDescribeGraph({ name: 'lnd-describegraph', version: h.digest('hex').slice(0, 16), json, mtime: now, liveAt: now });
  }
}
