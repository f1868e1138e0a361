/**
 * LNbits responses as sent (../shared/upstreams/lnbits.md; lnbits/lnbits v1.x `wallet_api.py`,
 * `payment_api.py`, `models/payments.py`). Amounts in **msat**. Errors use FastAPI's `{"detail": ...}`.
 */
export interface LnbitsWalletWire {
  name: string;
  /** msat. */
  balance: number;
  /** Only present when the admin key was used. */
  id?: string;
}

/** A Payment at v1.x; v0.12 had `pending: bool`, `time` in unix seconds and no `status`. */
export interface LnbitsPaymentWire {
  checking_id: string;
  payment_hash: string;
  wallet_id: string;
  /** msat; positive incoming, negative outgoing. */
  amount: number;
  /** msat; stored negative for outgoing payments. */
  fee: number;
  bolt11: string;
  payment_request?: string | null;
  fiat_provider?: string | null;
  status?: 'pending' | 'success' | 'failed';
  pending?: boolean;
  memo: string | null;
  expiry?: string | number | null;
  webhook?: string | null;
  webhook_status?: string | number | null;
  preimage?: string | null;
  tag?: string | null;
  extension?: string | null;
  time: string | number;
  created_at?: string;
  updated_at?: string;
  labels?: string[];
  extra?: Record<string, unknown>;
}
