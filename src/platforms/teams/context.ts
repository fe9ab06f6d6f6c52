/** What every Teams handler needs, built once by createTeamsPlatform. */
import type { Redis } from 'ioredis';
import type { InterviewRunner } from '../../engine/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../store/prisma.js';
import type { TeamsConnector } from './connector.js';
import type { TeamsSettings } from './settings.js';

export interface TeamsDeliveryContext {
  db: Db;
  redis: Redis;
  /** Prefix of this deployment's Redis keys (QUEUE_PREFIX). */
  keyPrefix: string;
  logger: Logger;
  clock: Clock;
  settings: TeamsSettings;
  connector: TeamsConnector;
}

export interface TeamsContext extends TeamsDeliveryContext {
  runner: InterviewRunner;
}
