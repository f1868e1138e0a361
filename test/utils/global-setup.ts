import { pingRedis, startRedisServer } from './redis-server';

/**
 * The e2e suite runs against a real Redis: the one in REDIS_URL if set, otherwise a `redis-server` started
 * here on a free port. Neither working is a hard failure, never a skip.
 */
export default async function globalSetup(): Promise<void> {
  const given = process.env.REDIS_URL;
  if (given) {
    const u = new URL(given);
    try {
      await pingRedis(Number(u.port || 6379), u.hostname);
    } catch (err) {
      throw new Error(`REDIS_URL=${u.protocol}//${u.hostname}:${u.port} is set but does not answer PING: ${String(err)}`);
    }
    process.env.TEST_REDIS_URL = given;
    return;
  }
  const server = await startRedisServer();
  (globalThis as { __E2E_REDIS__?: unknown }).__E2E_REDIS__ = server;
  process.env.TEST_REDIS_URL = server.url;
}
