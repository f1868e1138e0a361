import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SelfSignedCert } from './self-signed-cert';

/** How the next downloads are answered. */
export type DumpBehaviour =
  /** 200 with the whole file. */
  | { type: 'serve' }
  /** An HTTP error status, as a web server or CDN answers it (plain text). */
  | { type: 'status'; status: number }
  /** Content-Length of the whole file, half of it sent, then the connection is cut. */
  | { type: 'cut' }
  /** Headers and a first chunk, then nothing more (the socket stays open until the client gives up). */
  | { type: 'stall' };

export interface DumpRequest {
  path: string;
  /** True when the whole body was sent; false when the client (or the double) ended the transfer before. */
  completed: boolean;
  bytesSent: number;
}

/**
 * A static file host serving a graph dump over HTTPS, as an operator's web server or a public service would
 * publish `lncli describegraph` / `lightning-cli listchannels` output: GET only, Content-Type from the file,
 * Content-Length and Last-Modified, 404 for other paths. Bodies are streamed in 64 KiB chunks so that a client
 * aborting a too-large download is visible (`completed: false`).
 */
export class GraphDumpDouble {
  readonly requests: DumpRequest[] = [];
  private body: Buffer = Buffer.alloc(0);
  private behaviour: DumpBehaviour = { type: 'serve' };
  private server?: https.Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly tls: SelfSignedCert,
    /** The path the dump is published at, e.g. `/dumps/graph_2026-12-05.json.gz`. */
    readonly path: string,
    private readonly lastModified = new Date('2026-12-05T06:00:00Z'),
  ) {}

  /** What the next downloads get. */
  publish(body: Buffer, behaviour: DumpBehaviour = { type: 'serve' }): void {
    this.body = body;
    this.behaviour = behaviour;
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `https://127.0.0.1:${port}${this.path}`;
  }

  async start(): Promise<string> {
    this.server = https.createServer({ key: this.tls.key, cert: this.tls.cert }, (req, res) => this.handle(req, res));
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== this.path) {
      res.writeHead(req.method !== 'GET' ? 405 : 404, { 'Content-Type': 'text/plain' }).end(req.method !== 'GET' ? 'Method Not Allowed' : 'Not Found');
      return;
    }
    const record: DumpRequest = { path, completed: false, bytesSent: 0 };
    this.requests.push(record);
    const b = this.behaviour;
    if (b.type === 'status') {
      res.writeHead(b.status, { 'Content-Type': 'text/plain' }).end(`${b.status} error`);
      return;
    }
    const body = this.body;
    res.writeHead(200, {
      'Content-Type': path.endsWith('.gz') ? 'application/gzip' : 'application/json',
      'Content-Length': String(body.length),
      'Last-Modified': this.lastModified.toUTCString(),
    });
    const limit = b.type === 'cut' ? Math.floor(body.length / 2) : b.type === 'stall' ? Math.min(65536, body.length - 1) : body.length;
    let offset = 0;
    const pump = () => {
      while (offset < limit) {
        const chunk = body.subarray(offset, Math.min(offset + 65536, limit));
        offset += chunk.length;
        record.bytesSent = offset;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (b.type === 'serve') {
        res.end(() => (record.completed = true));
      } else if (b.type === 'cut') {
        res.socket?.destroy();
      }
      // 'stall': the rest never comes.
    };
    res.on('close', () => res.socket?.destroy());
    pump();
  }
}
