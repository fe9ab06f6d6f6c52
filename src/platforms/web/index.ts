/**
 * Screener on the web: candidate links for people outside any chat workspace, and, with nothing else configured,
 * a sandbox (recruiter console, candidate chat, hiring channel) on loopback. The server mounts it; the worker
 * only needs its delivery half (`webOutlet`).
 *
 * Conversations and candidate links live in PostgreSQL. Live updates cross processes through Redis pub/sub: the
 * worker's messenger stores a WebMessage row and publishes it; each server process holds one subscriber and feeds
 * its open SSE streams, which catch up from the table after the last seq a page saw.
 */
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Redis } from 'ioredis';
import type { Env } from '../../config/env.js';
import type { InterviewRunner } from '../../engine/index.js';
import type { Messenger } from '../../outbound/messenger.js';
import type { DestinationResolver } from '../../outbound/destination.js';
import type { PlatformOutlet } from '../../outbound/outlets.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../store/prisma.js';
import type { WebContext } from './context.js';
import { WebConversations } from './conversation.js';
import { webDestinations } from './delivery/destinations.js';
import { LinkStore } from './link-store.js';
import { LiveHub } from './live.js';
import { webMessenger } from './delivery/messenger.js';
import { candidateRouter } from './handlers/candidate.js';
import { sandboxRouter } from './handlers/sandbox.js';
import { SandboxScreens } from './interviews/screens.js';
import { securityHeaders } from './transport/security.js';
import { webSettings, type WebSettings } from './settings.js';

export { sandboxEnabled } from './settings.js';

export interface WebDeliveryDeps {
  env: Env;
  db: Db;
  redis: Redis;
  logger: Logger;
  /** @defaultValue the system clock */
  clock?: Clock;
}

export interface WebPlatformDeps extends WebDeliveryDeps {
  runner: InterviewRunner;
  /** How long the engine waits for more messages before an answer is complete. @defaultValue the engine's 15 s */
  quietWindowMs?: number;
  /** @defaultValue from the environment (tests pass their own) */
  settings?: WebSettings;
}

export interface WebPlatform {
  readonly settings: WebSettings;
  messenger: Messenger;
  destinations: DestinationResolver;
  /** Static assets, candidate pages and, in the sandbox, the console and hiring channel. Mount before finishApp. */
  mount(app: Express): void;
  /** Ends open SSE streams and the Redis subscriber. */
  stop(): Promise<void>;
}

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

function conversationsOf(deps: WebDeliveryDeps): WebConversations {
  return new WebConversations(deps.db, deps.redis, deps.env.QUEUE_PREFIX);
}

/** The worker's view of the web: deliver messages to conversations and report cards to the hiring page. */
export function webOutlet(deps: WebDeliveryDeps): PlatformOutlet {
  return {
    platform: 'web',
    messenger: webMessenger(conversationsOf(deps), deps.clock ?? systemClock),
    destinations: webDestinations(deps.db),
  };
}

export function createWebPlatform(deps: WebPlatformDeps): WebPlatform {
  const clock = deps.clock ?? systemClock;
  const settings = deps.settings ?? webSettings(deps.env);
  const logger = deps.logger.child({ platform: 'web' });
  const conversations = conversationsOf(deps);
  const hub = new LiveHub(deps.redis, conversations, logger);
  const ctx: WebContext = {
    db: deps.db,
    redis: deps.redis,
    clock,
    logger,
    runner: deps.runner,
    settings,
    keyPrefix: deps.env.QUEUE_PREFIX,
    conversations,
    links: new LinkStore({ db: deps.db, clock, secret: settings.linkSecret, ttlMs: settings.linkTtlMs }),
    hub,
    screens: new SandboxScreens(deps.db, deps.runner, deps.quietWindowMs),
  };
  return {
    settings,
    messenger: webMessenger(conversations, clock),
    destinations: webDestinations(deps.db),
    mount(app) {
      const router = express.Router();
      router.use(securityHeaders);
      router.use('/web/static', express.static(PUBLIC_DIR, { index: false, maxAge: '1h' }));
      router.use(candidateRouter(ctx));
      if (settings.sandbox) router.use(sandboxRouter(ctx));
      app.use(router);
      if (settings.sandbox && settings.linkSecretIsEphemeral)
        logger.warn('LINK_SECRET is not set: candidate links last only as long as this process');
    },
    stop: () => hub.stop(),
  };
}
