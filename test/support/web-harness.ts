/**
 * The web platform on a real HTTP port with the worker's pipeline in the same process, against a scratch
 * database (the relay must not take other test files' rows) and Redis under a prefix of its own.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { parseEnv } from '../../src/config/env.js';
import { createInterviewing } from '../../src/process/interviewing.js';
import { createApp, finishApp } from '../../src/http/app.js';
import { combineDestinations, routeMessages } from '../../src/outbound/outlets.js';
import { redisLocks } from '../../src/shared/lock.js';
import { startWorkerLoops, type RunningWorker } from '../../src/background/start.js';
import { createWebPlatform, webOutlet, type WebPlatform } from '../../src/platforms/web/index.js';
import { DEFAULT_LINK_TTL_MS } from '../../src/platforms/web/settings.js';
import { registerJobMetrics } from '../../src/background/queue/metrics.js';
import { bullmqJobQueue, createQueues } from '../../src/background/queue/queues.js';
import { systemClock } from '../../src/shared/clock.js';
import { createScratchDatabase } from './db.js';
import { formBrowser } from './web-forms.js';
import { deleteKeys, redisConnection, TEST_REDIS_URL, uniquePrefix } from './redis.js';

export const TEST_LINK_SECRET = Buffer.from('web-test-link-secret-web-test-link-secret');

export interface WebHarness {
  url: string;
  web: WebPlatform;
  db: Awaited<ReturnType<typeof createScratchDatabase>>['db'];
  redis: Redis;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.on('listening', () => resolve((server.address() as AddressInfo).port)));
}

export async function startWebHarness(
  label: string,
  options: { quietWindowMs?: number; env?: Record<string, string> } = {},
): Promise<WebHarness> {
  const scratch = await createScratchDatabase(label);
  const prefix = uniquePrefix(label);
  const parsed = parseEnv({ NODE_ENV: 'test', QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent', ...options.env });
  if (!parsed.ok) throw new Error('test environment is invalid');
  const { env } = parsed;
  const redis = new Redis(TEST_REDIS_URL);
  const logger = pino({ level: 'silent' });
  const db = scratch.db;
  const interviewing = createInterviewing({ env, db, clock: systemClock, logger });
  const settings = {
    sandbox: true,
    linkSecret: TEST_LINK_SECRET,
    linkSecretIsEphemeral: false,
    publicUrl: null,
    linkTtlMs: DEFAULT_LINK_TTL_MS,
  };
  const web = createWebPlatform({
    env,
    db,
    redis,
    logger,
    runner: interviewing.runner,
    settings,
    quietWindowMs: options.quietWindowMs ?? 300,
  });
  const outlets = [webOutlet({ env, db, redis, logger })];
  const queues = createQueues(redisConnection(), prefix);
  const running: RunningWorker = startWorkerLoops(
    {
      db,
      queue: bullmqJobQueue(queues),
      locks: redisLocks(redis),
      clock: systemClock,
      logger,
      runner: interviewing.runner,
      work: interviewing.work,
      metrics: registerJobMetrics(new Registry()),
      messenger: routeMessages(outlets),
      destinations: combineDestinations(outlets),
      keyPrefix: prefix,
      lockTtlMs: 5_000,
    },
    { connection: redisConnection(), relayIdleMs: 50, reconcileEveryMs: 60_000 },
  );
  const app = createApp({ checks: [], metrics: new Registry(), logger });
  web.mount(app);
  finishApp(app, logger);
  const server = app.listen(0, '127.0.0.1');
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    web,
    db,
    redis,
    async close() {
      await web.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running.stop();
      await queues.close();
      redis.disconnect();
      await deleteKeys(prefix);
      await scratch.drop();
    },
  };
}

/**
 * The browser's side of the sandbox: the CSRF cookie and field from the console page, then same-origin form posts
 * (console, chat page, hiring page). A 303 is followed with a GET, as a browser does, and that page is the answer.
 * A refused post throws, with the link token left out of the message.
 */
export async function sandboxFormPoster(
  base: string,
): Promise<(path: string, fields: Record<string, string>) => Promise<Response>> {
  const browser = formBrowser(base);
  await browser.open('/');
  return async (path, fields) => {
    const res = await browser.post(path, fields, { 'x-requested-with': 'fetch' });
    if (res.status >= 400)
      throw new Error(`POST ${path.replace(/\/c\/[^/]+/, '/c/<token>')}: ${res.status} ${await res.text()}`);
    return res.status === 303 ? browser.follow(res) : res;
  };
}
