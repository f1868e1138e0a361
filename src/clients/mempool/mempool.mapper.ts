import { Json, arr, num, numeric, obj, optNum, optStr, pubkey, str } from '../common/wire';
import { MalformedResponseError } from '../common/malformed-response.error';
import type { MempoolChannel, MempoolNetworkStats, MempoolNetworkStatsRow, MempoolNodeDetails } from './mempool.types';

/** Channels per page of `GET /v1/lightning/channels` (fixed in the backend). */
export const MEMPOOL_CHANNEL_PAGE_SIZE = 10;

const localised = (v: Json): string | null => {
  if (v === null || v === undefined || typeof v !== 'object') return null;
  const en = (v as Record<string, unknown>).en;
  return typeof en === 'string' ? en : null;
};

export function mapMempoolNode(json: Json): MempoolNodeDetails {
  const n = obj(json, 'node');
  const sockets = optStr(n.sockets, 'node.sockets');
  return {
    pubkey: pubkey(n.public_key, 'node.public_key'),
    alias: optStr(n.alias, 'node.alias') ?? '',
    color: optStr(n.color, 'node.color') ?? '',
    firstSeen: num(n.first_seen, 'node.first_seen'),
    updatedAt: num(n.updated_at, 'node.updated_at'),
    sockets: sockets ? sockets.split(',').map((s) => s.trim()).filter(Boolean) : [],
    activeChannelCount: num(n.active_channel_count, 'node.active_channel_count'),
    capacitySat: numeric(n.capacity, 'node.capacity'),
    openedChannelCount: num(n.opened_channel_count, 'node.opened_channel_count'),
    closedChannelCount: num(n.closed_channel_count, 'node.closed_channel_count'),
    asNumber: optNum(n.as_number, 'node.as_number'),
    asOrganization: optStr(n.as_organization, 'node.as_organization'),
    isoCode: optStr(n.iso_code, 'node.iso_code'),
    country: localised(n.country),
    city: localised(n.city),
  };
}

const STATUS: Record<number, MempoolChannel['status']> = { 0: 'inactive', 1: 'active', 2: 'closed' };

export function mapMempoolChannels(json: Json): MempoolChannel[] {
  return arr(json, 'channels').map((raw, i) => {
    const w = `channels[${i}]`;
    const c = obj(raw, w);
    const status = STATUS[num(c.status, `${w}.status`)];
    if (!status) throw new MalformedResponseError(`${w}.status`, '0, 1 or 2');
    const peer = obj(c.node, `${w}.node`);
    return {
      id: str(c.id, `${w}.id`),
      shortId: str(c.short_id, `${w}.short_id`),
      status,
      capacitySat: numeric(c.capacity, `${w}.capacity`),
      feeRatePpm: num(c.fee_rate, `${w}.fee_rate`),
      closingDate: optNum(c.closing_date, `${w}.closing_date`),
      closingReason: optNum(c.closing_reason, `${w}.closing_reason`),
      peer: {
        pubkey: pubkey(peer.public_key, `${w}.node.public_key`),
        alias: optStr(peer.alias, `${w}.node.alias`) ?? '',
        channelCount: optNum(peer.channels, `${w}.node.channels`) ?? 0,
        capacitySat: peer.capacity === null || peer.capacity === undefined ? 0 : numeric(peer.capacity, `${w}.node.capacity`),
      },
    };
  });
}

function statsRow(json: Json, w: string): MempoolNetworkStatsRow {
  const s = obj(json, w);
  return {
    added: str(s.added, `${w}.added`),
    nodeCount: num(s.node_count, `${w}.node_count`),
    channelCount: num(s.channel_count, `${w}.channel_count`),
    totalCapacitySat: numeric(s.total_capacity, `${w}.total_capacity`),
    torNodes: num(s.tor_nodes, `${w}.tor_nodes`),
    clearnetNodes: num(s.clearnet_nodes, `${w}.clearnet_nodes`),
    unannouncedNodes: num(s.unannounced_nodes, `${w}.unannounced_nodes`),
    clearnetTorNodes: num(s.clearnet_tor_nodes, `${w}.clearnet_tor_nodes`),
    avgCapacitySat: numeric(s.avg_capacity, `${w}.avg_capacity`),
    avgFeeRatePpm: numeric(s.avg_fee_rate, `${w}.avg_fee_rate`),
    avgBaseFeeMsat: numeric(s.avg_base_fee_mtokens, `${w}.avg_base_fee_mtokens`),
    medCapacitySat: numeric(s.med_capacity, `${w}.med_capacity`),
    medFeeRatePpm: numeric(s.med_fee_rate, `${w}.med_fee_rate`),
    medBaseFeeMsat: numeric(s.med_base_fee_mtokens, `${w}.med_base_fee_mtokens`),
  };
}

export function mapMempoolStats(json: Json): MempoolNetworkStats {
  const o = obj(json, 'statistics');
  return {
    latest: statsRow(o.latest, 'latest'),
    previous: o.previous === undefined || o.previous === null ? null : statsRow(o.previous, 'previous'),
  };
}

/** The X-Total-Count header as a count, or null when absent or unreadable. */
export function totalCount(header: string | undefined): number | null {
  return header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : null;
}
