import { MalformedResponseError } from '../common/malformed-response.error';
import { checkDescribeGraph, isLndAuthFailure, mapForwardingHistory, mapGetInfo } from './lnd.mapper';

const OWN = '02778f4a4eb3a2344b9fd8ee72e7ec5f03f803e5f5273e2e1a2af508910cf2b12b';

describe('LND mapping', () => {
  it('takes the network from chains[0] and tolerates an empty chain list', () => {
    const base = { identity_pubkey: OWN, alias: 'a', color: '#000000', version: 'v', num_active_channels: 0, num_inactive_channels: 0, num_pending_channels: 0, num_peers: 0, block_height: 1, synced_to_chain: true, synced_to_graph: false, uris: [] };
    expect(mapGetInfo({ ...base, chains: [{ chain: 'bitcoin', network: 'signet' }] }).network).toBe('signet');
    expect(mapGetInfo({ ...base, chains: [] }).network).toBeNull();
  });

  it('dates forwards from timestamp_ns exactly (beyond 2^53), else from timestamp', () => {
    const ev = { chan_id_in: '1', chan_id_out: '2', amt_in_msat: '1001', amt_out_msat: '1000', fee_msat: '1' };
    const r = mapForwardingHistory({ forwarding_events: [{ ...ev, timestamp: '1', timestamp_ns: '1732400000999999999' }, { ...ev, timestamp: '1732400001', timestamp_ns: '0' }], last_offset_index: 2 });
    expect(r.events.map((e) => e.timestamp)).toEqual([1732400000, 1732400001]);
    expect(r.lastOffsetIndex).toBe(2);
  });

  it('refuses a graph that is not describegraph output', () => {
    expect(() => checkDescribeGraph({ channels: [] })).toThrow(MalformedResponseError);
    expect(checkDescribeGraph({ nodes: [], edges: [] })).toEqual({ nodes: [], edges: [] });
  });

  it('recognises macaroon refusals, which LND sends as HTTP 500', () => {
    expect(isLndAuthFailure(500, 'expected 1 macaroon, got 0')).toBe(true);
    expect(isLndAuthFailure(500, 'verification failed: signature mismatch after caveat verification')).toBe(true);
    expect(isLndAuthFailure(500, 'unable to find node')).toBe(false);
    expect(isLndAuthFailure(404, 'macaroon')).toBe(false);
  });
});
