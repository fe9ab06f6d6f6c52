import type { Redis } from 'ioredis';
import type { InterviewRunner } from '../../engine/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../store/prisma.js';
import type { WebConversations } from './conversation.js';
import type { LinkStore } from './link-store.js';
import type { LiveHub } from './live.js';
import type { SandboxScreens } from './interviews/screens.js';
import type { WebSettings } from './settings.js';

/** What the web routes share. */
export interface WebContext {
  db: Db;
  redis: Redis;
  clock: Clock;
  logger: Logger;
  runner: InterviewRunner;
  settings: WebSettings;
  keyPrefix: string;
  conversations: WebConversations;
  links: LinkStore;
  hub: LiveHub;
  screens: SandboxScreens;
}
