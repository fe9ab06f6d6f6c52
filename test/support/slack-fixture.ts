/**
 * The one set-up of the Slack tests: a database client, Redis under a key prefix of the test's own, the fake Web
 * API, and the real app on a harness (./slack-harness.ts); closed in the reverse order, and the prefix's keys
 * deleted. What a fixture is handed (a shared database, Redis or prefix) stays its owner's to close.
 *
 * In a test file, `await slackFixture(label, options)` at the top level starts it and closes it in afterAll;
 * a test that needs one of its own mid-test calls `startSlackFixture` and closes it itself.
 */
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import type { Db } from '../../src/store/prisma.js';
import { createTestDb } from './db.js';
import { startFakeSlack, type FakeBot, type FakeSlack, type FakeUser } from './fake-slack.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis.js';
import { startHarness, type Harness } from './slack-harness.js';

export interface SlackFixtureOptions {
  /** Names the Redis prefix (`uniquePrefix(label)`). */
  label: string;
  /** @defaultValue a client of the test database of its own */
  db?: Db;
  /** @defaultValue a connection of its own */
  redis?: Redis;
  /** @defaultValue `uniquePrefix(label)`, whose keys are deleted on close */
  prefix?: string;
  /** @defaultValue a new ManualClock */
  clock?: ManualClock;
  /** The people the fake's users.info knows. @defaultValue none (anyone else is "Someone") */
  users?: FakeUser[];
  /** Runs on the fake before the app starts (install codes, extra bots, a Socket Mode server). */
  prepare?: (slack: FakeSlack) => void | Promise<void>;
  /** Extra or replacing environment variables (OAuth, Socket Mode). */
  env?: Record<string, string>;
  /** @defaultValue 0 (no pacing) */
  postIntervalMs?: number;
  /** @defaultValue a workspace of its own (uniqueBot) */
  bot?: FakeBot;
}

export interface SlackFixture {
  db: Db;
  redis: Redis;
  prefix: string;
  clock: ManualClock;
  slack: FakeSlack;
  harness: Harness;
  close(): Promise<void>;
}

export async function startSlackFixture(options: SlackFixtureOptions): Promise<SlackFixture> {
  const db = options.db ?? createTestDb();
  const redis = options.redis ?? new Redis(TEST_REDIS_URL);
  const prefix = options.prefix ?? uniquePrefix(options.label);
  const clock = options.clock ?? new ManualClock();
  const slack = await startFakeSlack();
  for (const user of options.users ?? []) slack.users.set(user.id, user);
  await options.prepare?.(slack);
  const harness = await startHarness({
    db,
    redis,
    slack,
    clock,
    keyPrefix: prefix,
    ...(options.env ? { env: options.env } : {}),
    ...(options.postIntervalMs !== undefined ? { postIntervalMs: options.postIntervalMs } : {}),
    ...(options.bot ? { bot: options.bot } : {}),
  });
  return {
    db,
    redis,
    prefix,
    clock,
    slack,
    harness,
    async close() {
      // Calls a test left waiting on a slow fake would hold up the app's stop.
      slack.releaseDelays();
      await harness.close();
      await slack.close();
      if (!options.prefix) await deleteKeys(prefix);
      if (!options.redis) redis.disconnect();
      if (!options.db) await db.$disconnect();
    },
  };
}

/** Starts a fixture for the whole test file (or describe block) and closes it after its tests. */
export async function slackFixture(
  label: string,
  options: Omit<SlackFixtureOptions, 'label'> = {},
): Promise<SlackFixture> {
  const fixture = await startSlackFixture({ ...options, label });
  afterAll(() => fixture.close());
  return fixture;
}
