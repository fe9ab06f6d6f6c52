import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRateLimiter, type RateLimiter } from '../../../src/shared/rate-limit.js';
import { defineJob, jobIdOf } from '../../../src/background/queue/definition.js';
import { createQueues, enqueue } from '../../../src/background/queue/queues.js';
import { startWorkerHost } from '../../../src/background/queue/worker-host.js';
import { deleteKeys, redisConnection, TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

describe('per-destination rate limit', () => {
  it('gives one slot per interval per key, atomically', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    const prefix = uniquePrefix('rl');
    open.push({ close: async () => void (await deleteKeys(prefix), redis.disconnect()) });
    const limiter = createRateLimiter(redis, prefix, 5_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => limiter.take('C1')));
    expect(results.filter((wait) => wait === 0)).toHaveLength(1);
    for (const wait of results.filter((w) => w !== 0)) expect(wait).toBeGreaterThan(4_000);
    expect(await limiter.take('C2')).toBe(0);
  });

  it('postpones jobs for a busy destination without spending their attempts', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    const prefix = uniquePrefix('post');
    const interval = 250;
    const limiter: RateLimiter = createRateLimiter(redis, prefix, interval);
    const posts: Array<{ channel: string; at: number; attempt: number }> = [];
    const post = defineJob<{ channel: string; n: number }, null>({
      name: 'post',
      queue: 'posting',
      schema: z.object({ channel: z.string(), n: z.number() }),
      jobId: (p) => jobIdOf('post', p.channel, p.n),
      attempts: 1,
      async handle(payload, _deps, context) {
        const wait = await limiter.take(payload.channel);
        if (wait > 0) return context.postpone(wait);
        posts.push({ channel: payload.channel, at: Date.now(), attempt: context.attemptsMade });
      },
    });
    const queues = createQueues(redisConnection(), prefix);
    const events = new QueueEvents('posting', { connection: redisConnection(), prefix });
    const host = startWorkerHost({
      connection: redisConnection(),
      prefix,
      definitions: [post],
      deps: null,
      logger: pino({ level: 'silent' }),
    });
    open.push({ close: async () => void (await deleteKeys(prefix), redis.disconnect()) }, queues, events, host);
    await events.waitUntilReady();

    const ids = [];
    for (let n = 0; n < 3; n++) ids.push(await enqueue(queues, post, { channel: 'C1', n }));
    ids.push(await enqueue(queues, post, { channel: 'C2', n: 0 }));
    for (const id of ids) {
      const job = await queues.get('posting').getJob(id);
      await job?.waitUntilFinished(events, 10_000);
    }

    const c1 = posts.filter((p) => p.channel === 'C1').map((p) => p.at);
    expect(c1).toHaveLength(3);
    for (let i = 1; i < c1.length; i++) expect(c1[i]! - c1[i - 1]!).toBeGreaterThanOrEqual(interval - 20);
    expect(posts.filter((p) => p.channel === 'C2')).toHaveLength(1);
    // A postponed job was not failed: with attempts: 1 it would otherwise never have posted.
    expect(posts.every((p) => p.attempt === 0)).toBe(true);
  });
});
