/** The right to erasure: after "erase", nothing the candidate said or is called remains, only an audit stub. */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/db.js';
import { answerUntilClosed, reachFirstQuestion } from './support/answers.js';
import { TestChat } from './support/chat.js';
import { everythingStoredFor } from './support/rows.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

const NAME = 'Philippa Quarrington';
const TIME_ZONE = 'Pacific/Chatham';
const SECRET = 'zanzibarquokka';

async function expectNothingPersonal(chat: TestChat): Promise<string> {
  const stored = await everythingStoredFor(db, chat.interviewId);
  expect(stored).not.toContain(SECRET);
  expect(stored).not.toContain(NAME);
  expect(stored).not.toContain(TIME_ZONE);
  return stored;
}

describe('erase', () => {
  it('mid-interview: answers, turns, name and time zone go; an audit stub stays', async () => {
    const chat = await TestChat.open(db, { candidate: { displayName: NAME, timeZone: TIME_ZONE } });
    await chat.send('yes');
    await chat.send(`I am ${NAME}, and my side project ${SECRET} is a cache for Node services with many users.`);
    await chat.send(`For caching I would use ${SECRET} with a TTL and invalidate on write, measuring the hit rate.`);
    expect(await everythingStoredFor(db, chat.interviewId)).toContain(SECRET); // the check below can fail

    expect(await chat.send('erase')).toEqual([expect.stringMatching(/deleted/)]);
    expect(chat.recruiterMessages()).toEqual([expect.stringMatching(/erased/)]);
    await expectNothingPersonal(chat);
    const interview = await db.interview.findUniqueOrThrow({
      where: { id: chat.interviewId },
      include: { turns: true, candidate: true },
    });
    expect(interview.status).toBe('erased');
    expect(interview.turns).toEqual([]);
    expect(interview.candidate?.displayName).toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { subject: `interview:${chat.interviewId}`, action: 'interview.erased' },
    });
    expect(audit).toHaveLength(1);
    expect(await chat.send('erase')).toEqual([expect.stringMatching(/was erased/)]);
  });

  it('after the report: the report and every score go too', async () => {
    const chat = await TestChat.open(db, { candidate: { displayName: NAME } });
    await reachFirstQuestion(chat);
    await answerUntilClosed(
      chat,
      () => `I would measure first, then use ${SECRET} to cache results with a TTL and invalidate on writes.`,
    );
    const before = await db.interview.findUniqueOrThrow({ where: { id: chat.interviewId }, include: { report: true } });
    expect(before.status).toBe('scored');
    expect(JSON.stringify(before.report?.data)).toContain(SECRET);

    await chat.send('/erase');
    const stored = await expectNothingPersonal(chat);
    expect(stored).not.toContain('"report":{');
    expect(await db.score.count({ where: { answer: { turn: { interviewId: chat.interviewId } } } })).toBe(0);
    const outbox = await db.outboxEvent.findMany({ where: { interviewId: chat.interviewId } });
    expect(outbox.filter((r) => JSON.stringify(r.payload) === '{"erased":true}').length).toBeGreaterThan(5);
  });
});
