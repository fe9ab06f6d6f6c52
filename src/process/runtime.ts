/**
 * What both processes (server and worker) share at start: configuration, logger, metrics, PostgreSQL, Redis.
 */
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Env } from '../config/env.js';
import { loadConfigOrExit } from '../config/load.js';
import { DependencyDown, type DependencyCheck } from '../http/health.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { createMetricsRegistry } from '../shared/metrics.js';
import { createRedis, createRedisProblems, redisTarget, type RedisProblems } from '../shared/redis.js';
import {
  checkDatabase,
  databaseTarget,
  describeDatabaseStatus,
  type DatabaseStatus,
} from '../store/database-status.js';
import { createPrisma, type Db } from '../store/prisma.js';

export interface Runtime {
  env: Env;
  logger: Logger;
  metrics: Registry;
  db: Db;
  redis: Redis;
  /** Every Redis client of the process reports its connection errors here (logged once, then counted). */
  redisProblems: RedisProblems;
  checks: DependencyCheck[];
  /**
   * Resolves once PostgreSQL answers and is migrated. Until then it says what is wrong in one line (again only when
   * that changes) and looks again every `pollMs`: `npm run db:migrate` in another terminal is enough.
   */
  databaseReady(pollMs?: number): Promise<void>;
  /** Resolves once the process's Redis client is connected. */
  redisReady(): Promise<void>;
  close(): Promise<void>;
}

/** Prisma's messages open with a code frame; their last line is what went wrong. */
function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? 'unknown error'
  );
}

export function startRuntime(service: 'server' | 'worker'): Runtime {
  const env = loadConfigOrExit();
  const logger = createLogger({ level: env.LOG_LEVEL, service });
  const metrics = createMetricsRegistry(service);
  const db = createPrisma(env.DATABASE_URL);
  const redisProblems = createRedisProblems(logger, env.REDIS_URL);
  const redis = createRedis(env.REDIS_URL, logger, {}, redisProblems);
  // Once migrated, a database stays so for the life of the process: the migration check is not run again.
  let migrated = false;
  const database = async (): Promise<DatabaseStatus> => {
    if (migrated) {
      await db.$queryRaw`SELECT 1`;
      return { state: 'ready' };
    }
    const status = await checkDatabase(db, env.DATABASE_URL);
    migrated = status.state === 'ready';
    return status;
  };
  const checks: DependencyCheck[] = [
    {
      name: 'postgres',
      check: async () => {
        const status = await database();
        if (status.state === 'not_migrated')
          throw new DependencyDown(describeDatabaseStatus(status), { pendingMigrations: status.pending });
        if (status.state === 'unreachable')
          throw new DependencyDown(describeDatabaseStatus(status), { target: status.target });
      },
    },
    {
      name: 'redis',
      check: async () => {
        const target = redisTarget(env.REDIS_URL);
        if (redis.status !== 'ready')
          throw new DependencyDown(`Redis at ${target} is unreachable: start Redis there or set REDIS_URL`, { target });
        await redis.ping();
      },
    },
  ];
  return {
    env,
    logger,
    metrics,
    db,
    redis,
    redisProblems,
    checks,
    async databaseReady(pollMs = 2_000) {
      let said = '';
      for (;;) {
        const status = await database().catch((error: unknown): DatabaseStatus => ({
          state: 'unreachable',
          target: databaseTarget(env.DATABASE_URL),
          reason: lastLine(error),
        }));
        if (status.state === 'ready') {
          if (said) logger.info('PostgreSQL is ready');
          return;
        }
        const line = describeDatabaseStatus(status);
        if (line !== said) logger.error({ database: status.state === 'unreachable' ? status.target : undefined }, line);
        said = line;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    redisReady() {
      if (redis.status === 'ready') return Promise.resolve();
      return new Promise((resolve) => redis.once('ready', () => resolve()));
    },
    async close() {
      await db.$disconnect();
      redis.disconnect();
    },
  };
}
