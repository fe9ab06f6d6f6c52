/**
 * `npm run worker`: the background side. It relays committed effects from the outbox into BullMQ, runs the jobs
 * (message delivery, timers, scoring, reports, posting), and reconciles what Redis may have lost against
 * PostgreSQL. It serves its own /healthz and /metrics on WORKER_PORT.
 */
import type { AddressInfo } from 'node:net';
import { createApp, finishApp } from './http/app.js';
import { createInterviewing } from './interviewing.js';
import { combineDestinations, routeMessages } from './pipeline/outlets.js';
import { createRateLimiter } from './pipeline/rate-limit.js';
import { startPipeline } from './pipeline/start.js';
import { platformOutlets } from './platform-outlets.js';
import { registerJobMetrics, registerQueueMetrics } from './queue/metrics.js';
import { createQueues } from './queue/queues.js';
import { startRuntime } from './runtime.js';
import { systemClock } from './shared/clock.js';
import { handleShutdown } from './shared/lifecycle.js';
import { bullConnectionOptions, createRedis } from './shared/redis.js';

const runtime = startRuntime('worker');
const { env, logger, db } = runtime;
// Locks and rate limits wait out a Redis reconnect (the runtime's client fails fast, which suits health checks).
const redis = createRedis(env.REDIS_URL, logger, { enableOfflineQueue: true, maxRetriesPerRequest: 3 });

const connection = bullConnectionOptions(env.REDIS_URL);
const queues = createQueues(connection, env.QUEUE_PREFIX);
registerQueueMetrics(runtime.metrics, queues);
const metrics = registerJobMetrics(runtime.metrics);

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

const pipeline = startPipeline(
  {
    db,
    redis,
    queues,
    clock: systemClock,
    logger,
    runner: interviewing.runner,
    engineJobs: interviewing.engineJobs,
    messenger: routeMessages(outlets),
    destinations: combineDestinations(outlets),
    // Slack allows about one message per second per channel.
    postLimiter: createRateLimiter(redis, env.QUEUE_PREFIX, env.POST_INTERVAL_MS),
    keyPrefix: env.QUEUE_PREFIX,
    lockTtlMs: env.JOB_LOCK_MS,
    metrics,
  },
  {
    connection,
    concurrency: env.WORKER_CONCURRENCY,
    reconcileEveryMs: env.RECONCILE_INTERVAL_MS,
    relay: { leaseMs: env.OUTBOX_LEASE_MS },
  },
);

const app = createApp({ checks: runtime.checks, metrics: runtime.metrics, logger });
finishApp(app, logger);
const server = app.listen(env.WORKER_PORT, env.HOST, () => {
  const { port } = server.address() as AddressInfo;
  logger.info({ port, platforms: outlets.map((o) => o.platform) }, 'Screener worker started');
});

handleShutdown(
  logger,
  [
    // Stop taking work and let active jobs finish; a job cut off by a hard kill is retried as a stalled job.
    { name: 'pipeline', run: () => pipeline.stop() },
    { name: 'queues', run: () => queues.close() },
    { name: 'http', run: () => new Promise<void>((resolve) => server.close(() => resolve())) },
    { name: 'connections', run: async () => {
      redis.disconnect();
      await runtime.close();
    } },
  ],
  env.SHUTDOWN_TIMEOUT_MS,
);
