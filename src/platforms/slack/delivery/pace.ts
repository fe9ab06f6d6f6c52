/** Posting to a channel at the pace Slack allows (about one message per second per channel), across processes. */
import type { RateLimiter } from '../../../shared/rate-limit.js';

export type Pace = (channelId: string) => Promise<void>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Without a limiter (tests that do not care, tools) posting is not paced; Slack's 429s still are. */
export function paceWith(limiter: RateLimiter | null): Pace {
  if (!limiter) return async () => {};
  return async (channelId) => {
    // Wake a millisecond after the slot frees: woken exactly at expiry, the limiter can report 0 ms left
    // without having given the slot, and every waiter would post at once.
    for (let wait = await limiter.take(`slack:${channelId}`); wait > 0; wait = await limiter.take(`slack:${channelId}`))
      await sleep(wait + 1);
  };
}
