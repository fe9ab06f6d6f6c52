/**
 * Screener's Microsoft Teams bot. The server mounts it; the worker needs only its delivery half (the messenger for
 * the engine's messages, the destinations for report cards). Every import of the Bot Framework SDK stays in this
 * folder, behind the same platform interface as Slack, so the archived SDK can be swapped for the Teams SDK.
 */
import { CloudAdapter } from 'botbuilder';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Env } from '../../config/env.js';
import type { InterviewRunner } from '../../engine/index.js';
import type { Messenger } from '../../outbound/messenger.js';
import type { DestinationResolver } from '../../outbound/destination.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../store/prisma.js';
import { adapterConnector, type TeamsConnector } from './connector.js';
import type { TeamsContext } from './context.js';
import { teamsDestinations } from './delivery/destinations.js';
import { teamsMessenger } from './delivery/messenger.js';
import { teamsSettings, type TeamsSettings } from './settings.js';
import { teamsAuthentication } from './transport/authentication.js';
import { mountMessages } from './transport/http.js';
import { InFlight } from '../common/in-flight.js';
import type { RetryOptions } from './transport/retry.js';

export { teamsConfigured } from './settings.js';

export interface TeamsDeliveryDeps {
  env: Env;
  db: Db;
  redis: Redis;
  logger: Logger;
  clock: Clock;
  /** Backoff of Bot Connector retries. @defaultValue 5 attempts from 500 ms */
  retry?: RetryOptions;
}

export interface TeamsPlatformDeps extends TeamsDeliveryDeps {
  runner: InterviewRunner;
}

export interface TeamsDelivery {
  messenger: Messenger;
  destinations: DestinationResolver;
}

export interface TeamsPlatform extends TeamsDelivery {
  /** Adds POST /api/messages. */
  mount(app: Express): void;
  start(): Promise<void>;
  /** Waits for work already acknowledged to Teams. */
  stop(): Promise<void>;
  idle(): Promise<void>;
}

interface Parts extends TeamsDelivery {
  settings: TeamsSettings;
  adapter: CloudAdapter;
  connector: TeamsConnector;
}

function buildParts(deps: TeamsDeliveryDeps): Parts {
  const settings = teamsSettings(deps.env);
  const adapter = new CloudAdapter(teamsAuthentication(settings));
  const logger = deps.logger.child({ platform: 'teams' });
  adapter.onTurnError = async (_context, error) => {
    logger.error({ err: { message: error.message } }, 'a Teams turn failed');
  };
  const connector = adapterConnector(adapter, settings.appId, deps.retry);
  return {
    settings,
    adapter,
    connector,
    messenger: teamsMessenger({ db: deps.db, connector }),
    destinations: teamsDestinations({ db: deps.db, connector }),
  };
}

export function createTeamsDelivery(deps: TeamsDeliveryDeps): TeamsDelivery {
  const { messenger, destinations } = buildParts(deps);
  return { messenger, destinations };
}

export function createTeamsPlatform(deps: TeamsPlatformDeps): TeamsPlatform {
  const parts = buildParts(deps);
  const ctx: TeamsContext = {
    db: deps.db,
    redis: deps.redis,
    keyPrefix: deps.env.QUEUE_PREFIX,
    logger: deps.logger.child({ platform: 'teams' }),
    clock: deps.clock,
    settings: parts.settings,
    connector: parts.connector,
    runner: deps.runner,
  };
  const inFlight = new InFlight();
  return {
    messenger: parts.messenger,
    destinations: parts.destinations,
    mount: (app) => mountMessages(app, parts.adapter, ctx, inFlight),
    start: () => Promise.resolve(),
    stop: () => inFlight.idle(),
    idle: () => inFlight.idle(),
  };
}
