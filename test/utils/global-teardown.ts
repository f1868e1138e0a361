import type { RedisServer } from './redis-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __E2E_REDIS__?: RedisServer }).__E2E_REDIS__;
  await server?.stop();
}
