import type { ListChannelsJson, ListNodesJson } from '../../graph/loaders/listchannels.loader';
import { isScid } from '../../graph/model/short-channel-id';
import { MalformedResponseError } from '../common/malformed-response.error';
import { Json, arr, bool, num, obj, optNum, optObj, optStr, pubkey, str } from '../common/wire';
import type { ClnForward, ClnGossipChannel, ClnGossipNode, ClnNodeInfo, ClnPeerChannel } from './cln.types';

/**
 * An msat amount as clnrest writes it: a JSON integer (v23.05+), or `"1000msat"` from older nodes. Never a
 * guess: anything else, or beyond 2^53, is malformed.
 */
export function msat(v: Json, where: string): number {
  let n: number | null = null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\d+(msat)?$/.test(v)) n = Number(v.replace('msat', ''));
  if (n === null || !Number.isSafeInteger(n) || n < 0) throw new MalformedResponseError(where, 'an msat amount (integer, or "<n>msat")');
  return n;
}

const optMsat = (v: Json, where: string): number | null => (v === undefined || v === null ? null : msat(v, where));

function scid(v: Json, where: string): string {
  const s = str(v, where);
  if (!isScid(s)) throw new MalformedResponseError(where, 'a short channel id BLOCKxTXxOUT');
  return s;
}

/** CLN colours are hex without `#`. */
const colour = (hex: string): string => `#${hex.replace(/^#/, '')}`;

export function mapGetInfo(json: Json): ClnNodeInfo {
  const o = obj(json, 'getinfo');
  return {
    identityPubkey: pubkey(o.id, 'getinfo.id'),
    alias: str(o.alias ?? '', 'getinfo.alias'),
    color: colour(str(o.color, 'getinfo.color')),
    version: str(o.version, 'getinfo.version'),
    network: str(o.network, 'getinfo.network'),
    blockHeight: num(o.blockheight, 'getinfo.blockheight'),
    numPeers: num(o.num_peers, 'getinfo.num_peers'),
    numActiveChannels: num(o.num_active_channels, 'getinfo.num_active_channels'),
    numInactiveChannels: num(o.num_inactive_channels, 'getinfo.num_inactive_channels'),
    numPendingChannels: num(o.num_pending_channels, 'getinfo.num_pending_channels'),
    feesCollectedMsat: msat(o.fees_collected_msat, 'getinfo.fees_collected_msat'),
  };
}

/** Channel states that still hold funds in an open channel (others are opening or closing). */
const OPEN_STATES = new Set(['CHANNELD_NORMAL', 'CHANNELD_AWAITING_SPLICE']);

export function mapPeerChannels(json: Json): ClnPeerChannel[] {
  const o = obj(json, 'listpeerchannels');
  const out: ClnPeerChannel[] = [];
  arr(o.channels, 'listpeerchannels.channels').forEach((raw, i) => {
    const w = `channels[${i}]`;
    const c = obj(raw, w);
    const state = str(c.state, `${w}.state`);
    if (!OPEN_STATES.has(state)) return;
    const totalMsat = msat(c.total_msat, `${w}.total_msat`);
    const toUsMsat = msat(c.to_us_msat, `${w}.to_us_msat`);
    if (toUsMsat > totalMsat) throw new MalformedResponseError(`${w}.to_us_msat`, 'at most total_msat');
    const shortChannelId = c.short_channel_id === undefined ? null : scid(c.short_channel_id, `${w}.short_channel_id`);
    const txid = optStr(c.funding_txid, `${w}.funding_txid`);
    const outnum = optNum(c.funding_outnum, `${w}.funding_outnum`);
    const peerConnected = bool(c.peer_connected, `${w}.peer_connected`);
    // Our policy: the top-level fields, else `updates.local` (v24.02+), which carries the same values.
    const localObj = optObj(optObj(c.updates, `${w}.updates`)?.local, `${w}.updates.local`);
    out.push({
      // listforwards names channels by short channel id; before confirmation only the channel_id exists.
      chanId: shortChannelId ?? str(c.channel_id, `${w}.channel_id`),
      shortChannelId,
      channelPoint: txid && outnum !== null ? `${txid}:${outnum}` : null,
      remotePubkey: pubkey(c.peer_id, `${w}.peer_id`),
      capacitySat: Math.floor(totalMsat / 1000),
      localBalanceSat: Math.floor(toUsMsat / 1000),
      remoteBalanceSat: Math.floor((totalMsat - toUsMsat) / 1000),
      active: peerConnected && state === 'CHANNELD_NORMAL',
      state,
      peerConnected,
      private: c.private === undefined ? false : bool(c.private, `${w}.private`),
      feeBaseMsat: optMsat(c.fee_base_msat, `${w}.fee_base_msat`) ?? (localObj ? optMsat(localObj.fee_base_msat, `${w}.updates.local.fee_base_msat`) : null),
      feeRatePpm: optNum(c.fee_proportional_millionths, `${w}.fee_proportional_millionths`) ?? (localObj ? optNum(localObj.fee_proportional_millionths, `${w}.updates.local.fee_proportional_millionths`) : null),
    });
  });
  return out;
}

