import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { bullConnectionOptions } from '../../src/shared/redis.js';
import { deleteKeysUnder } from './redis-keys.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function redisConnection() {
  return bullConnectionOptions(TEST_REDIS_URL);
}

/** A key prefix of this run and this test, so tests never see each other's queues. */
export function uniquePrefix(label: string): string {
  return `${inject('redisPrefix')}-${label}-${randomBytes(3).toString('hex')}`;
}

/** Deletes every key under a test prefix (BullMQ keys are `<prefix>:<queue>:...`). */
export function deleteKeys(prefix: string): Promise<number> {
  return deleteKeysUnder(TEST_REDIS_URL, prefix);
}
