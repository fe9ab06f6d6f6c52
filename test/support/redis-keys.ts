/**
 * Deletes every Redis key under a prefix (BullMQ and Screener keys are `<prefix>:...`). Free of vitest, so the
 * benchmarks clean up with it too.
 */
import { Redis } from 'ioredis';

export async function deleteKeysUnder(redisUrl: string, prefix: string): Promise<number> {
  const client = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}
