/** Fixed-window counters in Redis, shared by every server process: per link and per client address. */
import type { Redis } from 'ioredis';

export interface Limit {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

export const LIMITS = {
  /** Page views, SSE connections and look-ups of unknown tokens from one address. */
  lookupPerIp: { max: 120, windowMs: 60_000 },
  lookupPerLink: { max: 60, windowMs: 60_000 },
  /** Messages, commands and edits. */
  messagePerLink: { max: 20, windowMs: 60_000 },
  messagePerIp: { max: 60, windowMs: 60_000 },
} satisfies Record<string, Limit>;

export type RateCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function hit(redis: Redis, key: string, limit: Limit, nowMs: number): Promise<RateCheck> {
  const window = Math.floor(nowMs / limit.windowMs);
  const windowKey = `${key}:${window}`;
  const count = await redis.incr(windowKey);
  if (count === 1) await redis.pexpire(windowKey, limit.windowMs);
  if (count <= limit.max) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.ceil(((window + 1) * limit.windowMs - nowMs) / 1000) };
}

/** All must pass; every counter counts the request, so a flood on one link also counts against its address. */
export async function hitAll(redis: Redis, checks: Array<[string, Limit]>, nowMs: number): Promise<RateCheck> {
  const results = await Promise.all(checks.map(([key, limit]) => hit(redis, key, limit, nowMs)));
  const refused = results.filter((r): r is { ok: false; retryAfterSeconds: number } => !r.ok);
  return refused.length
    ? { ok: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) }
    : { ok: true };
}
