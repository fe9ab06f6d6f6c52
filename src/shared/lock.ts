import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface Lock {
  release(): Promise<void>;
}

/**
 * A short-lived lock in Redis (SET NX PX with an owner token). It guards a window, not correctness on its own:
 * the database's unique keys remain the last line, so a lock lost to a Redis restart costs a retry, not a duplicate.
 */
export async function tryLock(redis: Redis, key: string, ttlMs: number): Promise<Lock | null> {
  const token = randomUUID();
  const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') return null;
  return {
    release: async () => {
      await redis.eval(RELEASE_IF_OWNER, 1, key, token);
    },
  };
}

/** Where background work takes its locks: Redis across processes, or this process's memory (the CLI demo). */
export interface Locks {
  tryLock(key: string, ttlMs: number): Promise<Lock | null>;
}

export function redisLocks(redis: Redis): Locks {
  return { tryLock: (key, ttlMs) => tryLock(redis, key, ttlMs) };
}

/** The same contract in one process: a held key is refused until it is released or its time runs out. */
export function memoryLocks(now: () => number = Date.now): Locks {
  const held = new Map<string, { token: symbol; until: number }>();
  return {
    tryLock(key, ttlMs) {
      const current = held.get(key);
      if (current && current.until > now()) return Promise.resolve(null);
      const token = Symbol(key);
      held.set(key, { token, until: now() + ttlMs });
      return Promise.resolve({
        release: () => {
          if (held.get(key)?.token === token) held.delete(key);
          return Promise.resolve();
        },
      });
    },
  };
}
