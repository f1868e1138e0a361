import { mapNodeInfoWithChannels } from '../../clients/lnd/lnd.mapper';
import type { LndNodeInfoWire } from '../../clients/lnd/lnd.wire';
import type { MempoolApi, MempoolChannel, MempoolChannelList, MempoolNodeDetails } from '../../clients/mempool/mempool.types';
import { CHAN_1ML, CHAN_ACINQ, LND_1ML, LND_ACINQ, LND_EDGES, LND_NODES, LND_OWN } from '../../../test/doubles/lnd.double';
import { liveNodeFromLnd } from './lnd-live-node.source';
import { liveNodeFromMempool, MEMPOOL_MAX_CHANNEL_PAGES, MempoolLiveNodeSource } from './mempool-live-node.source';

const MEMPOOL_NODE: MempoolNodeDetails = {
  pubkey: LND_OWN, alias: 'fresh', color: '#68f442', firstSeen: 1, updatedAt: 1_760_000_000, sockets: [], activeChannelCount: 2, capacitySat: 3_000_000,
  openedChannelCount: 3, closedChannelCount: 1, asNumber: null, asOrganization: null, isoCode: null, country: null, city: null,
};
const channel = (id: string, status: MempoolChannel['status'], capacitySat: number, feeRatePpm: number, peer: string): MempoolChannel => ({
  id, shortId: `800000x${id}x0`, status, capacitySat, feeRatePpm, closingDate: null, closingReason: null, peer: { pubkey: peer, alias: '', channelCount: 1, capacitySat: 1 },
});

describe('LND getnodeinfo (include_channels) as a live node', () => {
  const wire: LndNodeInfoWire = { node: LND_NODES[0], num_channels: 2, total_capacity: '7000000', channels: LND_EDGES };
  const node = liveNodeFromLnd(mapNodeInfoWithChannels(wire));

  it('takes the node’s own policy from whichever side it is on, and the peer’s from the other', () => {
    expect(node).toMatchObject({ pubkey: LND_OWN, alias: 'my-node', color: '#3399ff', complete: true, reportsPeerPolicies: true, updatedAt: 1732440000 });
    const [acinq, oneMl] = node.channels;
    // LND_OWN is node1 of the ACINQ channel (ACINQ never sent a policy) and node2 of the 1ML one.
    expect(acinq).toMatchObject({ peerPubkey: LND_ACINQ, capacitySat: 5_000_000, channelId: CHAN_ACINQ, shortChannelId: '790873x1120x1', active: true, peerPolicy: null });
    expect(acinq.policy).toEqual({ feeRatePpm: 100, baseFeeMsat: 1000, cltvDelta: 80, minHtlcMsat: 1000, maxHtlcMsat: 4_950_000_000, disabled: false, inboundBaseFeeMsat: 0, inboundFeeRatePpm: 0, lastUpdate: 1732440000 });
    expect(oneMl).toMatchObject({ peerPubkey: LND_1ML, channelId: CHAN_1ML, shortChannelId: '812345x2011x0' });
    expect(oneMl.policy).toMatchObject({ feeRatePpm: 50, baseFeeMsat: 1000 });
    expect(oneMl.peerPolicy).toMatchObject({ feeRatePpm: 250, baseFeeMsat: 0 });
  });

  it('a channel with no enabled direction is inactive', () => {
    const off = { ...LND_EDGES[1], node1_policy: { ...LND_EDGES[1].node1_policy!, disabled: true }, node2_policy: null };
    const n = liveNodeFromLnd(mapNodeInfoWithChannels({ ...wire, channels: [off] }));
    expect(n.channels[0]).toMatchObject({ active: false, policy: null });
    expect(n.channels[0].peerPolicy?.disabled).toBe(true);
  });
});

describe('mempool node and channel list as a live node', () => {
  it('keeps open channels, the node’s fee rate, and null for what mempool does not report', () => {
    const n = liveNodeFromMempool(MEMPOOL_NODE, [channel('1', 'active', 2_000_000, 15, LND_ACINQ), channel('2', 'inactive', 1_000_000, 0, LND_1ML), channel('3', 'closed', 5_000_000, 1, LND_1ML)], true);
    expect(n).toMatchObject({ pubkey: LND_OWN, alias: 'fresh', color: '#68f442', updatedAt: 1_760_000_000, complete: true, reportsPeerPolicies: false });
    expect(n.channels.map((c) => [c.channelId, c.active])).toEqual([
      ['1', true],
      ['2', false],
    ]);
    expect(n.channels[0].policy).toEqual({ feeRatePpm: 15, baseFeeMsat: null, cltvDelta: null, minHtlcMsat: null, maxHtlcMsat: null, disabled: null, inboundBaseFeeMsat: null, inboundFeeRatePpm: null, lastUpdate: null });
    expect(n.channels[0]).toMatchObject({ shortChannelId: '800000x1x0', peerPolicy: null, peerAlias: null });
  });

  it('asks for every page and reports unknown nodes as null without listing channels', async () => {
    const calls: Array<{ pubkey: string; maxPages?: number }> = [];
    const api = {
      configured: true,
      getNode: async (pk: string) => (pk === LND_OWN ? MEMPOOL_NODE : null),
      getChannels: async (pk: string, opts?: { maxPages?: number }): Promise<MempoolChannelList> => {
        calls.push({ pubkey: pk, maxPages: opts?.maxPages });
        return { channels: [channel('1', 'active', 2_000_000, 15, LND_ACINQ)], total: 25, complete: false };
      },
    } as unknown as MempoolApi;
    const source = new MempoolLiveNodeSource(api);
    expect(await source.lookup(LND_ACINQ)).toBeNull();
    expect(calls).toEqual([]);
    const n = await source.lookup(LND_OWN);
    expect(calls).toEqual([{ pubkey: LND_OWN, maxPages: MEMPOOL_MAX_CHANNEL_PAGES }]);
    expect(n?.complete).toBe(false);
  });
});
