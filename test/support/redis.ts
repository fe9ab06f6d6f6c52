import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { bullConnectionOptions } from '../../src/shared/redis.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function redisConnection() {
  return bullConnectionOptions(TEST_REDIS_URL);
}

/** A key prefix of this run and this test, so tests never see each other's queues. */
export function uniquePrefix(label: string): string {
  return `${inject('redisPrefix')}-${label}-${randomBytes(3).toString('hex')}`;
}

/** Deletes every key under a test prefix (BullMQ keys are `<prefix>:<queue>:...`). */
export async function deleteKeys(prefix: string): Promise<number> {
  const { Redis } = await import('ioredis');
  const client = new Redis(TEST_REDIS_URL);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}
