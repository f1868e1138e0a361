import { MalformedResponseError } from '../common/malformed-response.error';
import { Json, arr, num, obj, optStr, str } from '../common/wire';
import type { LnbitsPayment, LnbitsWallet } from './lnbits.types';

export function mapWallet(json: Json): LnbitsWallet {
  const o = obj(json, 'wallet');
  return { name: str(o.name, 'wallet.name'), balanceMsat: num(o.balance, 'wallet.balance'), id: optStr(o.id, 'wallet.id') };
}

const STATUSES = new Set(['pending', 'success', 'failed']);

function paymentTime(v: Json, w: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v * 1000).toISOString();
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
  throw new MalformedResponseError(w, 'unix seconds or an ISO-8601 time');
}

function paymentStatus(p: Record<string, Json>, w: string): LnbitsPayment['status'] {
  if (typeof p.status === 'string' && STATUSES.has(p.status)) return p.status as LnbitsPayment['status'];
  // LNbits 0.12 had no status field: a non-pending payment there is a completed one.
  if (typeof p.pending === 'boolean') return p.pending ? 'pending' : 'success';
  throw new MalformedResponseError(`${w}.status`, "'pending', 'success' or 'failed'");
}

export function mapPayments(json: Json): LnbitsPayment[] {
  return arr(json, 'payments').map((raw, i) => {
    const w = `payments[${i}]`;
    const p = obj(raw, w);
    const amount = num(p.amount, `${w}.amount`);
    return {
      paymentHash: str(p.payment_hash, `${w}.payment_hash`),
      checkingId: str(p.checking_id, `${w}.checking_id`),
      outgoing: amount < 0,
      amountMsat: Math.abs(amount),
      feeMsat: Math.abs(num(p.fee ?? 0, `${w}.fee`)),
      status: paymentStatus(p, w),
      memo: optStr(p.memo, `${w}.memo`),
      time: paymentTime(p.time, `${w}.time`),
      tag: optStr(p.tag, `${w}.tag`),
    };
  });
}

/** LNbits answers a key that matches no wallet with 404 "Wallet not found." (not 401). */
export function isLnbitsAuthFailure(status: number, message: string): boolean {
  return status === 404 && /wallet not found/i.test(message);
}
