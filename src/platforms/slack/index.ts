/**
 * Screener's Slack app. The server mounts it and starts it; the worker only needs its delivery half (the
 * messenger for the engine's messages, the destinations for report cards). Nothing outside this folder imports
 * a Slack SDK.
 */
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Env } from '../../config/env.js';
import type { InterviewRunner } from '../../engine/index.js';
import type { Messenger } from '../../outbound/messenger.js';
import type { DestinationResolver } from '../../outbound/destination.js';
import { createRateLimiter } from '../../shared/rate-limit.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { AppError } from '../../shared/errors.js';
import type { Db } from '../../store/prisma.js';
import { createBoltApp } from './app.js';
import { InFlight } from '../common/in-flight.js';
import type { SlackContext } from './context.js';
import { slackDestinations } from './delivery/destinations.js';
import { dmOpener } from './delivery/dm.js';
import { prismaInstallationStore, type SlackInstallationStore } from './install/installation-store.js';
import { oauthRouter } from './install/oauth-routes.js';
import { slackMessenger } from './delivery/messenger.js';
import { paceWith } from './delivery/pace.js';
import { slackSettings, type SlackSettings } from './settings.js';
import { installedWorkspaceTokens, singleWorkspaceTokens, type SlackTokens } from './tokens.js';
import { SlackHttpReceiver } from './transport/http-receiver.js';
import { socketModeReceiver } from './transport/socket.js';

export { slackConfigured, slackDeliveryConfigured } from './settings.js';

export interface SlackDeliveryDeps {
  env: Env;
  db: Db;
  redis: Redis;
  logger: Logger;
  clock: Clock;
  /** Least time between two posts to one channel, across all processes. 0 turns pacing off. @defaultValue env.POST_INTERVAL_MS */
  postIntervalMs?: number;
}

export interface SlackPlatformDeps extends SlackDeliveryDeps {
  /** Steps interviews for DM messages, starts and decisions (built by the server with its interviewer). */
  runner: InterviewRunner;
}

export interface SlackDelivery {
  /** Delivers the engine's send_message effects of Slack interviews. */
  messenger: Messenger;
  /** Each Slack workspace's hiring channel, for report cards. */
  destinations: DestinationResolver;
  tokens: SlackTokens;
}

/** What the server runs of Slack: its routes, and a start and a stop. */
export interface SlackServerPart {
  readonly transport: 'http' | 'socket' | 'url_verification_only';
  mount(app: Express): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackPlatform extends SlackDelivery, SlackServerPart {
  readonly transport: 'http' | 'socket';
  /** Adds POST /slack/events (HTTP mode) and, with OAuth, GET /slack/install and /slack/oauth_redirect. */
  mount(app: Express): void;
  /** Names the single workspace's bot (auth.test) and, in Socket Mode, connects. Call before listening. */
  start(): Promise<void>;
  /** Disconnects Socket Mode and waits for work already acknowledged to finish. */
  stop(): Promise<void>;
  /** Resolves when no acknowledged request is still being worked on. */
  idle(): Promise<void>;
}

interface Parts extends SlackDelivery {
  settings: SlackSettings;
  installations: SlackInstallationStore | null;
  context: Omit<SlackContext, 'runner'>;
}

function buildParts(deps: SlackDeliveryDeps): Parts {
  const settings = slackSettings(deps.env);
  const clientOptions = { apiUrl: settings.apiUrl, logger: deps.logger };
  let installations: SlackInstallationStore | null = null;
  let tokens: SlackTokens;
  if (settings.install.kind === 'oauth') {
    installations = prismaInstallationStore(deps.db, settings.install.encryptionKey, () => deps.clock.now());
    tokens = installedWorkspaceTokens(installations, clientOptions);
  } else if (settings.install.kind === 'single') {
    tokens = singleWorkspaceTokens(settings.install.botToken, clientOptions);
  } else {
    throw new AppError(
      'config_invalid',
      'Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET, to talk to Slack',
    );
  }
  const interval = deps.postIntervalMs ?? deps.env.POST_INTERVAL_MS;
  const pace = paceWith(interval > 0 ? createRateLimiter(deps.redis, deps.env.QUEUE_PREFIX, interval) : null);
  const openDm = dmOpener();
  const context = {
    db: deps.db,
    redis: deps.redis,
    keyPrefix: deps.env.QUEUE_PREFIX,
    logger: deps.logger.child({ platform: 'slack' }),
    clock: deps.clock,
    tokens,
    pace,
    openDm,
    installations,
  };
  return {
    settings,
    installations,
    context,
    tokens,
    messenger: slackMessenger({ db: deps.db, tokens, pace, openDm }),
    destinations: slackDestinations({ db: deps.db, tokens, pace }),
  };
}

export function createSlackDelivery(deps: SlackDeliveryDeps): SlackDelivery {
  const { messenger, destinations, tokens } = buildParts(deps);
  return { messenger, destinations, tokens };
}

/**
 * The signing secret alone, as when the app is created from the manifest: Slack checks the request URL before the
 * app is installed, so before any bot token exists. `/slack/events` answers that check (signed, like everything
 * else) and acknowledges and ignores the rest until a bot token or OAuth is configured.
 */
export function createSlackUrlVerifier(deps: Pick<SlackDeliveryDeps, 'env' | 'logger' | 'clock'>): SlackServerPart {
  const settings = slackSettings(deps.env);
  const logger = deps.logger.child({ platform: 'slack' });
  const receiver = new SlackHttpReceiver({
    signingSecret: settings.signingSecret,
    clock: deps.clock,
    logger,
    inFlight: new InFlight(),
  });
  return {
    transport: 'url_verification_only',
    mount: (server) => void server.use(receiver.router),
    start: () => {
      logger.warn(
        "Slack: only SLACK_SIGNING_SECRET is set, so /slack/events answers Slack's URL verification and ignores everything else; set SLACK_BOT_TOKEN (or the OAuth variables) once the app is installed, and restart",
      );
      return Promise.resolve();
    },
    stop: () => Promise.resolve(),
  };
}

export function createSlackPlatform(deps: SlackPlatformDeps): SlackPlatform {
  const parts = buildParts(deps);
  const { settings, context } = parts;
  const ctx: SlackContext = { ...context, runner: deps.runner };
  const inFlight = new InFlight();
  const httpReceiver = settings.appToken
    ? null
    : new SlackHttpReceiver({ signingSecret: settings.signingSecret, clock: deps.clock, logger: ctx.logger, inFlight });
  const receiver =
    httpReceiver ??
    socketModeReceiver({ appToken: settings.appToken ?? '', apiUrl: settings.apiUrl, logger: ctx.logger });
  const app = createBoltApp(ctx, { receiver, apiUrl: settings.apiUrl, inFlight });
  return {
    transport: httpReceiver ? 'http' : 'socket',
    messenger: parts.messenger,
    destinations: parts.destinations,
    tokens: parts.tokens,
    mount(server) {
      if (httpReceiver) server.use(httpReceiver.router);
      if (settings.install.kind === 'oauth' && parts.installations) {
        const { clientId, clientSecret, stateSecret } = settings.install;
        server.use(
          oauthRouter({
            clientId,
            clientSecret,
            stateSecret,
            store: parts.installations,
            apiUrl: settings.apiUrl,
            logger: ctx.logger,
          }),
        );
      }
    },
    async start() {
      await parts.tokens.prepare();
      await app.start();
    },
    async stop() {
      if (!httpReceiver) await app.stop();
      await inFlight.idle();
    },
    idle: () => inFlight.idle(),
  };
}
