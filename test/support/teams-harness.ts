/**
 * The real Teams bot on a real Express server on 127.0.0.1, against the fake Bot Connector and the local signing
 * keys, with the engine, the database and Redis all real. `deliver` plays the worker in-process (its own relay and jobs), as the Slack
 * harness does: the outbox through the Teams messenger, due timers, scoring and report jobs.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Redis } from 'ioredis';
import { parseEnv, type Env } from '../../src/config/env.js';
import { createOfflineInterviewer, createStep, InterviewRunner } from '../../src/engine/index.js';
import { createTeamsPlatform, type TeamsPlatform } from '../../src/platforms/teams/index.js';
import { defaultQuestionBank } from '../../src/scoring/index.js';
import type { ManualClock } from '../../src/shared/clock.js';
import { createInterviewStore } from '../../src/store/index.js';
import type { Db } from '../../src/store/prisma.js';
import type { FakeBotConnector } from './fake-bot-connector.js';
import { silentLogger } from './slack-harness.js';
import { TeamsDriver, type TeamsPerson } from './teams-driver.js';
import type { SigningKeys } from './teams-signing.js';
import { listenOnLoopback, offlinePlatformDelivery } from './in-process-delivery.js';

export const ADMIN_AAD_ID = '00000000-0000-4000-8000-00000000a0a0';

export interface TeamsHarness {
  appId: string;
  tenantId: string;
  platform: TeamsPlatform;
  driver: TeamsDriver;
  admin: TeamsPerson;
  deliver(interviewId: string): Promise<void>;
  postCard(interviewId: string): Promise<string>;
  close(): Promise<void>;
}

export function teamsEnv(
  connector: FakeBotConnector,
  keys: SigningKeys,
  ids: { appId: string; tenantId: string },
  keyPrefix: string,
): Env {
  const parsed = parseEnv({
    TEAMS_APP_ID: ids.appId,
    TEAMS_APP_PASSWORD: 'test-client-secret',
    TEAMS_TENANT_ID: ids.tenantId,
    TEAMS_ADMIN_IDS: ADMIN_AAD_ID,
    TEAMS_OPENID_METADATA_URL: keys.metadataUrl,
    TEAMS_LOGIN_URL: connector.tokenUrl,
    QUEUE_PREFIX: keyPrefix,
  });
  if (!parsed.ok) throw new Error(`test environment invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.env;
}

export async function startTeamsHarness(options: {
  db: Db;
  redis: Redis;
  connector: FakeBotConnector;
  keys: SigningKeys;
  clock: ManualClock;
  keyPrefix: string;
}): Promise<TeamsHarness> {
  const { db, redis, connector, keys, clock } = options;
  const ids = { appId: randomUUID(), tenantId: randomUUID() };
  const bank = defaultQuestionBank();
  const interviewer = createOfflineInterviewer(bank);
  const runner = new InterviewRunner({ store: createInterviewStore(db), step: createStep(interviewer), clock });
  const env = teamsEnv(connector, keys, ids, options.keyPrefix);
  const platform = createTeamsPlatform({
    env,
    db,
    redis,
    logger: silentLogger,
    clock,
    runner,
    retry: { baseDelayMs: 1, sleep: () => Promise.resolve() },
  });
  const app = express();
  platform.mount(app);
  const { server, baseUrl } = await listenOnLoopback(app);
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
    ...ids,
    platform,
    driver: new TeamsDriver(baseUrl, keys, ids.appId, ids.tenantId, connector.url),
    admin: { id: '29:admin-alice', name: 'Alice Admin', aadObjectId: ADMIN_AAD_ID },
    deliver,
    postCard,
    async close() {
      await platform.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
