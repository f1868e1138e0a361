import { truncatePubkeysIn } from '../../common/validation/pubkey';

/**
 * Removes the configured secrets (API keys, macaroons in hex of either case) from any text the clients put
 * into an error or a log line, and shortens pubkeys the way logs do. Defence in depth: the clients never
 * put headers in messages to begin with, but an upstream may echo a key back in an error body.
 */
export class SecretScrubber {
  private readonly secrets: string[];

  constructor(secrets: Array<string | null | undefined>) {
    const all = new Set<string>();
    for (const s of secrets) {
      // Very short values would blank out ordinary words; real keys and macaroons are long.
      if (!s || s.length < 6) continue;
      all.add(s);
      all.add(s.toLowerCase());
      all.add(s.toUpperCase());
    }
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  scrub(text: string, maxLength = 300): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    // A header echoed back (`Rune: …`, `Grpc-Metadata-macaroon: …`) loses its value even when it is not ours.
    out = out.replace(/\b(rune|grpc-metadata-macaroon|x-api-key)(["']?\s*[:=]\s*["']?)[A-Za-z0-9_=+/-]{6,}/gi, '$1$2[redacted]');
    out = truncatePubkeysIn(out);
    return out.length > maxLength ? `${out.slice(0, maxLength)}…` : out;
  }
}

/**
 * The forms of a Core Lightning rune that can show up in text: the rune itself (base64url), without its `=`
 * padding, in standard base64, and its first 43 characters, which encode the 32-byte authcode (the secret part;
 * the rest is readable restrictions). Case variants are added by the scrubber.
 */
export function runeForms(rune: string | null | undefined): string[] {
  if (!rune) return [];
  const unpadded = rune.replace(/=+$/, '');
  return [rune, unpadded, unpadded.replace(/-/g, '+').replace(/_/g, '/'), encodeURIComponent(rune), unpadded.slice(0, 43)];
}
