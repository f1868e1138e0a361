import { isNodePubkey } from '../../common/validation/pubkey';
import { GraphBuilder } from '../model/graph-builder';
import { LightningGraph } from '../model/lightning-graph';
import { isScid } from '../model/short-channel-id';
import { GraphFormatError } from './graph-format.error';
import { SnapshotFile, snapshotDate } from './snapshot-file';
import { toNumber } from './wire-number';

/** CLN `lightning-cli listchannels`: one entry per direction. Older releases add `satoshis`. */
export interface ListChannelsJson {
  channels: Array<{
    source: string;
    destination: string;
    short_channel_id: string;
    satoshis?: number;
    amount_msat?: number | string;
    active: boolean;
    last_update?: number;
    base_fee_millisatoshi: number;
    fee_per_millionth: number;
    delay: number;
    htlc_minimum_msat?: number | string;
    htlc_maximum_msat?: number | string;
  }>;
  /** Optional `lightning-cli listnodes` output merged into the same file. */
  nodes?: ListNodesJson['nodes'];
}

/** CLN `lightning-cli listnodes`. */
export interface ListNodesJson {
  nodes: Array<{ nodeid: string; alias?: string; color?: string; features?: string; last_timestamp?: number }>;
}

export function isListChannels(json: unknown): json is ListChannelsJson {
  const j = json as ListChannelsJson;
  return !!j && Array.isArray(j.channels) && (j.channels.length === 0 || 'source' in (j.channels[0] ?? {}));
}

export function isListNodes(json: unknown): json is ListNodesJson {
  const j = json as ListNodesJson;
  return !!j && Array.isArray(j.nodes) && (j.nodes.length === 0 || 'nodeid' in (j.nodes[0] ?? {}));
}

export function loadListChannels(file: SnapshotFile, listnodes?: SnapshotFile): LightningGraph {
  const json = file.json as ListChannelsJson;
  const b = new GraphBuilder();
  let maxUpdate = 0;
  const nodes = listnodes ? listnodesOf(listnodes) : (json.nodes ?? []);
  nodes.forEach((n, i) => {
    if (!isNodePubkey(n?.nodeid)) throw new GraphFormatError(listnodes?.name ?? file.name, `nodes[${i}].nodeid is not a node pubkey`);
    // CLN writes features as a hex bitfield; we keep it under its own name rather than invent LND's map.
    b.node(n.nodeid, { alias: n.alias ?? null, color: n.color ? `#${n.color.replace(/^#/, '')}` : null, features: n.features !== undefined ? { hex: n.features } : null });
  });
  json.channels.forEach((ch, i) => {
    if (!isNodePubkey(ch?.source) || !isNodePubkey(ch.destination)) {
      throw new GraphFormatError(file.name, `channels[${i}] has no valid source/destination`);
    }
    if (typeof ch.short_channel_id !== 'string' || !isScid(ch.short_channel_id)) {
      throw new GraphFormatError(file.name, `channels[${i}].short_channel_id is missing or malformed`);
    }
    const capMsat = toNumber(ch.amount_msat);
    const capacity = typeof ch.satoshis === 'number' ? ch.satoshis : capMsat !== null ? Math.floor(capMsat / 1000) : null;
    if (capacity === null) throw new GraphFormatError(file.name, `channels[${i}] has neither satoshis nor amount_msat`);
    const c = b.channel(ch.short_channel_id, ch.source, ch.destination, capacity, ch.short_channel_id, null);
    const lastUpdate = ch.last_update ?? null;
    if (lastUpdate) maxUpdate = Math.max(maxUpdate, lastUpdate);
    b.policy(c, ch.source, {
      disabled: ch.active === false,
      feeBaseMsat: ch.base_fee_millisatoshi,
      feeRatePpm: ch.fee_per_millionth,
      cltvDelta: ch.delay,
      minHtlcMsat: toNumber(ch.htlc_minimum_msat),
      maxHtlcMsat: toNumber(ch.htlc_maximum_msat),
      lastUpdate,
    });
  });
  const { date, source } = snapshotDate(maxUpdate, file);
  return b.build({ format: 'cln-listchannels', snapshotDate: date, snapshotDateSource: source, sourceFile: file.name, version: file.version });
}

function listnodesOf(file: SnapshotFile): ListNodesJson['nodes'] {
  if (!isListNodes(file.json)) throw new GraphFormatError(file.name, 'is not CLN listnodes output ({"nodes":[{"nodeid",...}]})');
  return file.json.nodes;
}
