import type { ClnApi, ClnPeerChannel } from '../../clients/cln/cln.types';
import { ClnOwnNodeProvider } from './cln-own-node.provider';

const PEER = '038194b5f32bdf0aa59812c86c4ef7ad2f294104fa027d1ace9b469bb6f88cf37b';

function channel(scid: string, fees: { base: number | null; ppm: number | null }): ClnPeerChannel {
  return {
    chanId: scid, shortChannelId: scid, channelPoint: null, remotePubkey: PEER, capacitySat: 1_000_000, localBalanceSat: 400_000, remoteBalanceSat: 600_000,
    active: true, state: 'CHANNELD_NORMAL', peerConnected: true, private: false, feeBaseMsat: fees.base, feeRatePpm: fees.ppm,
  };
}

describe('Core Lightning own node', () => {
  it('takes the channels’ current fees from listpeerchannels (no inbound fees: Core Lightning has none), for the channels that report them', async () => {
    const api = {
      configured: true,
      listPeerChannels: async () => [channel('100x1x0', { base: 0, ppm: 420 }), channel('100x2x0', { base: null, ppm: null })],
      forwardingSummary24h: async () => ({ revenueMsat24h: 0, count: 0, from: 0, to: 0, complete: true }),
      settledForwardsSince: async () => ({ forwards: [], complete: true }),
    } as unknown as ClnApi;
    const data = await new ClnOwnNodeProvider(api).fetch(PEER);
    expect(data.policiesByChanId).toEqual({ '100x1x0': { baseFeeMsat: 0, feeRatePpm: 420 } });
    expect(data.policiesByChanId!['100x1x0']).not.toHaveProperty('inboundFeeRatePpm');
  });
});
