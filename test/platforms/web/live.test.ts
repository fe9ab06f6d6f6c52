/**
 * The live-update hub against a real Redis behind a TCP proxy, so the test can start it on a connection that is not
 * ready yet, cut it, and bring it back: "subscribed" must mean Redis confirmed it, and every confirmation rings the
 * open streams so they read what they missed from PostgreSQL.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebConversations } from '../../../src/platforms/web/conversation.js';
import { LiveHub } from '../../../src/platforms/web/live.js';
import { createTestDb } from '../../support/db.js';
import { TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hubBehindProxy(): Promise<{
  hub: LiveHub;
  proxy: TcpProxy;
  conversations: WebConversations;
  publisher: Redis;
}> {
  const target = new URL(TEST_REDIS_URL);
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
  // The runtime's client options: commands fail at once while the connection is not ready.
  const client = new Redis(`redis://127.0.0.1:${proxy.port}`, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 50,
  });
  client.on('error', () => {});
  const publisher = new Redis(TEST_REDIS_URL);
  const db = createTestDb();
  const conversations = new WebConversations(db, publisher, uniquePrefix('webhub'));
  const hub = new LiveHub(client, conversations, pino({ level: 'silent' }), { retryInitialMs: 20, retryMaxMs: 100 });
  cleanups.push(
    () => db.$disconnect(),
    () => proxy.close(),
    () => client.disconnect(),
    () => publisher.disconnect(),
    () => hub.stop(),
  );
  return { hub, proxy, conversations, publisher };
}

describe('LiveHub', () => {
  it('subscribes once the connection is ready, though the first attempt finds it connecting', async () => {
    const { hub, conversations, publisher } = await hubBehindProxy();
    let rings = 0;
    hub.listen('iv-1', () => (rings += 1));
    // Right after listen the new connection cannot have answered yet: nothing is confirmed.
    expect(hub.subscribed).toBe(false);
    await expect.poll(() => hub.subscribed).toBe(true);
    const afterConfirm = rings;
    expect(afterConfirm).toBeGreaterThanOrEqual(1);
    await publisher.publish(conversations.channel('iv-1'), '{}');
    await publisher.publish(conversations.channel('iv-2'), '{}');
    await expect.poll(() => rings).toBe(afterConfirm + 1);
  });

  it('subscribes again after the connection drops, and rings the streams so they read what they missed', async () => {
    const { hub, proxy, conversations, publisher } = await hubBehindProxy();
    let rings = 0;
    hub.listen('iv-1', () => (rings += 1));
    await expect.poll(() => hub.subscribed).toBe(true);
    await proxy.cut();
    await expect.poll(() => hub.subscribed).toBe(false);
    // Published while nobody listens: only the ring after resubscribing can tell the stream.
    await publisher.publish(conversations.channel('iv-1'), '{}');
    const whileDown = rings;
    await proxy.restore();
    await expect.poll(() => hub.subscribed, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => rings).toBe(whileDown + 1);
    await publisher.publish(conversations.channel('iv-1'), '{}');
    await expect.poll(() => rings).toBe(whileDown + 2);
  });

  it('keeps trying while Redis refuses connections, and subscribes when it is back', async () => {
    const { hub, proxy } = await hubBehindProxy();
    await proxy.cut();
    hub.listen('iv-1', () => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hub.subscribed).toBe(false);
    await proxy.restore();
    await expect.poll(() => hub.subscribed, { timeout: 10_000 }).toBe(true);
  });
});
