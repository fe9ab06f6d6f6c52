/** The worker's view of Slack: a messenger and the hiring-channel destinations, without the Bolt app. */
import type { Redis } from 'ioredis';
import type { Env } from '../../config/env.js';
import type { PlatformOutlet } from '../../outbound/outlets.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../store/prisma.js';
import { createSlackDelivery } from './index.js';

export interface SlackOutletDeps {
  env: Env;
  db: Db;
  redis: Redis;
  logger: Logger;
  /** @defaultValue the system clock */
  clock?: Clock;
}

export function slackOutlet(deps: SlackOutletDeps): PlatformOutlet {
  const { messenger, destinations } = createSlackDelivery({ ...deps, clock: deps.clock ?? systemClock });
  return { platform: 'slack', messenger, destinations };
}
