import http, { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the double received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance-style timestamp (ms) when the request arrived. */
  at: number;
}

export interface Reply {
  status: number;
  json?: unknown;
  /** Raw body (used instead of `json`). */
  text?: string;
  headers?: Record<string, string>;
}

/** Misbehaviours a double can be told to show on its next matching requests. */
export type Fault =
  | { type: 'status'; status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** 429 (or 503) with a Retry-After header: seconds (`"2"`) or an HTTP date. */
  | { type: 'retry-after'; retryAfter: string; status?: 429 | 503 }
  /** Accept the request and never answer (the socket stays open until the client gives up). */
  | { type: 'hang' }
  /** Destroy the connection without answering. */
  | { type: 'close' }
  /** 200 with a body that is not JSON. */
  | { type: 'malformed' }
  /** 200 whose body stops half-way: Content-Length promises more than is sent, then the connection closes. */
  | { type: 'truncated' }
  /** Answer normally, after a delay. */
  | { type: 'delay'; ms: number };

type Handler = (req: RecordedRequest) => Reply;

interface QueuedFault {
  fault: Fault;
  remaining: number;
  match?: (req: RecordedRequest) => boolean;
}

/**
 * A local HTTP(S) server that answers like an upstream (through `handler`) and can be told to misbehave.
 * Records every request, so tests can count attempts, measure gaps between them and check headers.
 */
export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  /** Requests whose socket the client closed before the double answered (a hang the client gave up on). */
  abandoned = 0;
  private faults: QueuedFault[] = [];
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();

  constructor(
    private readonly handler: Handler,
    private readonly tls?: { key: string | Buffer; cert: string | Buffer },
  ) {}

  get url(): string {
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error('double not started');
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${addr.port}`;
  }

  async start(): Promise<string> {
    const listener = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = this.tls ? https.createServer({ key: this.tls.key, cert: this.tls.cert }, listener) : http.createServer(listener);
    this.server.keepAliveTimeout = 5000;
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    // TLS handshakes refused by the client show up here; they are expected in TLS tests.
    this.server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` requests (matching `match`, if given) get `fault` instead of a normal answer. */
  inject(fault: Fault, times = 1, match?: (req: RecordedRequest) => boolean): this {
    this.faults.push({ fault, remaining: times, match });
    return this;
  }

  reset(): void {
    this.faults = [];
    this.requests.length = 0;
    this.abandoned = 0;
  }

  /** Milliseconds between consecutive recorded requests. */
  gaps(): number[] {
    return this.requests.slice(1).map((r, i) => r.at - this.requests[i].at);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://double');
    const rec: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at };
    this.requests.push(rec);

    const queued = this.faults.find((f) => f.remaining > 0 && (!f.match || f.match(rec)));
    if (queued) queued.remaining--;
    const fault = queued?.fault;
    switch (fault?.type) {
      case 'hang':
        this.hanging.add(res);
        res.on('close', () => {
          this.hanging.delete(res);
          if (!res.writableEnded) this.abandoned++;
        });
        return;
      case 'close':
        req.socket.destroy();
        return;
      case 'truncated':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
        res.write('{"truncated": [1, 2');
        setTimeout(() => req.socket.destroy(), 10);
        return;
      case 'malformed':
        return send(res, { status: 200, text: '{"truncated": [1, 2', headers: { 'content-type': 'application/json' } });
      case 'status':
        return send(res, { status: fault.status, json: fault.json, text: fault.text, headers: fault.headers });
      case 'retry-after':
        return send(res, { status: fault.status ?? 429, json: { error: 'Too many requests' }, headers: { 'retry-after': fault.retryAfter } });
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms));
        break;
      default:
        break;
    }
    let reply: Reply;
    try {
      reply = this.handler(rec);
    } catch (e) {
      reply = { status: 500, json: { error: `double handler failed: ${(e as Error).message}` } };
    }
    send(res, reply);
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  const headers: Record<string, string> = { ...(reply.json !== undefined && reply.text === undefined ? { 'content-type': 'application/json' } : {}), ...reply.headers };
  res.writeHead(reply.status, headers);
  res.end(body);
}

/** A minimal router: the first route whose method and path pattern match answers. */
export function router(routes: Array<[method: string, pattern: RegExp, handle: (req: RecordedRequest, m: RegExpExecArray) => Reply]>, notFound: Reply): Handler {
  return (req) => {
    for (const [method, pattern, handle] of routes) {
      if (method !== req.method) continue;
      const m = pattern.exec(req.path);
      if (m) return handle(req, m);
    }
    return notFound;
  };
}
