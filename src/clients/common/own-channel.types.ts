/**
 * One of the operator's channels with its live balances, as every own-node source (LND, Core Lightning)
 * reports it. Amounts in sat.
 */
export interface OwnChannelBalance {
  /** The id forwards name the channel by: LND's uint64 chan_id, Core Lightning's short channel id. */
  chanId: string;
  /** `BLOCKxTXxOUTPUT`; null while unconfirmed. */
  shortChannelId: string | null;
  /** Funding outpoint `txid:vout`, when the source gives it. */
  channelPoint: string | null;
  remotePubkey: string;
  capacitySat: number;
  localBalanceSat: number;
  remoteBalanceSat: number;
  active: boolean;
}

export interface ForwardingSummary {
  /** Fees earned by forwards in the window, msat. */
  revenueMsat24h: number;
  /** Forwards in the window. */
  count: number;
  /** The window, unix seconds. */
  from: number;
  to: number;
  /** False when the page limit stopped the walk before the end of the window. */
  complete: boolean;
}
