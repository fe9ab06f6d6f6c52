/**
 * `npm run worker`: the background side. It relays committed effects from the outbox into BullMQ, runs the jobs
 * (message delivery, timers, scoring, reports, posting), and reconciles what Redis may have lost against
 * PostgreSQL. It serves its own /healthz and /metrics on WORKER_PORT.
 */
import type { AddressInfo } from 'node:net';
import { startBackground } from './background.js';
import { createApp, finishApp } from './http/app.js';
import { startRuntime } from './runtime.js';
import { handleShutdown } from './shared/lifecycle.js';

const runtime = startRuntime('worker');
const { env, logger, db } = runtime;
const background = startBackground({ env, db, logger, metrics: runtime.metrics });

const app = createApp({ checks: runtime.checks, metrics: runtime.metrics, logger });
finishApp(app, logger);
const server = app.listen(env.WORKER_PORT, env.HOST, () => {
  const { port } = server.address() as AddressInfo;
  logger.info({ port, platforms: background.outlets.map((o) => o.platform) }, 'Screener worker started');
});

handleShutdown(
  logger,
  [
    { name: 'background', run: () => background.stop() },
    { name: 'http', run: () => new Promise<void>((resolve) => server.close(() => resolve())) },
    { name: 'connections', run: () => runtime.close() },
  ],
  env.SHUTDOWN_TIMEOUT_MS,
);
