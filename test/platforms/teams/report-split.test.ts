/**
 * A report far too long for one Teams message: the card stays under the size limit, and what it cannot hold (the
 * questions it leaves out and the full text report) follows as replies in its thread, every message under the
 * limit, no question lost. A retry that finds the card posts nothing more.
 */
import { randomUUID } from 'node:crypto';
import { CloudAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_TYPE, CARD_BYTE_BUDGET } from '../../../src/platforms/teams/cards/report-card.js';
import { adapterConnector } from '../../../src/platforms/teams/connector.js';
import {
  CARD_POSTED_ACTION,
  teamsReportDestination,
} from '../../../src/platforms/teams/delivery/report-destination.js';
import { teamsSettings } from '../../../src/platforms/teams/settings.js';
import { teamsAuthentication } from '../../../src/platforms/teams/transport/authentication.js';
import type { PostedCard, ReportDestination } from '../../../src/outbound/destination.js';
import { ReportSchema, type Report, type ReportQuestion } from '../../../src/report/schema.js';
import type { Db } from '../../../src/store/prisma.js';
import { createTestDb } from '../../support/db.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.js';
import { sampleReport } from '../../support/fixtures.js';
import { uniquePrefix } from '../../support/redis.js';
import { teamsEnv } from '../../support/teams-harness.js';
import { startSigningKeys, type SigningKeys } from '../../support/teams-signing.js';

const HIRING = '19:split-channel@thread.tacv2';

function hugeReport(): Report {
  const base = sampleReport('Ada Example');
  const template = base.questions[0] as ReportQuestion;
  const questions = Array.from({ length: 7 }, (_, i) => ({
    ...template,
    index: i + 1,
    kind: i < 5 ? ('technical' as const) : ('behavioral' as const),
    question: `QUESTION-MARKER-${i + 1}: ${'Explain in detail how you would design a system that '.repeat(60)}`,
    answer: `${`Answer ${i + 1} goes on & on <b>, "quoted"\n`.repeat(1_000)}`.slice(0, 39_980).padEnd(40_000, '.'),
  }));
  return {
    ...base,
    questions,
    statistics: { ...base.statistics, questionsAsked: 7, technical: 5, behavioral: 2, answered: 7, scored: 7 },
  };
}

let db: Db;
let connector: FakeBotConnector;
let keys: SigningKeys;
let destination: ReportDestination;
const reportKey = randomUUID();
const tenantId = randomUUID();

beforeAll(async () => {
  db = createTestDb();
  connector = await startFakeBotConnector();
  keys = await startSigningKeys();
  const settings = teamsSettings(
    teamsEnv(connector, keys, { appId: randomUUID(), tenantId }, uniquePrefix('teams-split')),
  );
  const bot = adapterConnector(new CloudAdapter(teamsAuthentication(settings)), settings.appId, {
    baseDelayMs: 1,
    sleep: () => Promise.resolve(),
  });
  destination = teamsReportDestination(
    { db, connector: bot },
    { serviceUrl: connector.url, tenantId, conversationId: HIRING },
  );
});

afterAll(async () => {
  await db.auditEvent.deleteMany({ where: { subject: `interview:${reportKey}` } });
  await connector.close();
  await keys.close();
  await db.$disconnect();
});

/** What post-report.ts does under its lock: find the card, post it only when it is not there. */
async function findOrPost(report: Report): Promise<PostedCard> {
  return (await destination.findPosted(reportKey, new Date(0))) ?? destination.post(report, reportKey);
}

describe('a Teams report too long for one message', () => {
  const report = hugeReport();
  let cardId = '';

  it('posts a card within the limit, then the rest in its thread, every message within the limit and no question lost', async () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    cardId = (await findOrPost(report)).messageId;

    const posted = connector.inConversation(HIRING);
    const card = posted.find((a) => a.id === cardId);
    expect(card?.attachments[0]?.contentType).toBe(ADAPTIVE_CARD_TYPE);
    const followUps = posted.filter((a) => a.id !== cardId);
    expect(followUps.length).toBeGreaterThan(1);

    // Every follow-up went to the card's thread.
    const sends = connector
      .connectorCalls()
      .filter((c) => c.method === 'POST' && c.status === 201 && c.path.includes('/activities'));
    expect(sends).toHaveLength(posted.length);
    const threaded = sends.filter((c) => decodeURIComponent(c.path).includes(`;messageid=${cardId}/activities/`));
    expect(threaded).toHaveLength(followUps.length);

    for (const call of sends)
      expect(Buffer.byteLength(JSON.stringify(call.body), 'utf8')).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    const everything = posted.map((a) => `${a.text}\n${JSON.stringify(a.attachments)}`).join('\n');
    for (let n = 1; n <= 7; n += 1) expect(everything).toContain(`QUESTION-MARKER-${n}`);
    // Split, never dropped: each whole answer is in the thread.
    const thread = followUps.map((a) => a.text).join('\n');
    for (let n = 1; n <= 7; n += 1) expect(thread).toContain(`Answer ${n} goes on`);

    const record = await db.auditEvent.findFirstOrThrow({
      where: { action: CARD_POSTED_ACTION, subject: `interview:${reportKey}` },
    });
    expect(record.data).toMatchObject({
      activityId: cardId,
      followUps: { total: followUps.length, sent: followUps.length },
    });
  });

  it('posts nothing more when a retry finds the card', async () => {
    const before = connector.activities.length;
    const calls = connector.connectorCalls().length;
    expect((await findOrPost(report)).messageId).toBe(cardId);
    expect(connector.activities).toHaveLength(before);
    expect(connector.connectorCalls()).toHaveLength(calls);
  });
});
