import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PolicyState } from '../model/lightning-graph';
import { loadGraphSnapshot } from './graph-snapshot.loader';

const A = '02' + 'a'.repeat(64);
const B = '03' + 'b'.repeat(64);
const C = '02' + 'c'.repeat(64);
const dir = mkdtempSync(join(tmpdir(), 'loader-'));
const write = (name: string, content: unknown, gzip = false) => {
  const p = join(dir, name);
  const raw = Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
  writeFileSync(p, gzip ? gzipSync(raw) : raw);
  return p;
};
const lndPolicy = (ppm: number, extra: object = {}) => ({ time_lock_delta: 40, min_htlc: '1000', fee_base_msat: '1000', fee_rate_milli_msat: String(ppm), disabled: false, max_htlc_msat: '990000000', last_update: 1700000000, ...extra });

describe('loadGraphSnapshot', () => {
  describe('LND describegraph', () => {
    const file = write(
      'describegraph-2025-01-01.json.gz',
      {
        nodes: [
          { pub_key: A, alias: 'alpha', color: '#3399ff', features: { '9': { name: 'data-loss-protect' } }, last_update: 1700000100 },
          { pub_key: B, alias: 'beta', color: '#000000', features: {} },
        ],
        edges: [
          { channel_id: '869544372847312897', chan_point: 'ab:1', node1_pub: A, node2_pub: B, capacity: '5000000', node1_policy: lndPolicy(100), node2_policy: null },
          { channel_id: '0', chan_point: 'cd:0', node1_pub: A, node2_pub: C, capacity: 1000000, node1_policy: lndPolicy(5, { disabled: true }), node2_policy: lndPolicy(7, { inbound_fee_base_msat: -100, inbound_fee_rate_milli_msat: '-25' }) },
        ],
      },
      true,
    );

    it('reads nodes, channels and per-direction policies with LND field names and string int64s', () => {
      const g = loadGraphSnapshot(file);
      expect(g.meta).toMatchObject({ format: 'lnd-describegraph', snapshotDate: '2023-11-14', snapshotDateSource: 'last_update' });
      expect(g.nodeCount).toBe(3);
      expect(g.channelCount).toBe(2);
      const a = g.indexOf(A);
      expect(g.aliases[a]).toBe('alpha');
      expect(g.colors[a]).toBe('#3399ff');
      expect(g.aliases[g.indexOf(C)]).toBeNull(); // seen only in an edge: nothing invented
      expect(g.chanCapacitySat[0]).toBe(5_000_000);
      expect(g.chanScid[0]).toBe('790846x1025x1');
      expect(g.chanScid[1]).toBeNull();
      expect(g.chanPoint[1]).toBe('cd:0');
      expect(g.policy(g.outboundSlot(0, a))).toMatchObject({ feeRatePpm: 100, feeBaseMsat: 1000, cltvDelta: 40, minHtlcMsat: 1000, maxHtlcMsat: 990000000, disabled: false });
      // Inbound fees (LND 0.18+) where the policy has them, null where it does not.
      expect(g.policy(g.outboundSlot(0, a))).toMatchObject({ inboundFeeBaseMsat: null, inboundFeeRatePpm: null });
      expect(g.policy(g.outboundSlot(1, g.indexOf(C)))).toMatchObject({ inboundFeeBaseMsat: -100, inboundFeeRatePpm: -25 });
      expect(g.policy(g.inboundSlot(0, a))).toBeNull();
      expect(g.policyState[g.outboundSlot(1, a)]).toBe(PolicyState.Disabled);
      expect(g.isUsable(1)).toBe(true); // C's direction is enabled
    });

    it('orders node1/node2 by pubkey whatever the file says', () => {
      const p = write('swapped.json', { nodes: [], edges: [{ channel_id: '1', node1_pub: B, node2_pub: A, capacity: '10', node1_policy: lndPolicy(1), node2_policy: lndPolicy(2) }] });
      const g = loadGraphSnapshot(p);
      expect(g.pubkeys[g.chanNode1[0]]).toBe(A);
      expect(g.policy(g.outboundSlot(0, g.indexOf(B)))?.feeRatePpm).toBe(1);
      expect(g.policy(g.outboundSlot(0, g.indexOf(A)))?.feeRatePpm).toBe(2);
    });

    it('dates a snapshot without timestamps from its file name', () => {
      const p = write('graph_2026-02-03.json', { nodes: [{ pub_key: A, alias: 'x' }], edges: [] });
      expect(loadGraphSnapshot(p).meta).toMatchObject({ snapshotDate: '2026-02-03', snapshotDateSource: 'file_name' });
    });
  });

  describe('CLN listchannels (+ listnodes)', () => {
    const row = (source: string, destination: string, extra: object = {}) => ({
      source, destination, short_channel_id: '700000x10x1', public: true, amount_msat: '2000000000msat', message_flags: 1, channel_flags: 0,
      active: true, last_update: 1618492788, base_fee_millisatoshi: 1000, fee_per_millionth: 10, delay: 144,
      htlc_minimum_msat: '1000msat', htlc_maximum_msat: '1980000000msat', features: '', ...extra,
    });

    it('merges the two direction rows of a channel and reads msat strings', () => {
      const p = write('lc.json', { channels: [row(A, B), row(B, A, { active: false, fee_per_millionth: 99, satoshis: 2_000_000 })] });
      const g = loadGraphSnapshot(p);
      expect(g.meta.format).toBe('cln-listchannels');
      expect(g.channelCount).toBe(1);
      expect(g.chanCapacitySat[0]).toBe(2_000_000);
      expect(g.chanScid[0]).toBe('700000x10x1');
      const a = g.indexOf(A);
      const b = g.indexOf(B);
      expect(g.policy(g.outboundSlot(0, a))).toMatchObject({ feeRatePpm: 10, cltvDelta: 144, minHtlcMsat: 1000, maxHtlcMsat: 1980000000, lastUpdate: 1618492788, disabled: false });
      expect(g.policy(g.outboundSlot(0, b))).toMatchObject({ feeRatePpm: 99, disabled: true });
    });

    it('takes aliases and colours from a listnodes file', () => {
      const p = write('lc2.json', { channels: [row(A, B)] });
      const n = write('ln.json', { nodes: [{ nodeid: A, alias: 'alpha', color: '3399ff', features: '0800', last_timestamp: 1 }] });
      const g = loadGraphSnapshot(p, n);
      expect(g.aliases[g.indexOf(A)]).toBe('alpha');
      expect(g.colors[g.indexOf(A)]).toBe('#3399ff');
      expect(g.features[g.indexOf(A)]).toEqual({ hex: '0800' });
      expect(g.aliases[g.indexOf(B)]).toBeNull();
    });

    it('refuses a row without a short channel id', () => {
      const p = write('lc3.json', { channels: [row(A, B, { short_channel_id: 'x' })] });
      expect(() => loadGraphSnapshot(p)).toThrow(/channels\[0\].short_channel_id is missing or malformed/);
    });
  });

  describe('bad files fail with a message naming the file and the problem', () => {
    it.each([
      ['missing', () => join(dir, 'nope.json'), /nope.json: cannot be read \(ENOENT\)/],
      ['not JSON', () => write('bad.json', '{"nodes":'), /bad.json: is not valid JSON/],
      ['truncated gzip', () => { const p = join(dir, 't.json.gz'); writeFileSync(p, gzipSync(Buffer.from('{"a":1}')).subarray(0, 12)); return p; }, /t.json.gz: looks gzipped but does not decompress/],
      ['unknown shape (BDL graph)', () => write('bdl.json', { nodes: [{ id: '1', pub_key: A }], edges: [{ id: '1-2', source: '1', target: '2' }] }), /unknown format/],
      ['bad pubkey', () => write('pk.json', { nodes: [{ pub_key: 'zz' }], edges: [] }), /nodes\[0\].pub_key is not a node pubkey/],
      ['bad capacity', () => write('cap.json', { nodes: [], edges: [{ node1_pub: A, node2_pub: B, capacity: 'lots', node1_policy: null, node2_policy: null }] }), /edges\[0\].capacity/],
    ])('%s', (_name, file, message) => {
      expect(() => loadGraphSnapshot(file())).toThrow(message);
    });
  });
});