export function mapForwards(json: Json): ClnForward[] {
  const o = obj(json, 'listforwards');
  return arr(o.forwards, 'listforwards.forwards').map((raw, i) => {
    const w = `forwards[${i}]`;
    const f = obj(raw, w);
    const status = str(f.status, `${w}.status`);
    if (status !== 'settled') throw new MalformedResponseError(`${w}.status`, '"settled" (the status asked for)');
    const outChannel = f.out_channel === undefined ? null : scid(f.out_channel, `${w}.out_channel`);
    return {
      // Present since v23.11, which is also when `index`/`start`/`limit` paging appeared.
      createdIndex: num(f.created_index, `${w}.created_index`),
      inChannel: scid(f.in_channel, `${w}.in_channel`),
      outChannel,
      inMsat: msat(f.in_msat, `${w}.in_msat`),
      outMsat: optMsat(f.out_msat, `${w}.out_msat`),
      feeMsat: msat(f.fee_msat, `${w}.fee_msat`),
      receivedTime: num(f.received_time, `${w}.received_time`),
      resolvedTime: optNum(f.resolved_time, `${w}.resolved_time`),
    };
  });
}

/**
 * `listchannels` checked entry by entry (pubkeys, short channel id, numbers) before the graph loader sees it:
 * a corrupt answer fails here, as `malformed`, and the current graph stays.
 */
export function checkListChannels(json: Json): ListChannelsJson['channels'] {
  const o = obj(json, 'listchannels');
  return arr(o.channels, 'listchannels.channels').map((raw, i) => {
    const w = `channels[${i}]`;
    const c = obj(raw, w);
    return {
      source: pubkey(c.source, `${w}.source`),
      destination: pubkey(c.destination, `${w}.destination`),
      short_channel_id: scid(c.short_channel_id, `${w}.short_channel_id`),
      amount_msat: msat(c.amount_msat, `${w}.amount_msat`),
      active: bool(c.active, `${w}.active`),
      last_update: num(c.last_update, `${w}.last_update`),
      base_fee_millisatoshi: num(c.base_fee_millisatoshi, `${w}.base_fee_millisatoshi`),
      fee_per_millionth: num(c.fee_per_millionth, `${w}.fee_per_millionth`),
      delay: num(c.delay, `${w}.delay`),
      htlc_minimum_msat: optMsat(c.htlc_minimum_msat, `${w}.htlc_minimum_msat`) ?? undefined,
      htlc_maximum_msat: optMsat(c.htlc_maximum_msat, `${w}.htlc_maximum_msat`) ?? undefined,
    };
  });
}

export function checkListNodes(json: Json): ListNodesJson['nodes'] {
  const o = obj(json, 'listnodes');
  return arr(o.nodes, 'listnodes.nodes').map((raw, i) => {
    const w = `nodes[${i}]`;
    const n = obj(raw, w);
    return {
      nodeid: pubkey(n.nodeid, `${w}.nodeid`),
      alias: optStr(n.alias, `${w}.alias`) ?? undefined,
      color: optStr(n.color, `${w}.color`) ?? undefined,
      features: optStr(n.features, `${w}.features`) ?? undefined,
      last_timestamp: optNum(n.last_timestamp, `${w}.last_timestamp`) ?? undefined,
    };
  });
}

export function mapGossipNode(json: Json): ClnGossipNode | null {
  const o = obj(json, 'listnodes');
  const nodes = arr(o.nodes, 'listnodes.nodes');
  if (nodes.length === 0) return null;
  const n = obj(nodes[0], 'nodes[0]');
  const addresses = arr(n.addresses ?? [], 'nodes[0].addresses').map((a, i) => {
    const x = obj(a, `nodes[0].addresses[${i}]`);
    const host = optStr(x.address, `nodes[0].addresses[${i}].address`);
    const port = optNum(x.port, `nodes[0].addresses[${i}].port`);
    return host ? (port !== null ? `${host}:${port}` : host) : null;
  });
  const color = optStr(n.color, 'nodes[0].color');
  return {
    pubkey: pubkey(n.nodeid, 'nodes[0].nodeid'),
    alias: optStr(n.alias, 'nodes[0].alias'),
    color: color === null ? null : colour(color),
    lastTimestamp: optNum(n.last_timestamp, 'nodes[0].last_timestamp'),
    addresses: addresses.filter((a): a is string => a !== null),
  };
}

export function mapGossipChannels(json: Json): ClnGossipChannel[] {
  return checkListChannels(json).map((c) => ({
    source: c.source,
    destination: c.destination,
    shortChannelId: c.short_channel_id,
    capacitySat: Math.floor((c.amount_msat as number) / 1000),
    active: c.active,
    lastUpdate: c.last_update as number,
    baseFeeMsat: c.base_fee_millisatoshi,
    feeRatePpm: c.fee_per_millionth,
    delay: c.delay,
    htlcMinimumMsat: (c.htlc_minimum_msat as number | undefined) ?? null,
    htlcMaximumMsat: (c.htlc_maximum_msat as number | undefined) ?? null,
  }));
}

