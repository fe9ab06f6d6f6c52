/**
 * The scoring suite's baseline worker: one BullMQ Worker whose jobs do nothing, on the same Redis, with the same
 * concurrency, lock settings and connection options as the real worker host. Runs in a child process of its own,
 * as the real worker does. Env: REDIS_URL, QUEUE_PREFIX, QUEUE_NAME, WORKER_CONCURRENCY. Stops on SIGTERM.
 */
import { Worker } from 'bullmq';
import { bullConnectionOptions } from '../../src/shared/redis.js';

const worker = new Worker(process.env.QUEUE_NAME ?? 'noop', async () => undefined, {
  connection: bullConnectionOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
  prefix: process.env.QUEUE_PREFIX ?? 'screener-bench',
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
  lockDuration: 30_000,
  stalledInterval: 30_000,
  maxStalledCount: 5,
});
worker.on('error', (error) => console.error(`noop worker error: ${error.message}`));
await worker.waitUntilReady();
console.log('noop worker ready');

process.once('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
