import type { Language } from './api/types';

const locales: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Language, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    // eslint-disable-next-line security/detect-object-injection -- lang is the closed Language union
    f = new Intl.NumberFormat(locales[lang], opts);
    cache.set(key, f);
  }
  return f;
}

export const SAT_PER_BTC = 100_000_000;

export function formatInt(n: number | null | undefined, lang: Language): string {
  return n === null || n === undefined ? '—' : nf(lang, { maximumFractionDigits: 0 }).format(n);
}

export function formatNumber(n: number | null | undefined, lang: Language, digits = 2): string {
  return n === null || n === undefined ? '—' : nf(lang, { maximumFractionDigits: digits }).format(n);
}

/** Sats as BTC from 0.01 BTC up (big capacities read better), as sat below. */
export function formatSat(n: number | null | undefined, lang: Language): string {
  if (n === null || n === undefined) return '—';
  if (Math.abs(n) >= 1_000_000) return `${nf(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n / SAT_PER_BTC)} BTC`;
  return `${nf(lang, { maximumFractionDigits: 0 }).format(n)} sat`;
}

/** Short axis labels: 20k, 1M, 2.5G. */
export function compact(n: number, lang: Language): string {
  return nf(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

export function formatPercent(ratio: number | null | undefined, lang: Language, digits = 1): string {
  return ratio === null || ratio === undefined ? '—' : nf(lang, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

export function formatMs(seconds: number | null | undefined, lang: Language): string {
  return seconds === null || seconds === undefined ? '—' : nf(lang, { maximumFractionDigits: seconds < 0.01 ? 2 : 1 }).format(seconds * 1000);
}

export function formatSigned(n: number | null, lang: Language, format: (x: number) => string = (x) => formatInt(x, lang)): string {
  if (n === null) return '—';
  if (n === 0) return '±0';
  return (n > 0 ? '+' : '−') + format(Math.abs(n));
}

export function formatDuration(seconds: number, lang: Language): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const unit = lang === 'fr' ? { d: 'j', h: 'h', m: 'min', s: 's' } : { d: 'd', h: 'h', m: 'min', s: 's' };
  if (d > 0) return `${d} ${unit.d} ${h} ${unit.h}`;
  if (h > 0) return `${h} ${unit.h} ${m} ${unit.m}`;
  if (m > 0) return `${m} ${unit.m} ${s} ${unit.s}`;
  return `${s} ${unit.s}`;
}

export function shortPubkey(pk: string): string {
  return pk.length > 20 ? `${pk.slice(0, 10)}…${pk.slice(-6)}` : pk;
}

/**
 * A histogram bucket [from, to) of whole numbers, named by the values it holds: `0`, `1`, `200–499`, `≥10K`.
 * Naming it by its lower bound alone put 499 ppm in a bar that read "200".
 */
export function bucketLabel(b: { from: number; to: number | null }, lang: Language): string {
  if (b.to === null) return `≥${compact(b.from, lang)}`;
  const last = b.to - 1;
  return last <= b.from ? compact(b.from, lang) : `${compact(b.from, lang)}–${compact(last, lang)}`;
}
