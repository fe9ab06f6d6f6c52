/** `npm start`: the HTTP server (health, metrics, and the platform routes). */
import type { AddressInfo } from 'node:net';
import { createApp, finishApp } from '../http/app.js';
import { createInterviewing } from './interviewing.js';
import {
  createSlackPlatform,
  createSlackUrlVerifier,
  slackConfigured,
  slackDeliveryConfigured,
} from '../platforms/slack/index.js';
import { createTeamsPlatform, teamsConfigured } from '../platforms/teams/index.js';
import { createWebPlatform } from '../platforms/web/index.js';
import { startBackground, type Background } from './background.js';
import { startRuntime } from './runtime.js';
import { systemClock } from '../shared/clock.js';
import { handleShutdown } from '../shared/lifecycle.js';

const runtime = startRuntime('server');
const { env, logger, db, redis } = runtime;
const { runner } = createInterviewing({ db, clock: systemClock, logger, env });

const app = createApp({ checks: runtime.checks, metrics: runtime.metrics, logger });
// Platform routes read their own raw bodies (request signatures): no global body parser goes before them.
const slack = !slackConfigured(env)
  ? null
  : slackDeliveryConfigured(env)
    ? createSlackPlatform({ env, db, redis, logger, clock: systemClock, runner })
    : createSlackUrlVerifier({ env, logger, clock: systemClock });
slack?.mount(app);
const teams = teamsConfigured(env) ? createTeamsPlatform({ env, db, redis, logger, clock: systemClock, runner }) : null;
teams?.mount(app);
const web = createWebPlatform({ env, db, redis, logger, clock: systemClock, runner });
web.mount(app);
finishApp(app, logger, { databaseUrl: env.DATABASE_URL });
// The sandbox is for trying Screener with one command: it runs the background work in this process too, once
// PostgreSQL is migrated (until then the background's every pass would fail the same way).
let background: Background | null = null;
let stopping = false;
const databaseReady = runtime.databaseReady();
if (web.settings.sandbox) {
  void databaseReady.then(() => {
    if (!stopping)
      background = startBackground({ env, db, logger, metrics: runtime.metrics, redisProblems: runtime.redisProblems });
  });
}
try {
  await slack?.start();
  await teams?.start();
} catch (error) {
  logger.fatal(
    { err: { message: error instanceof Error ? error.message : String(error) } },
    'a chat platform could not start',
  );
  process.exit(1);
}

const server = app.listen(env.PORT, env.HOST, () => {
  const { port } = server.address() as AddressInfo;
  logger.info(
    {
      host: env.HOST,
      port,
      url: `http://${env.HOST}:${port}/`,
      slack: slack?.transport ?? 'off',
      teams: teams ? 'on' : 'off',
    },
    'Screener server listening',
  );
  // Only once it can work: with PostgreSQL or Redis down, the log says what to fix instead.
  if (web.settings.sandbox) {
    void Promise.all([databaseReady, runtime.redisReady()]).then(() => {
      if (!stopping)
        logger.info({ url: `http://${env.HOST}:${port}/` }, 'Screener sandbox: open this URL in a browser');
    });
  }
});
server.on('error', (error) => {
  logger.fatal({ err: error }, 'the HTTP server could not start');
  process.exit(1);
});

handleShutdown(
  logger,
  [
    // Open live-update streams would keep the HTTP server from closing: end them first.
    {
      name: 'web',
      run: () => {
        stopping = true;
        return web.stop();
      },
    },
    {
      name: 'http',
      run: () =>
        new Promise<void>((resolve) => {
          // Stop accepting connections, let in-flight requests finish, drop idle keep-alive sockets.
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    },
    // Work already acknowledged to Slack finishes before the connections close.
    { name: 'slack', run: () => slack?.stop() ?? Promise.resolve() },
    { name: 'teams', run: () => teams?.stop() ?? Promise.resolve() },
    { name: 'background', run: () => background?.stop() ?? Promise.resolve() },
    { name: 'connections', run: () => runtime.close() },
  ],
  env.SHUTDOWN_TIMEOUT_MS,
);
