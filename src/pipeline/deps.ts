import type { Redis } from 'ioredis';
import type { InterviewRunner } from '../engine/index.js';
import type { JobHandlers } from '../jobs/dispatcher.js';
import type { Messenger } from '../outbound/messenger.js';
import type { JobMetrics } from '../queue/metrics.js';
import type { Queues } from '../queue/queues.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/prisma.js';
import type { DestinationResolver } from '../outbound/destination.js';
import type { RateLimiter } from '../shared/rate-limit.js';

/** What the pipeline's jobs need, built once per worker process. */
export interface PipelineDeps {
  db: Db;
  redis: Redis;
  queues: Queues;
  clock: Clock;
  logger: Logger;
  runner: InterviewRunner;
  /** score_answer and build_report, from src/jobs. */
  engineJobs: JobHandlers;
  /** Delivers the engine's messages on the interview's platform. */
  messenger: Messenger;
  destinations: DestinationResolver;
  /** One post per destination per interval (Slack: about one message per second per channel). */
  postLimiter: RateLimiter;
  /** Redis key prefix for locks; the queue prefix. */
  keyPrefix: string;
  /**
   * How long a job may hold its work before another worker takes it over: BullMQ's job lock and our own
   * posting lock use the same time, so a killed worker's work moves on after it.
   */
  lockTtlMs: number;
  metrics?: JobMetrics;
}
