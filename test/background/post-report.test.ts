import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DestinationResolver, ReportDestination } from '../../src/outbound/destination.js';
import { postReport, type PostReportDeps } from '../../src/background/jobs/post-report.js';
import { createSlackClient } from '../../src/platforms/slack/client.js';
import { REPORT_EVENT_TYPE, slackReportDestination } from '../../src/platforms/slack/delivery/report-destination.js';
import { systemClock } from '../../src/shared/clock.js';
import { redisLocks } from '../../src/shared/lock.js';
import type { Db } from '../../src/store/prisma.js';
import { createTestDb } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { createInterviewRows, sampleReport } from '../support/fixtures.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

let db: Db;
let redis: Redis;
let slack: FakeSlack;
let destination: ReportDestination;
let deps: PostReportDeps;
const prefix = uniquePrefix('post');
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  db = createTestDb();
  redis = new Redis(TEST_REDIS_URL);
  slack = await startFakeSlack();
  const client = createSlackClient('xoxb-test-token', {
    apiUrl: slack.url,
    retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 50 },
    logger,
  });
  destination = slackReportDestination(client, 'T1', 'CHIRING');
  const resolver: DestinationResolver = {
    forWorkspace: async () => [destination],
    byId: async (id) => (id === destination.id ? destination : null),
  };
  deps = {
    db,
    locks: redisLocks(redis),
    destinations: resolver,
    clock: systemClock,
    lockPrefix: prefix,
    lockTtlMs: 30_000,
  };
});
afterAll(async () => {
  await db.$disconnect();
  await deleteKeys(prefix);
  redis.disconnect();
  await slack.close();
});

async function reportFor() {
  const rows = await createInterviewRows(db);
  await db.report.create({ data: { interviewId: rows.interview.id, data: sampleReport() } });
  return rows.interview.id;
}

function cardsFor(interviewId: string) {
  return slack.messages.filter(
    (m) => m.metadata?.event_type === REPORT_EVENT_TYPE && m.metadata.event_payload.report_key === interviewId,
  );
}

describe('posting a report card exactly once', () => {
  it('posts the card with its report key in the message metadata, records it, and a second run is a no-op', async () => {
    const interviewId = await reportFor();
    expect(await postReport(deps, { interviewId, destinationId: destination.id }, logger)).toBe('posted');
    expect(await postReport(deps, { interviewId, destinationId: destination.id }, logger)).toBe('already_recorded');
    expect(cardsFor(interviewId)).toHaveLength(1);
    const row = await db.reportPost.findFirstOrThrow({ where: { report: { interviewId } } });
    expect(row.messageId).toBe(cardsFor(interviewId)[0]?.ts);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe('reported');
    expect(cardsFor(interviewId)[0]?.text).toContain('Ada Example');
  });

  it('finds a card that was posted but never recorded (a worker killed in between) instead of posting again', async () => {
    const interviewId = await reportFor();
    await destination.post(sampleReport(), interviewId); // the platform accepted it; the database never heard
    expect(await postReport(deps, { interviewId, destinationId: destination.id }, logger)).toBe('found_existing');
    expect(cardsFor(interviewId)).toHaveLength(1);
    const row = await db.reportPost.findFirstOrThrow({ where: { report: { interviewId } } });
    expect(row.postedAt).not.toBeNull();
  });

  it('posts once when two workers race for the same card', async () => {
    const interviewId = await reportFor();
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => postReport(deps, { interviewId, destinationId: destination.id }, logger)),
    );
    expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
    expect(cardsFor(interviewId)).toHaveLength(1);
  });

  it('waits out a 429 with Retry-After and still posts once', async () => {
    const interviewId = await reportFor();
    slack.rateLimit('chat.postMessage', 1, 1);
    const before = slack.callsTo('chat.postMessage').length;
    expect(await postReport(deps, { interviewId, destinationId: destination.id }, logger)).toBe('posted');
    const calls = slack.callsTo('chat.postMessage').slice(before);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(cardsFor(interviewId)).toHaveLength(1);
  });

  it('fails for good when the destination is not configured or the report is missing', async () => {
    const interviewId = await reportFor();
    await expect(postReport(deps, { interviewId, destinationId: 'slack:T9:CNOPE' }, logger)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      postReport(deps, { interviewId: '00000000-0000-0000-0000-000000000000', destinationId: destination.id }, logger),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
