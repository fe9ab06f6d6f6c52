import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger.js';

/** `host:port` of a REDIS_URL, without user or password. */
export function redisTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 6379}`;
  } catch {
    return 'REDIS_URL (not a URL)';
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** An error that says Redis cannot be reached (as opposed to one a command or a job caused). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === 'string' && CONNECTION_CODES.has(code)) ||
    /Connection is closed|connect ETIMEDOUT|Reached the max retries/.test(error.message)
  );
}

/**
 * Every Redis client of a process (its own, BullMQ's queues and workers) reports its connection errors here. While
 * Redis is unreachable each client fails again on every reconnect attempt; the first error is one clear line naming
 * Redis and what to do, the rest are counted, with one summary line per `summaryEveryMs` at most, and the recovery
 * is one line too.
 */
export interface RedisProblems {
  error(error: Error): void;
  ready(): void;
}

export interface RedisProblemsOptions {
  /** @defaultValue 60000 */
  summaryEveryMs?: number;
  /** @defaultValue Date.now */
  now?: () => number;
}

export function createRedisProblems(logger: Logger, url: string, options: RedisProblemsOptions = {}): RedisProblems {
  const redis = redisTarget(url);
  const now = options.now ?? Date.now;
  const summaryEveryMs = options.summaryEveryMs ?? 60_000;
  let down: { since: number; errors: number; summarizedAt: number } | null = null;
  return {
    error(error) {
      const code = (error as { code?: unknown }).code;
      const reason = typeof code === 'string' ? code : error.message;
      if (!down) {
        down = { since: now(), errors: 1, summarizedAt: now() };
        logger.error(
          { redis, err: { code: code ?? null, message: error.message } },
          `Redis at ${redis} is unreachable (${reason}): start Redis there or set REDIS_URL; retrying`,
        );
        return;
      }
      down.errors += 1;
      if (now() - down.summarizedAt < summaryEveryMs) return;
      down.summarizedAt = now();
      logger.warn(
        { redis, errors: down.errors, downForMs: now() - down.since },
        `Redis at ${redis} is still unreachable (${reason})`,
      );
    },
    ready() {
      if (!down) return;
      logger.info(
        { redis, errors: down.errors, downForMs: now() - down.since },
        `Redis at ${redis} is reachable again`,
      );
      down = null;
    },
  };
}

/**
 * A Redis client for commands the process issues itself (health, dedupe keys, locks).
 * Commands fail at once while Redis is unreachable instead of queueing forever, so a request never hangs on
 * Redis; the client keeps reconnecting in the background and recovers when Redis is back.
 */
export function createRedis(
  url: string,
  logger: Logger,
  extra: RedisOptions = {},
  problems = createRedisProblems(logger, url),
): Redis {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
    ...extra,
  });
  client.on('error', (error: Error) => problems.error(error));
  client.on('ready', () => problems.ready());
  return client;
}

/**
 * One PING with no reconnects: whether Redis answers now, for a command that cannot work without it
 * (`cli jobs`). Resolves null when it answers, or the reason it did not.
 */
export async function probeRedis(url: string, timeoutMs = 3_000): Promise<string | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  let first: unknown;
  // The socket's own error (ECONNREFUSED, ENOTFOUND) says more than the rejected connect ("Connection is closed").
  client.on('error', (error: Error) => (first ??= error));
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (rejected) {
    const error = first ?? rejected;
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
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
