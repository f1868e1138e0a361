import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import axios from 'axios';
import type { HostResolver } from './host-resolver';
import { WEBHOOK_ADDRESS_REFUSED, WebhookTargetService } from './webhook-target.service';

describe(WebhookTargetService.name, () => {
  let server: Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const zones: Record<string, string[]> = { 'public.test': ['93.184.215.14'], 'loop.test': ['127.0.0.1'], 'mixed.test': ['93.184.215.14', '::1'], 'receiver.internal': ['127.0.0.1'] };
  const resolver: HostResolver = async (host) => (zones[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const service = (allowedHosts: string[] = [], httpsOnly = false) => new WebhookTargetService({ allowedHosts, httpsOnly }, resolver);

  it('refuses a name when any of its addresses is internal, and a name that does not resolve', async () => {
    expect(await service().problem('http://public.test/x')).toBeNull();
    expect(await service().problem('http://loop.test/x')).toMatch(/loop\.test, which resolves to 127\.0\.0\.1, is loopback/);
    expect(await service().problem('http://mixed.test/x')).toMatch(/resolves to ::1, is loopback/);
    expect(await service().problem('http://nowhere.test/x')).toMatch(/must name a host that resolves/);
  });

  it('fails the socket when the name resolves to an internal address at connect time, before any byte is sent', async () => {
    const targets = service();
    const err = await axios.post(`http://loop.test:${port}/x`, '{}', targets.requestOptions()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: WEBHOOK_ADDRESS_REFUSED, message: expect.stringMatching(/refused to connect: loop\.test resolves to 127\.0\.0\.1, which is loopback/) });
    expect(hits).toBe(0);
  });

  it('connects to an allow-listed internal receiver', async () => {
    const targets = service(['receiver.internal']);
    expect(await targets.problem(`http://receiver.internal:${port}/x`)).toBeNull();
    const res = await axios.post(`http://receiver.internal:${port}/x`, '{}', targets.requestOptions());
    expect(res.status).toBe(200);
    expect(hits).toBe(1);
  });

  it('asks for https in production', async () => {
    expect(await service([], true).problem('http://public.test/x')).toBe('must be an https:// URL in production');
  });
});
