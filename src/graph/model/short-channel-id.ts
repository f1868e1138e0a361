/** Short channel ids: `BLOCKxTXxOUTPUT` (CLN) or the same 64-bit value in decimal (LND `channel_id`). */
const SCID_RE = /^(\d+)x(\d+)x(\d+)$/;

export function scidFromLndChannelId(id: string): string | null {
  if (!/^\d+$/.test(id) || id === '0') return null;
  const v = BigInt(id);
  if (v >= 1n << 64n) return null;
  const block = v >> 40n;
  const tx = (v >> 16n) & 0xffffffn;
  const out = v & 0xffffn;
  return `${block}x${tx}x${out}`;
}

/** The block height in which the funding transaction confirmed, encoded in the id. */
export function blockHeightOfScid(scid: string | null): number | null {
  if (!scid) return null;
  const m = SCID_RE.exec(scid);
  return m ? Number(m[1]) : null;
}

export function isScid(value: string): boolean {
  return SCID_RE.test(value);
}
