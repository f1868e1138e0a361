import type { ItemOutcome } from './bulk.types';

/** One item's outcome as stored: its JSON in UTF-8, and what the counters need without parsing it. */
export interface EncodedOutcome {
  index: number;
  ok: boolean;
  worker: string;
  json: Buffer;
}

/**
 * Encodes a chunk's outcomes as each is computed, into one buffer. An outcome's object graph then dies young
 * (instead of surviving scavenges until the chunk is written), and a chunk costs one allocation outside the
 * heap rather than one per item. Measured on a whole-graph run in one process: about 0.3 CPU-seconds fewer
 * (of about 2), most of them the garbage collector's.
 */
export class OutcomeEncoder {
  private buf: Buffer;
  private used = 0;
  private readonly items: Array<Omit<EncodedOutcome, 'json'> & { start: number; end: number }> = [];

  constructor(initialBytes = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  add(outcome: ItemOutcome): void {
    const json = JSON.stringify(outcome);
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4).
    const room = json.length * 3;
    if (this.buf.length - this.used < room) this.grow(this.used + room);
    const start = this.used;
    this.used += this.buf.write(json, start);
    this.items.push({ index: outcome.index, ok: outcome.ok, worker: outcome.worker, start, end: this.used });
  }

  /** The outcomes added so far, each a view of one right-sized buffer that the caller may keep. */
  finish(): EncodedOutcome[] {
    const bytes = Buffer.allocUnsafe(this.used);
    this.buf.copy(bytes, 0, 0, this.used);
    return this.items.map(({ start, end, ...item }) => ({ ...item, json: bytes.subarray(start, end) }));
  }

  private grow(atLeast: number): void {
    const next = Buffer.allocUnsafe(Math.max(atLeast, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
  }
}

export function decodeOutcome(json: Buffer | string): ItemOutcome {
  return JSON.parse(typeof json === 'string' ? json : json.toString('utf8')) as ItemOutcome;
}
