import { readFileSync } from 'node:fs';

/**
 * The certificate to trust for clnrest's HTTPS (CLN_TLS_CERT_PATH: its generated `ca.pem`, or a self-signed
 * `server.pem`), or null for the system CAs. Problems name the path, never the contents.
 */
export function readClnTlsCert(path: string | null): { cert: Buffer | null; problem: string | null } {
  if (!path) return { cert: null, problem: null };
  try {
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- CLN_TLS_CERT_PATH: a path the operator configures, read at boot
    const cert = readFileSync(path);
    if (!cert.toString('utf8').includes('-----BEGIN CERTIFICATE-----')) return { cert: null, problem: `CLN_TLS_CERT_PATH ${path} is not a PEM certificate` };
    return { cert, problem: null };
  } catch (e) {
    return { cert: null, problem: `CLN_TLS_CERT_PATH ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}
