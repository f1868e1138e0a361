import { MalformedResponseError } from '../common/malformed-response.error';
import { checkListChannels, checkListNodes, mapForwards, mapGetInfo, mapGossipNode, mapPeerChannels, msat } from './cln.mapper';

const OWN = '033845802d25b4e074ccfd7cd8b339a41dc75bf9978a034800444b51d42b07799a';
const PEER = '038194b5f32bdf0aa59812c86c4ef7ad2f294104fa027d1ace9b469bb6f88cf37b';

describe('Core Lightning mapping', () => {
  it('reads msat as integers, and the pre-v23.05 "<n>msat" strings; refuses anything else', () => {
    expect(msat(1000, 'x')).toBe(1000);
    expect(msat('1000msat', 'x')).toBe(1000);
    expect(msat('42', 'x')).toBe(42);
    for (const bad of [-1, 1.5, '1 BTC', '', null, 2 ** 53, 'msat']) expect(() => msat(bad, 'x')).toThrow(MalformedResponseError);
  });

  it('getinfo: the schema example (colour without #, msat fees)', () => {
    const ex = { id: OWN, alias: 'SILENTARTIST-v26.09', color: '033845', num_peers: 0, num_pending_channels: 0, num_active_channels: 0, num_inactive_channels: 0, address: [], binding: [], version: 'v26.09', blockheight: 114, network: 'regtest', fees_collected_msat: 0, 'lightning-dir': '/x', our_features: {} };
    expect(mapGetInfo(ex)).toMatchObject({ identityPubkey: OWN, color: '#033845', network: 'regtest', blockHeight: 114, feesCollectedMsat: 0 });
    expect(() => mapGetInfo({ ...ex, id: 'nope' })).toThrow(/getinfo.id/);
  });

  it('listpeerchannels: the schema example; floors msat to sat; leaves out channels that are not open', () => {
    const ch = { peer_id: PEER, peer_connected: true, state: 'CHANNELD_NORMAL', short_channel_id: '116x1x1', direction: 0, channel_id: '2c'.repeat(32), funding_txid: '69'.repeat(32), funding_outnum: 1, private: false, opener: 'remote', to_us_msat: 609507210, total_msat: 1000000000, fee_base_msat: 1, fee_proportional_millionths: 10 };
    const [c, ...rest] = mapPeerChannels({ channels: [ch, { ...ch, state: 'ONCHAIN' }, { ...ch, state: 'CHANNELD_AWAITING_LOCKIN', short_channel_id: undefined }] });
    expect(rest).toEqual([]);
    expect(c).toEqual({
      chanId: '116x1x1', shortChannelId: '116x1x1', channelPoint: `${'69'.repeat(32)}:1`, remotePubkey: PEER, capacitySat: 1_000_000, localBalanceSat: 609_507, remoteBalanceSat: 390_492,
      active: true, state: 'CHANNELD_NORMAL', peerConnected: true, private: false, feeBaseMsat: 1, feeRatePpm: 10,
    });
    expect(() => mapPeerChannels({ channels: [{ ...ch, to_us_msat: 2_000_000_000 }] })).toThrow(/to_us_msat/);
    expect(() => mapPeerChannels({ channels: [{ ...ch, short_channel_id: '116:1:1' }] })).toThrow(/short_channel_id/);
  });

  it('listpeerchannels: our fees from updates.local (v24.02+) when the top-level fields are absent; none when neither is there', () => {
    const { fee_base_msat: _b, fee_proportional_millionths: _p, ...bare } = { peer_id: PEER, peer_connected: true, state: 'CHANNELD_NORMAL', short_channel_id: '116x1x1', channel_id: '2c'.repeat(32), to_us_msat: 1, total_msat: 1000000000, fee_base_msat: 1, fee_proportional_millionths: 10 };
    const updates = { local: { htlc_minimum_msat: 0, htlc_maximum_msat: 990000000, cltv_expiry_delta: 6, fee_base_msat: 0, fee_proportional_millionths: 420 }, remote: { htlc_minimum_msat: 0, htlc_maximum_msat: 990000000, cltv_expiry_delta: 6, fee_base_msat: 1, fee_proportional_millionths: 10 } };
    expect(mapPeerChannels({ channels: [{ ...bare, updates }] })[0]).toMatchObject({ feeBaseMsat: 0, feeRatePpm: 420 });
    expect(mapPeerChannels({ channels: [bare] })[0]).toMatchObject({ feeBaseMsat: null, feeRatePpm: null });
    expect(() => mapPeerChannels({ channels: [{ ...bare, updates: { local: { ...updates.local, fee_proportional_millionths: 'x' } } }] })).toThrow(/updates.local.fee_proportional_millionths/);
  });

  it('listforwards: the schema example; a non-settled forward in a settled query is malformed', () => {
    const f = { created_index: 12, updated_index: 7, in_channel: '116x1x1', in_htlc_id: 19, out_channel: '130x1x0', out_htlc_id: 2, in_msat: 50000501, out_msat: 50000000, fee_msat: 501, status: 'settled', style: 'tlv', received_time: 1738000000.0, resolved_time: 1738000000.0 };
    expect(mapForwards({ forwards: [f] })).toEqual([{ createdIndex: 12, inChannel: '116x1x1', outChannel: '130x1x0', inMsat: 50000501, outMsat: 50000000, feeMsat: 501, receivedTime: 1738000000, resolvedTime: 1738000000 }]);
    expect(() => mapForwards({ forwards: [{ ...f, status: 'failed' }] })).toThrow(/status/);
    expect(() => mapForwards({ forwards: [{ ...f, created_index: undefined }] })).toThrow(/created_index/);
  });

  it('listchannels / listnodes: checked entry by entry before the loader sees them', () => {
    const c = { source: OWN, destination: PEER, short_channel_id: '116x1x1', direction: 0, public: true, amount_msat: 1000000000, message_flags: 1, channel_flags: 0, active: true, last_update: 1738000001, base_fee_millisatoshi: 1, fee_per_millionth: 10, delay: 6, htlc_minimum_msat: 0, htlc_maximum_msat: 990000000, features: '' };
    expect(checkListChannels({ channels: [c] })).toEqual([
      { source: OWN, destination: PEER, short_channel_id: '116x1x1', amount_msat: 1000000000, active: true, last_update: 1738000001, base_fee_millisatoshi: 1, fee_per_millionth: 10, delay: 6, htlc_minimum_msat: 0, htlc_maximum_msat: 990000000 },
    ]);
    expect(() => checkListChannels({ channels: [{ ...c, fee_per_millionth: '10' }] })).toThrow(/fee_per_millionth/);
    expect(() => checkListChannels({ edges: [] })).toThrow(/listchannels.channels/);
    expect(checkListNodes({ nodes: [{ nodeid: PEER }] })).toEqual([{ nodeid: PEER, alias: undefined, color: undefined, features: undefined, last_timestamp: undefined }]);
    expect(() => checkListNodes({ nodes: [{ nodeid: 'x' }] })).toThrow(/nodes\[0\].nodeid/);
  });

  it('one node from listnodes, or null for an empty list', () => {
    expect(mapGossipNode({ nodes: [] })).toBeNull();
    expect(mapGossipNode({ nodes: [{ nodeid: PEER, alias: 'p', color: 'aabbcc', last_timestamp: 5, addresses: [{ type: 'ipv4', address: '1.2.3.4', port: 9735 }, { type: 'torv3', address: 'abc.onion', port: 9735 }] }] })).toEqual({
      pubkey: PEER, alias: 'p', color: '#aabbcc', lastTimestamp: 5, addresses: ['1.2.3.4:9735', 'abc.onion:9735'],
    });
  });
});
