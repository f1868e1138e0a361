import { readFileSync } from 'node:fs';

export interface LndCredentials {
  macaroonHex: string | null;
  tlsCert: Buffer | null;
  /** What could not be read, for one startup log line (file paths only, never contents). */
  problems: string[];
}

/**
 * The macaroon (hex from LND_MACAROON_HEX, or the binary file at LND_MACAROON_PATH converted to hex) and the
 * TLS certificate (PEM at LND_TLS_CERT_PATH) for LND REST.
 */
export function readLndCredentials(cfg: { macaroonHex: string | null; macaroonPath: string | null; tlsCertPath: string | null }): LndCredentials {
  const problems: string[] = [];
  let macaroonHex = cfg.macaroonHex?.trim() || null;
  if (!macaroonHex && cfg.macaroonPath) {
    try {
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- LND_MACAROON_PATH: a path the operator configures, read at boot
      const bytes = readFileSync(cfg.macaroonPath);
      // A macaroon file may also hold the hex text itself (some tools export it that way).
      const text = bytes.toString('utf8').trim();
      macaroonHex = /^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 ? text : bytes.toString('hex');
      if (!macaroonHex) problems.push(`LND_MACAROON_PATH ${cfg.macaroonPath} is empty`);
    } catch (e) {
      problems.push(`LND_MACAROON_PATH ${cfg.macaroonPath} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  let tlsCert: Buffer | null = null;
  if (cfg.tlsCertPath) {
    try {
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- LND_TLS_CERT_PATH: a path the operator configures, read at boot
      tlsCert = readFileSync(cfg.tlsCertPath);
      if (!tlsCert.toString('utf8').includes('-----BEGIN CERTIFICATE-----')) {
        problems.push(`LND_TLS_CERT_PATH ${cfg.tlsCertPath} is not a PEM certificate`);
        tlsCert = null;
      }
    } catch (e) {
      problems.push(`LND_TLS_CERT_PATH ${cfg.tlsCertPath} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return { macaroonHex: macaroonHex ? macaroonHex.toLowerCase() : null, tlsCert, problems };
}
