/** Posting respects Slack's one limiter per channel, shared through Redis by every process. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/shared/clock.js';
import type { Db } from '../../../src/store/prisma.js';
import { createTestDb } from '../../support/db.js';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { startHarness, type Harness } from '../../support/slack-harness.js';

const INTERVAL_MS = 250;
let db: Db;
let redis: Redis;
let slack: FakeSlack;
let harness: Harness;
const prefix = uniquePrefix('slack-pace');

beforeAll(async () => {
  db = createTestDb();
  redis = new Redis(TEST_REDIS_URL);
  slack = await startFakeSlack();
  slack.users.set('UREC', { id: 'UREC', name: 'rita', is_admin: true });
  harness = await startHarness({ db, redis, slack, clock: new ManualClock(), keyPrefix: prefix, postIntervalMs: INTERVAL_MS });
});

afterAll(async () => {
  await harness.close();
  await slack.close();
  await deleteKeys(prefix);
  redis.disconnect();
  await db.$disconnect();
});

describe('pacing', () => {
  it('spaces posts to one channel by the interval, however many senders there are', async () => {
    await harness.driver.command('/interview', 'UREC', '<@UPACE> backend-mid', slack.responseUrl('start'));
    await harness.platform.idle();
    const interview = await db.interview.findFirstOrThrow({ where: { workspace: { externalId: harness.bot.teamId } } });
    const message = (text: string) => ({ interviewId: interview.id, recipient: { to: 'candidate' as const }, text, platform: 'slack' as const, conversationId: interview.platformConversationId, threadId: interview.platformThreadId, recruiterId: 'UREC' });
    const before = slack.callsTo('chat.postMessage').length;
    await Promise.all(['one', 'two', 'three'].map((t) => harness.platform.messenger.send(message(t))));
    const calls = slack.callsTo('chat.postMessage').slice(before);
    expect(calls).toHaveLength(3);
    const times = calls.map((c) => c.at);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(INTERVAL_MS - 30);
    expect(slack.messages.filter((m) => m.thread_ts === interview.platformThreadId).map((m) => m.text).sort()).toEqual(['one', 'three', 'two']);
  });
});
