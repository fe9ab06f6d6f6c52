/** `npm start`: the HTTP server (health, metrics, and the platform routes). */
import type { AddressInfo } from 'node:net';
import { createApp, finishApp } from './http/app.js';
import { startRuntime } from './runtime.js';
import { handleShutdown } from './shared/lifecycle.js';

const runtime = startRuntime('server');
const { env, logger } = runtime;

const app = createApp({ checks: runtime.checks, metrics: runtime.metrics, logger });
finishApp(app, logger);

const server = app.listen(env.PORT, env.HOST, () => {
  const { port } = server.address() as AddressInfo;
  logger.info({ host: env.HOST, port, url: `http://${env.HOST}:${port}/` }, 'Screener server listening');
});
server.on('error', (error) => {
  logger.fatal({ err: error }, 'the HTTP server could not start');
  process.exit(1);
});

handleShutdown(
  logger,
  [
    {
      name: 'http',
      run: () =>
        new Promise<void>((resolve) => {
          // Stop accepting connections, let in-flight requests finish, drop idle keep-alive sockets.
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
    },
    { name: 'connections', run: () => runtime.close() },
  ],
  env.SHUTDOWN_TIMEOUT_MS,
);
