/** The worker's view of Teams: a messenger and the hiring-channel destinations, without the HTTP endpoint. */
import type { Redis } from 'ioredis';
import type { Env } from '../../config/env.js';
import type { PlatformOutlet } from '../../outbound/outlets.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../store/prisma.js';
import { createTeamsDelivery } from './index.js';

export interface TeamsOutletDeps {
  env: Env;
  db: Db;
  redis: Redis;
  logger: Logger;
  /** @defaultValue the system clock */
  clock?: Clock;
}

export function teamsOutlet(deps: TeamsOutletDeps): PlatformOutlet {
  const { messenger, destinations } = createTeamsDelivery({ ...deps, clock: deps.clock ?? systemClock });
  return { platform: 'teams', messenger, destinations };
}
