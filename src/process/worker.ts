/**
 * `npm run worker`: the background side. It relays committed effects from the outbox into BullMQ, runs the jobs
 * (message delivery, timers, scoring, reports, posting), and reconciles what Redis may have lost against
 * PostgreSQL. It serves its own /healthz and /metrics on WORKER_PORT.
 */
import type { AddressInfo } from 'node:net';
import { startBackground, type Background } from './background.js';
import { createApp, finishApp } from '../http/app.js';
import { startRuntime } from './runtime.js';
import { handleShutdown } from '../shared/lifecycle.js';

const runtime = startRuntime('worker');
const { env, logger, db } = runtime;

const app = createApp({ checks: runtime.checks, metrics: runtime.metrics, logger });
finishApp(app, logger, { databaseUrl: env.DATABASE_URL });
// The work starts once PostgreSQL is migrated: until then /healthz says why, and the log says it once.
let background: Background | null = null;
let stopping = false;
const server = app.listen(env.WORKER_PORT, env.HOST, () => {
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, 'Screener worker listening (health and metrics)');
  void runtime.databaseReady().then(() => {
    if (stopping) return;
    background = startBackground({ env, db, logger, metrics: runtime.metrics, redisProblems: runtime.redisProblems });
    logger.info({ port, platforms: background.outlets.map((o) => o.platform) }, 'Screener worker started');
  });
});

handleShutdown(
  logger,
  [
    {
      name: 'background',
      run: () => {
        stopping = true;
        return background?.stop() ?? Promise.resolve();
      },
    },
    { name: 'http', run: () => new Promise<void>((resolve) => server.close(() => resolve())) },
    { name: 'connections', run: () => runtime.close() },
  ],
  env.SHUTDOWN_TIMEOUT_MS,
);
