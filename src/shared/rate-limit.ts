import type { Redis } from 'ioredis';

/**
 * At most one action per `intervalMs` per key, across every worker process (Slack allows about one message per
 * second per channel). Returns 0 when the caller may act now, otherwise how many milliseconds to wait.
 * One atomic SET NX PX: no read-then-write race between workers. A slot in its last millisecond still counts as
 * taken (1 ms to wait), since 0 means "go".
 */
const TAKE_SLOT = `
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then return tonumber(ARGV[1]) end
if ttl == 0 then return 1 end
return ttl`;

export interface RateLimiter {
  take(key: string): Promise<number>;
}

/** `intervalMs` 0 turns pacing off. */
export function createRateLimiter(redis: Redis, prefix: string, intervalMs: number): RateLimiter {
  if (intervalMs <= 0) return { take: async () => 0 };
  return {
    async take(key) {
      const wait = await redis.eval(TAKE_SLOT, 1, `${prefix}:rate:${key}`, String(intervalMs));
      return Number(wait);
    },
  };
}
