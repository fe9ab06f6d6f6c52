/**
 * The web platform's routes on a real HTTP port over the shared test database, without the worker's pipeline:
 * for tests of links, forms and limits that need no delivered messages. Redis keys stay under a prefix of its own.
 */
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { parseEnv } from '../../src/config/env.js';
import { createApp, finishApp } from '../../src/http/app.js';
import { createInterviewing } from '../../src/process/interviewing.js';
import { createWebPlatform, type WebPlatform } from '../../src/platforms/web/index.js';
import { LinkStore } from '../../src/platforms/web/link-store.js';
import { DEFAULT_LINK_TTL_MS } from '../../src/platforms/web/settings.js';
import { ManualClock } from '../../src/shared/clock.js';
import type { Db } from '../../src/store/prisma.js';
import { createTestDb } from './db.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis.js';

export const WEB_APP_LINK_SECRET = Buffer.from('web-app-test-link-secret-web-app-test');

export interface WebApp {
  url: string;
  db: Db;
  redis: Redis;
  clock: ManualClock;
  web: WebPlatform;
  /** Issues and revokes links the way the console does, on the same database and clock. */
  links: LinkStore;
  close(): Promise<void>;
}

export async function startWebApp(label: string): Promise<WebApp> {
  const prefix = uniquePrefix(label);
  const parsed = parseEnv({ NODE_ENV: 'test', QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' });
  if (!parsed.ok) throw new Error('test environment is invalid');
  const { env } = parsed;
  const db = createTestDb();
  const redis = new Redis(TEST_REDIS_URL);
  const logger = pino({ level: 'silent' });
  const clock = new ManualClock();
  const settings = {
    sandbox: true,
    linkSecret: WEB_APP_LINK_SECRET,
    linkSecretIsEphemeral: false,
    publicUrl: null,
    linkTtlMs: DEFAULT_LINK_TTL_MS,
  };
  const runner = createInterviewing({ env, db, clock, logger }).runner;
  const web = createWebPlatform({ env, db, redis, logger, clock, runner, settings, quietWindowMs: 0 });
  const app = createApp({ checks: [], metrics: new Registry(), logger });
  web.mount(app);
  finishApp(app, logger);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.on('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    redis,
    clock,
    web,
    links: new LinkStore({ db, clock, secret: WEB_APP_LINK_SECRET, ttlMs: DEFAULT_LINK_TTL_MS }),
    async close() {
      await web.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
      await deleteKeys(prefix);
      await db.$disconnect();
    },
  };
}
