import type { LnbitsPaymentWire } from '../../src/clients/lnbits/lnbits.wire';
import { FakeUpstream, RecordedRequest, Reply, router } from './fake-upstream';

export interface LnbitsDoubleOptions {
  adminKey: string;
  invoiceKey: string;
  walletName?: string;
  /** msat. */
  balanceMsat?: number;
  walletId?: string;
  /** Answer payments in the LNbits 0.12 shape (`pending` bool, `time` in unix seconds, no `status`). */
  legacyPayments?: boolean;
}

/** Three payments of a routing node's wallet, newest first (v1.x shape; amounts msat, outgoing negative). */
export function lnbitsPayments(walletId: string): LnbitsPaymentWire[] {
  const base = { wallet_id: walletId, fiat_provider: null, webhook: null, webhook_status: null, extension: null, labels: [], extra: {} };
  return [
    { ...base, checking_id: 'a1'.repeat(32), payment_hash: 'a1'.repeat(32), amount: -250000, fee: -1000, bolt11: 'lnbc2500n1pdouble1', payment_request: 'lnbc2500n1pdouble1', status: 'success', memo: 'rebalance', expiry: '2025-11-24T12:30:00+00:00', preimage: '9f'.repeat(32), tag: null, time: '2025-11-24T11:30:00+00:00', created_at: '2025-11-24T11:30:00+00:00', updated_at: '2025-11-24T11:30:02+00:00' },
    { ...base, checking_id: 'b2'.repeat(32), payment_hash: 'b2'.repeat(32), amount: 1_000_000, fee: 0, bolt11: 'lnbc10u1pdouble2', payment_request: 'lnbc10u1pdouble2', status: 'pending', memo: null, expiry: '2025-11-24T11:00:00+00:00', preimage: null, tag: 'lnurlp', time: '2025-11-24T10:00:00+00:00', created_at: '2025-11-24T10:00:00+00:00', updated_at: '2025-11-24T10:00:00+00:00' },
    { ...base, checking_id: 'c3'.repeat(32), payment_hash: 'c3'.repeat(32), amount: 5_000_000, fee: 0, bolt11: 'lnbc50u1pdouble3', payment_request: 'lnbc50u1pdouble3', status: 'success', memo: 'donation', expiry: '2025-11-23T10:00:00+00:00', preimage: '7e'.repeat(32), tag: null, time: '2025-11-23T09:00:00+00:00', created_at: '2025-11-23T09:00:00+00:00', updated_at: '2025-11-23T09:00:01+00:00' },
  ];
}

/**
 * LNbits core API as ../shared/upstreams/lnbits.md describes it: `X-Api-Key` (or `?api-key=`), admin and
 * invoice keys, `id` only for the admin key, msat amounts, FastAPI `{"detail"}` errors with LNbits' own
 * statuses (no key 401, unknown key 404 "Wallet not found.").
 */
export function lnbitsDouble(opts: LnbitsDoubleOptions): FakeUpstream {
  const walletId = opts.walletId ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const keyOf = (req: RecordedRequest) => {
    const h = req.headers['x-api-key'];
    return typeof h === 'string' ? h : req.query.get('api-key') ?? undefined;
  };
  const authed = (req: RecordedRequest): { type: 'admin' | 'invoice' } | { error: Reply } => {
    const key = keyOf(req);
    if (!key) return { error: { status: 401, json: { detail: 'No Api Key provided.' } } };
    if (key === opts.adminKey) return { type: 'admin' };
    if (key === opts.invoiceKey) return { type: 'invoice' };
    return { error: { status: 404, json: { detail: 'Wallet not found.' } } };
  };
  return new FakeUpstream(
    router(
      [
        ['GET', /^\/api\/v1\/wallet$/, (req) => {
          const a = authed(req);
          if ('error' in a) return a.error;
          const body: Record<string, unknown> = { name: opts.walletName ?? 'Routing node wallet', balance: opts.balanceMsat ?? 125_000_000 };
          if (a.type === 'admin') body.id = walletId;
          return { status: 200, json: body };
        }],
        ['GET', /^\/api\/v1\/payments$/, (req) => {
          const a = authed(req);
          if ('error' in a) return a.error;
          const limit = Number(req.query.get('limit') ?? 1000);
          const offset = Number(req.query.get('offset') ?? 0);
          let rows: unknown[] = lnbitsPayments(walletId).slice(offset, offset + limit);
          if (opts.legacyPayments) {
            rows = (rows as LnbitsPaymentWire[]).map(({ status, created_at, updated_at, labels, time, ...p }) => ({
              ...p,
              pending: status === 'pending',
              time: Math.floor(Date.parse(String(time)) / 1000),
            }));
          }
          return { status: 200, json: rows };
        }],
      ],
      { status: 404, json: { detail: 'Not Found' } },
    ),
  );
}
