/** What every Slack listener needs, built once by createSlackPlatform. */
import type { Redis } from 'ioredis';
import type { InterviewRunner } from '../../engine/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../store/prisma.js';
import type { DmOpener } from './delivery/dm.js';
import type { SlackInstallationStore } from './install/installation-store.js';
import type { Pace } from './delivery/pace.js';
import type { SlackTokens } from './tokens.js';

export interface SlackContext {
  db: Db;
  redis: Redis;
  /** Prefix of this deployment's Redis keys (QUEUE_PREFIX). */
  keyPrefix: string;
  logger: Logger;
  clock: Clock;
  runner: InterviewRunner;
  tokens: SlackTokens;
  pace: Pace;
  openDm: DmOpener;
  /** Null in single-workspace mode. */
  installations: SlackInstallationStore | null;
}
