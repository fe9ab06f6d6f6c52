/**
 * The advise_turn job against the real database and runner, with the real openai client on a fake server: a model
 * that hangs is abandoned when the candidate stops, a model that fails still moves the interview on (offline), and
 * a second run of the same job changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOfflineInterviewer,
  createStep,
  InterviewRunner,
  type InboundEvent,
  type Interviewer,
} from '../../src/engine/index.js';
import { adviseTurn } from '../../src/background/jobs/advise-turn.js';
import { defaultQuestionBank } from '../../src/scoring/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createInterviewStore } from '../../src/store/index.js';
import type { Db } from '../../src/store/prisma.js';
import { createTestDb } from '../support/db.js';
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { newSlackInterview, slackWorkspace } from '../support/interviews.js';
import { providerOn } from '../providers/helpers.js';

let db: Db;
let openai: FakeOpenAI;
const bank = defaultQuestionBank();
const interviewer: Interviewer = { ...createOfflineInterviewer(bank), adviceDeadlineMs: 30_000 };
let runner: InterviewRunner;
let workspaceId: string;

beforeAll(async () => {
  db = createTestDb();
  openai = await startFakeOpenAI();
  runner = new InterviewRunner({ store: createInterviewStore(db), step: createStep(interviewer), clock: systemClock });
  workspaceId = (await slackWorkspace(db, 'TADVICE')).id;
});
afterAll(async () => {
  await openai.close();
  await db.$disconnect();
});

let n = 0;
async function waitingAfterIntroduction(user: string) {
  const interviewId = await newSlackInterview(db, workspaceId, user);
  const base = {
    platform: 'slack' as const,
    workspaceId,
    conversationId: `D${user}`,
    threadId: '1700000000.000100',
    userId: user,
    raw: null,
  };
  const send = (event: Partial<InboundEvent>) =>
    runner.handle(interviewId, { ...base, messageId: `m${++n}`, ...event } as InboundEvent);
  await send({ kind: 'start', userId: 'URECRUITER' });
  await send({ kind: 'message', text: 'yes' });
  const outcome = await send({
    kind: 'message',
    text: 'I am a back-end engineer; I have built payment services in Go for six years.',
  });
  const requestId = outcome.state.advice?.requestId;
  if (!requestId) throw new Error('the interview is not waiting for advice');
  return { interviewId, requestId, send };
}

function deps(watchEveryMs = 50) {
  return {
    db,
    store: createInterviewStore(db),
    runner,
    provider: providerOn(openai, { timeoutMs: 10_000 }),
    interviewer,
    bank,
    watchEveryMs,
  };
}

describe('advise_turn', () => {
  it('stops waiting for a hung model once the candidate withdraws, and leaves the interview alone', async () => {
    openai.respondWith(() => reply.hang());
    const { interviewId, requestId, send } = await waitingAfterIntroduction('UADV1');
    const job = adviseTurn(deps(), { interviewId, requestId });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the model call is in flight
    await send({ kind: 'message', text: 'stop' });
    const started = Date.now();
    expect(await job).toEqual({ status: 'skipped', reason: 'no_longer_waiting' });
    expect(Date.now() - started).toBeLessThan(5_000); // not the 10 s request timeout: the call was aborted
    const row = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(row.status).toBe('withdrawn');
    expect(await db.turn.count({ where: { interviewId, kind: { not: 'introduction' } } })).toBe(0);
  });

  it('past the deadline the interview moves on offline, and the model call still in flight is abandoned', async () => {
    openai.respondWith(() => reply.hang());
    const { interviewId, requestId, send } = await waitingAfterIntroduction('UADV3');
    const job = adviseTurn(deps(), { interviewId, requestId });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the model call is in flight
    const deadlineTimerId = (await createInterviewStore(db).load(interviewId))?.state.advice?.deadlineTimerId ?? '';
    await send({
      kind: 'timer',
      timer: 'advice_deadline',
      timerId: deadlineTimerId,
      userId: 'system',
      messageId: deadlineTimerId,
    });
    expect(await job).toEqual({ status: 'skipped', reason: 'no_longer_waiting' });
    const loaded = await createInterviewStore(db).load(interviewId);
    expect(loaded?.state.advice).toBeNull();
    expect(loaded?.state.current?.text).toBe(loaded?.state.plan?.[0]?.text); // the bank's wording, decided offline
    expect(
      await db.auditEvent.count({ where: { subject: `interview:${interviewId}`, action: 'advice.timed_out' } }),
    ).toBe(1);
  });

  it('a model that fails every call still moves the interview on, with the bank question, once', async () => {
    openai.respondWith(() => reply.status(500));
    const { interviewId, requestId } = await waitingAfterIntroduction('UADV2');
    expect(await adviseTurn(deps(), { interviewId, requestId })).toEqual({ status: 'done' });
    const loaded = await createInterviewStore(db).load(interviewId);
    const first = loaded?.state.plan?.[0];
    expect(loaded?.state.advice).toBeNull();
    expect(loaded?.state.current?.text).toBe(first?.text);
    // A second delivery of the same job finds nothing to do.
    expect(await adviseTurn(deps(), { interviewId, requestId })).toEqual({ status: 'skipped', reason: 'not_waiting' });
    expect(await db.turn.count({ where: { interviewId, kind: 'technical' } })).toBe(1);
  });
});
