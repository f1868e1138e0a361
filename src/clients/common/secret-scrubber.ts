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
    out = truncatePubkeysIn(out);
    return out.length > maxLength ? `${out.slice(0, maxLength)}…` : out;
  }
}
