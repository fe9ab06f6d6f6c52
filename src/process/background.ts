/**
 * The background side of Screener (outbox relay, jobs, reconciler) as one unit. `npm run worker` runs it; the
 * sandbox server runs it in-process too, so trying Screener in a browser needs a single command.
 */
import type { Registry } from 'prom-client';
import type { Env } from '../config/env.js';
import { createInterviewing } from './interviewing.js';
import { combineDestinations, routeMessages, type PlatformOutlet } from '../outbound/outlets.js';
import { startWorkerLoops } from '../background/start.js';
import { redisLocks } from '../shared/lock.js';
import { platformOutlets } from './platform-outlets.js';
import { registerJobMetrics, registerQueueMetrics } from '../background/queue/metrics.js';
import { bullmqJobQueue, createQueues } from '../background/queue/queues.js';
import { systemClock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import {
  bullConnectionOptions,
  createRedis,
  createRedisProblems,
  isConnectionError,
  type RedisProblems,
} from '../shared/redis.js';
import type { Db } from '../store/prisma.js';

export interface Background {
  outlets: PlatformOutlet[];
  /** Stops taking work, lets active jobs finish, closes the queues and its Redis client. */
  stop(): Promise<void>;
}

export interface BackgroundDeps {
  env: Env;
  db: Db;
  logger: Logger;
  metrics: Registry;
  /** The process's Redis connection reporter (src/process/runtime.ts). @defaultValue one of its own */
  redisProblems?: RedisProblems;
}

function within(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

export function startBackground(deps: BackgroundDeps): Background {
  const { env, db, logger } = deps;
  // Locks and rate limits wait out a Redis reconnect (the runtime's client fails fast, which suits health checks).
  const problems = deps.redisProblems ?? createRedisProblems(logger, env.REDIS_URL);
  const redis = createRedis(env.REDIS_URL, logger, { enableOfflineQueue: true, maxRetriesPerRequest: 3 }, problems);
  const connection = bullConnectionOptions(env.REDIS_URL);
  const queues = createQueues(connection, env.QUEUE_PREFIX, (error) =>
    isConnectionError(error) ? problems.error(error) : logger.warn({ err: { message: error.message } }, 'queue error'),
  );
  registerQueueMetrics(deps.metrics, queues);
  const metrics = registerJobMetrics(deps.metrics);
  const interviewing = createInterviewing({
    db,
    clock: systemClock,
    logger,
    env,
    onTokens: (usage) => {
      metrics.modelTokens.inc({ kind: 'prompt' }, usage.promptTokens);
      metrics.modelTokens.inc({ kind: 'cached_prompt' }, usage.cachedPromptTokens);
      metrics.modelTokens.inc({ kind: 'completion' }, usage.completionTokens);
    },
  });
  const outlets = platformOutlets({ env, db, redis, logger });
  const pipeline = startWorkerLoops(
    {
      db,
      queue: bullmqJobQueue(queues),
      locks: redisLocks(redis),
      clock: systemClock,
      logger,
      runner: interviewing.runner,
      work: interviewing.work,
      messenger: routeMessages(outlets),
      // Each platform paces its own channels (Slack: one limiter per channel, for cards and replies alike).
      destinations: combineDestinations(outlets),
      keyPrefix: env.QUEUE_PREFIX,
      lockTtlMs: env.JOB_LOCK_MS,
      metrics,
    },
    {
      connection,
      concurrency: env.WORKER_CONCURRENCY,
      reconcileEveryMs: env.RECONCILE_INTERVAL_MS,
      relay: { leaseMs: env.OUTBOX_LEASE_MS },
      onConnectionError: (error) => problems.error(error),
    },
  );
  return {
    outlets,
    async stop() {
      if (redis.status !== 'ready') {
        // Redis is unreachable: nothing in flight can finish, and a graceful close would wait for Redis to return.
        // The connections are dropped; a job that was running is retried as a stalled job.
        void pipeline.stop().catch(() => undefined);
        await Promise.allSettled(
          [...pipeline.host.workers.map((w) => w.close(true)), queues.close()].map((p) => within(p, 1_000)),
        );
      } else {
        // A job cut off by a hard kill instead is retried as a stalled job.
        await pipeline.stop();
        await queues.close();
      }
      redis.disconnect();
    },
  };
}
