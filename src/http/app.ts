import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../shared/logger.js';
import { databaseAppError } from '../store/database-status.js';
import { checkDependencies, type DependencyCheck } from './health.js';

export interface AppOptions {
  checks: DependencyCheck[];
  metrics: Registry;
  logger: Logger;
}

/**
 * The main HTTP surface: health, metrics, and the routes platform adapters mount (Slack at /slack/events,
 * Teams at /api/messages). Mount those on the returned app before calling `finishApp`.
 */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    const report = await checkDependencies(options.checks);
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });

  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', options.metrics.contentType);
    res.send(await options.metrics.metrics());
  });

  return app;
}

/**
 * The catch-all handlers, added after every route. With `databaseUrl`, an error that says PostgreSQL cannot be
 * used (not migrated, unreachable) answers 503 with the one line that says what to do, logged as that line.
 */
export function finishApp(app: Express, logger: Logger, options: { databaseUrl?: string } = {}): void {
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const unavailable = options.databaseUrl ? databaseAppError(error, options.databaseUrl) : null;
    if (unavailable) {
      logger.error({ path: req.path }, unavailable.message);
      if (res.headersSent) return;
      // A person at the console reads the line itself; a client reads it as JSON.
      if (req.accepts(['json', 'html']) === 'html') res.status(503).type('text/plain').send(unavailable.userMessage);
      else res.status(503).json({ error: 'unavailable', message: unavailable.userMessage });
      return;
    }
    logger.error({ err: error }, 'unhandled error in an HTTP handler');
    if (!res.headersSent) res.status(500).json({ error: 'internal' });
  });
}
