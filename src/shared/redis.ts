import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * A Redis client for commands the process issues itself (health, dedupe keys, locks).
 * Commands fail at once while Redis is unreachable instead of queueing forever, so a request never hangs on
 * Redis; the client keeps reconnecting in the background and recovers when Redis is back.
 */
export function createRedis(url: string, logger: Logger, extra: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
    ...extra,
  });
  let lastLogged = 0;
  client.on('error', (error: Error) => {
    // Reconnect attempts repeat the same error; one line every 30 s is enough to see it.
    const now = Date.now();
    if (now - lastLogged > 30_000) {
      lastLogged = now;
      logger.warn({ err: { message: error.message } }, 'redis connection problem');
    }
  });
  return client;
}

/** BullMQ wants plain options (so it owns and closes its own connections) with no per-request retry limit. */
export function bullConnectionOptions(url: string): BullRedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
