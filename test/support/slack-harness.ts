/**
 * The real Slack app on a real Express server on 127.0.0.1, against the fake Web API, with the engine, the
 * database and Redis all real. `deliver` plays the worker in-process with the worker's own relay and jobs
 * (src/background/in-process.ts): messages through the Slack messenger, due timers, scoring, reports and posting.
 */
import { randomBytes } from 'node:crypto';
import express from 'express';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseEnv, type Env } from '../../src/config/env.js';
import { createOfflineInterviewer, createStep, InterviewRunner } from '../../src/engine/index.js';
import { createSlackPlatform, type SlackPlatform } from '../../src/platforms/slack/index.js';
import { defaultQuestionBank } from '../../src/scoring/index.js';
import type { ManualClock } from '../../src/shared/clock.js';
import { createInterviewStore } from '../../src/store/index.js';
import type { Db } from '../../src/store/prisma.js';
import type { FakeBot, FakeSlack } from './fake-slack.js';
import { SlackDriver } from './slack-driver.js';
import { listenOnLoopback, offlinePlatformDelivery } from './in-process-delivery.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const silentLogger = pino({ level: process.env.SLACK_TEST_LOG ?? 'silent' });

export interface HarnessOptions {
  db: Db;
  redis: Redis;
  slack: FakeSlack;
  clock: ManualClock;
  keyPrefix: string;
  /** Extra or replacing environment variables (OAuth, Socket Mode). */
  env?: Record<string, string>;
  /** @defaultValue 0 (no pacing) */
  postIntervalMs?: number;
  /** The workspace this app's bot token belongs to; give each test file its own. */
  bot?: FakeBot;
}

export interface Harness {
  bot: FakeBot;
  platform: SlackPlatform;
  runner: InterviewRunner;
  driver: SlackDriver;
  baseUrl: string;
  /** Runs the worker's part for one interview until nothing more is due now. */
  deliver(interviewId: string): Promise<void>;
  /** Posts the report card to the workspace's hiring channel by the posting job (src/background/jobs/post-report.ts). */
  postCard(interviewId: string): Promise<string>;
  close(): Promise<void>;
}

/** A workspace of its own: the database is shared by test files running side by side. */
export function uniqueBot(): FakeBot {
  const id = randomBytes(4).toString('hex').toUpperCase();
  return {
    teamId: `T${id}`,
    teamName: `Team ${id}`,
    token: `xoxb-${id.toLowerCase()}-test`,
    botUserId: `UB${id}`,
    botId: `BB${id}`,
  };
}

export function slackEnv(slack: FakeSlack, keyPrefix: string, extra: Record<string, string> = {}): Env {
  const parsed = parseEnv({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.url,
    QUEUE_PREFIX: keyPrefix,
    ...extra,
  });
  if (!parsed.ok) throw new Error(`test environment invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.env;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { db, redis, slack, clock } = options;
  const bank = defaultQuestionBank();
  const interviewer = createOfflineInterviewer(bank);
  const runner = new InterviewRunner({ store: createInterviewStore(db), step: createStep(interviewer), clock });
  const bot = options.bot ?? uniqueBot();
  slack.bots.set(bot.token, bot);
  const env = slackEnv(slack, options.keyPrefix, { SLACK_BOT_TOKEN: bot.token, ...options.env });
  const platform = createSlackPlatform({
    env,
    db,
    redis,
    logger: silentLogger,
    clock,
    runner,
    postIntervalMs: options.postIntervalMs ?? 0,
  });
  const app = express();
  platform.mount(app);
  const { server, baseUrl } = await listenOnLoopback(app);
  await platform.start();
  const delivery = offlinePlatformDelivery({
    db,
    redis,
    clock,
    runner,
    platform,
    bank,
    interviewerLabel: interviewer.label,
    keyPrefix: options.keyPrefix,
    logger: silentLogger,
  });
  const deliver = async (interviewId: string) => {
    await platform.idle();
    await delivery.deliver(interviewId);
  };
  const postCard = delivery.postCard;
  return {
    bot,
    platform,
    runner,
    driver: new SlackDriver(baseUrl, SIGNING_SECRET, clock, bot.teamId),
    baseUrl,
    deliver,
    postCard,
    async close() {
      await platform.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
