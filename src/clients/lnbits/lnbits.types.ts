import type { UpstreamProbe } from '../common/upstream.types';

export const LNBITS_CLIENT = Symbol('LNBITS_CLIENT');

export interface LnbitsWallet {
  name: string;
  balanceMsat: number;
  /** Wallet id; LNbits only reveals it to the admin key. */
  id: string | null;
}

export interface LnbitsPayment {
  paymentHash: string;
  checkingId: string;
  /** True for a payment sent from the wallet (LNbits stores those with a negative amount). */
  outgoing: boolean;
  /** Absolute amount, msat. */
  amountMsat: number;
  /** Absolute routing fee paid, msat (0 for incoming). */
  feeMsat: number;
  status: 'pending' | 'success' | 'failed';
  memo: string | null;
  /** ISO time of the payment. */
  time: string;
  /** Extension that created it (e.g. `lnurlp`), if any. */
  tag: string | null;
}

/** LNbits wallet (LNBITS_URL, LNBITS_API_KEY sent as X-Api-Key; the invoice/read key is enough). */
export interface LnbitsApi extends UpstreamProbe {
  getWallet(): Promise<LnbitsWallet>;
  /** Newest first; pending and completed. */
  listPayments(opts?: { limit?: number; offset?: number }): Promise<LnbitsPayment[]>;
}
