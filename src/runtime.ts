/**
 * What both processes (server and worker) share at start: configuration, logger, metrics, PostgreSQL, Redis.
 */
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Env } from './config/env.js';
import { loadConfigOrExit } from './config/load.js';
import type { DependencyCheck } from './http/health.js';
import { createLogger, type Logger } from './shared/logger.js';
import { createMetricsRegistry } from './shared/metrics.js';
import { createRedis } from './shared/redis.js';
import { createPrisma, type Db } from './store/prisma.js';

export interface Runtime {
  env: Env;
  logger: Logger;
  metrics: Registry;
  db: Db;
  redis: Redis;
  checks: DependencyCheck[];
  close(): Promise<void>;
}

export function startRuntime(service: 'server' | 'worker'): Runtime {
  const env = loadConfigOrExit();
  const logger = createLogger({ level: env.LOG_LEVEL, service });
  const metrics = createMetricsRegistry(service);
  const db = createPrisma(env.DATABASE_URL);
  const redis = createRedis(env.REDIS_URL, logger);
  const checks: DependencyCheck[] = [
    { name: 'postgres', check: async () => void (await db.$queryRaw`SELECT 1`) },
    { name: 'redis', check: async () => void (await redis.ping()) },
  ];
  return {
    env,
    logger,
    metrics,
    db,
    redis,
    checks,
    async close() {
      await db.$disconnect();
      redis.disconnect();
    },
  };
}
