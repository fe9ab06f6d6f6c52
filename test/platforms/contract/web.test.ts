import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { createTestDb } from '../../support/db.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { webContractDriver } from './web-driver.js';
import { platformContract } from './suite.js';

const db = createTestDb();
const redis = new Redis(TEST_REDIS_URL);
const prefix = uniquePrefix('contract-web');

afterAll(async () => {
  await deleteKeys(prefix);
  redis.disconnect();
  await db.$disconnect();
});

platformContract('web', () => webContractDriver(db, redis, prefix));
