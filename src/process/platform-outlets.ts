/**
 * The platforms this process can reach, from the configuration. Each platform adapter contributes an outlet
 * (a messenger and report destinations); the background never imports a platform SDK.
 */
import type { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import type { PlatformOutlet } from '../outbound/outlets.js';
import { slackOutlet } from '../platforms/slack/outlet.js';
import { slackDeliveryConfigured } from '../platforms/slack/settings.js';
import { teamsOutlet } from '../platforms/teams/outlet.js';
import { teamsConfigured } from '../platforms/teams/settings.js';
import { webOutlet } from '../platforms/web/index.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/prisma.js';

export interface OutletDeps {
  env: Env;
  db: Db;
  redis: Redis;
  logger: Logger;
}

export function platformOutlets(deps: OutletDeps): PlatformOutlet[] {
  const outlets: PlatformOutlet[] = [];
  if (slackDeliveryConfigured(deps.env)) outlets.push(slackOutlet(deps));
  if (teamsConfigured(deps.env)) outlets.push(teamsOutlet(deps));
  // Web interviews (sandbox screens, candidate links) can exist whatever else is configured.
  outlets.push(webOutlet(deps));
  return outlets;
}
