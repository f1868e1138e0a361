import type { ItemOutcome } from './bulk.types';
import { decodeOutcome, OutcomeEncoder } from './encoded-outcomes';

const outcome = (index: number, text: string): ItemOutcome => ({
  index,
  pubkey: `02${String(index).padStart(64, '0')}`,
  ok: index % 3 !== 0,
  ...(index % 3 !== 0 ? { result: { basic: { alias: text } } } : { error: { code: 'NODE_NOT_FOUND', message: text } }),
  worker: `host:${index % 2}`,
  ms: index / 7,
});

describe(OutcomeEncoder.name, () => {
  it('gives back every outcome as written, whatever its characters, once the buffer has grown many times', () => {
    // 1-, 2-, 3- and 4-byte UTF-8 (the last a surrogate pair in UTF-16), past an 8-byte initial buffer.
    const texts = ['plain', 'Rétablir', 'n’a “active” ⚡', '🦄 x'.repeat(50), ''];
    const written = Array.from({ length: 40 }, (_, i) => outcome(i, texts[i % texts.length]));
    const encoder = new OutcomeEncoder(8);
    for (const o of written) encoder.add(o);
    const encoded = encoder.finish();

    expect(encoded.map((e) => decodeOutcome(e.json))).toEqual(written);
    expect(encoded.map(({ index, ok, worker }) => ({ index, ok, worker }))).toEqual(written.map(({ index, ok, worker }) => ({ index, ok, worker })));
    expect(encoded.map((e) => e.json.length)).toEqual(written.map((o) => Buffer.byteLength(JSON.stringify(o))));
  });

  it('keeps one right-sized buffer for the chunk, not its working space', () => {
    const encoder = new OutcomeEncoder(1 << 20);
    encoder.add(outcome(1, 'a'));
    encoder.add(outcome(2, 'é'));
    const [a, b] = encoder.finish();
    expect(a.json.buffer).toBe(b.json.buffer);
    expect(a.json.buffer.byteLength).toBeLessThan(1 << 20);
    expect(a.json.length + b.json.length).toBe(Buffer.byteLength(JSON.stringify(outcome(1, 'a')) + JSON.stringify(outcome(2, 'é'))));
    expect(a.json.byteOffset + a.json.length).toBe(b.json.byteOffset);
  });

  it('finishes an empty chunk with no outcomes', () => {
    expect(new OutcomeEncoder().finish()).toEqual([]);
  });
});
