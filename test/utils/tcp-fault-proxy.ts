import { createServer, Server, Socket } from 'node:net';

/**
 * How the proxy treats traffic, for connections old and new:
 * - `pass`: forwards both ways;
 * - `latency`: forwards both ways, each chunk `ms` late (order kept), like a slow link or a slow server;
 * - `blackhole`: accepts connections and holds every byte (reads paused: TCP back-pressure, as a partition or a
 *   frozen peer would), forwarding nothing until the mode changes;
 * - `refuse`: resets every new connection at once (existing ones are left alone: call `cut()` for those).
 */
export type ProxyMode = { kind: 'pass' } | { kind: 'latency'; ms: number } | { kind: 'blackhole' } | { kind: 'refuse' };

interface Pair {
  client: Socket;
  upstream: Socket;
}

/**
 * A TCP proxy in front of one local port (a redis-server, an upstream double) that can be told to misbehave,
 * so a test can put a slow, silent or dropped network between the app and a real server.
 */
export class TcpFaultProxy {
  private server: Server | null = null;
  private mode: ProxyMode = { kind: 'pass' };
  private readonly pairs = new Set<Pair>();
  /** Connections accepted since start (reset ones included). */
  accepted = 0;
  /** Connections reset by `refuse` or `cut()`. */
  resets = 0;
  /**
   * Every byte the clients sent, as latin1 text, recorded when the proxy reads it (held bytes of a blackhole when
   * it ends): lets a test check which commands (keys) reached the server, whatever the machine's speed.
   */
  sent = '';

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  get port(): number {
    const addr = this.server?.address();
    if (!addr || typeof addr === 'string') throw new Error('proxy not started');
    return addr.port;
  }

  /** Open connections through the proxy. */
  get open(): number {
    return this.pairs.size;
  }

  async start(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.port;
  }

  pass(): void {
    this.setMode({ kind: 'pass' });
  }

  latency(ms: number): void {
    this.setMode({ kind: 'latency', ms });
  }

  blackhole(): void {
    this.setMode({ kind: 'blackhole' });
  }

  refuse(): void {
    this.setMode({ kind: 'refuse' });
  }

  /** Resets every open connection (RST to both ends), as a crashed peer or a dropped route does. */
  cut(): void {
    for (const p of [...this.pairs]) this.reset(p);
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private setMode(mode: ProxyMode): void {
    this.mode = mode;
    for (const p of this.pairs) {
      if (mode.kind === 'blackhole') {
        p.client.pause();
        p.upstream.pause();
      } else {
        p.client.resume();
        p.upstream.resume();
      }
    }
  }

  private accept(client: Socket): void {
    this.accepted++;
    if (this.mode.kind === 'refuse') {
      this.resets++;
      client.on('error', () => undefined);
      client.resetAndDestroy();
      return;
    }
    const upstream = new Socket();
    const pair: Pair = { client, upstream };
    this.pairs.add(pair);
    client.on('error', () => this.reset(pair));
    upstream.on('error', () => this.reset(pair));
    client.on('close', () => this.drop(pair));
    upstream.on('close', () => this.drop(pair));
    client.on('data', (chunk: Buffer) => void (this.sent += chunk.toString('latin1')));
    this.forward(client, upstream);
    this.forward(upstream, client);
    if (this.mode.kind === 'blackhole') {
      client.pause();
      upstream.pause();
    }
    upstream.connect(this.targetPort, this.targetHost);
  }

  /** Copies `from` to `to`, each chunk delayed by the current latency; a chain keeps chunks in order. */
  private forward(from: Socket, to: Socket): void {
    let chain = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      const delay = this.mode.kind === 'latency' ? this.mode.ms : 0;
      if (delay === 0) {
        chain = chain.then(() => void (to.destroyed || to.write(chunk)));
        return;
      }
      const due = Date.now() + delay;
      chain = chain.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              if (!to.destroyed) to.write(chunk);
              resolve();
            }, Math.max(0, due - Date.now())),
          ),
      );
    });
    from.on('end', () => void chain.then(() => to.end()));
  }

  private reset(p: Pair): void {
    if (!this.pairs.has(p)) return;
    this.resets++;
    this.pairs.delete(p);
    for (const s of [p.client, p.upstream]) {
      if (s.destroyed) continue;
      // An RST where the socket is connected, a plain destroy while it is still connecting.
      if (s.readyState === 'open' || s.readyState === 'readOnly' || s.readyState === 'writeOnly') s.resetAndDestroy();
      else s.destroy();
    }
  }

  private drop(p: Pair): void {
    if (!this.pairs.has(p)) return;
    this.pairs.delete(p);
    p.client.destroy();
    p.upstream.destroy();
  }
}
