/**
 * What both Slack suites measure against each other: the real Slack app (the test harness over Screener's own
 * server) and a bare Bolt app, on one fake Slack Web API, with the load client in a second process. One start and
 * one close, so a half-started rig is never left running.
 */
import { Redis } from 'ioredis';
import { ManualClock } from '../../src/shared/clock.js';
import { createPrisma, type Db } from '../../src/store/prisma.js';
import { startFakeSlack, type FakeSlack, type FakeUser } from '../../test/support/fake-slack.js';
import { deleteKeysUnder } from '../../test/support/redis-keys.js';
import { SIGNING_SECRET, startHarness, type Harness } from '../../test/support/slack-harness.js';
import { startBareBolt, type BareBolt } from './bare-bolt.js';
import { LoadClient } from './load.js';
import type { BenchContext } from './result.js';

export interface SlackRig {
  db: Db;
  slack: FakeSlack;
  /** The real time of day (the bare app checks signatures against Date.now()); the suites decide when it moves. */
  clock: ManualClock;
  subject: Harness;
  baseline: BareBolt;
  load: LoadClient;
  close(): Promise<void>;
}

/** `admin` is the Slack user the suite starts screens as (a workspace admin, so /interview is allowed). */
export async function startSlackRig(ctx: BenchContext, label: string, admin: FakeUser): Promise<SlackRig> {
  const keyPrefix = `${ctx.redisPrefix}-${label}`;
  const db = createPrisma(ctx.databaseUrl);
  const redis = new Redis(ctx.redisUrl);
  const slack = await startFakeSlack();
  const clock = new ManualClock(new Date());
  let subject: Harness | null = null;
  let baseline: BareBolt | null = null;
  let load: LoadClient | null = null;
  const close = async () => {
    await load?.close();
    await baseline?.close();
    await subject?.close();
    await slack.close();
    await deleteKeysUnder(ctx.redisUrl, keyPrefix);
    redis.disconnect();
    await db.$disconnect();
  };
  try {
    subject = await startHarness({ db, redis, slack, clock, keyPrefix });
    slack.users.set(admin.id, admin);
    baseline = await startBareBolt({ signingSecret: SIGNING_SECRET, slackApiUrl: slack.url, bot: subject.bot });
    load = await LoadClient.start();
    return { db, slack, clock, subject, baseline, load, close };
  } catch (error) {
    await close();
    throw error;
  }
}
