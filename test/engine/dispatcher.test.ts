/** The in-process outbox dispatcher: scoped delivery, sent rows, retries with backoff, and giving up. */
import { afterAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/jobs/dispatcher.js';
import { MemoryMessenger } from '../../src/outbound/messenger.js';
import { ManualClock } from '../../src/shared/clock.js';
import { AppError } from '../../src/shared/errors.js';
import { createTestDb } from '../support/db.js';
import { TestChat } from './support/chat.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

describe('drainOutbox', () => {
  it("a session delivers only its own interview's messages", async () => {
    const alice = await TestChat.open(db);
    const bob = await TestChat.open(db);
    await alice.send('yes');
    expect(alice.replies().length).toBe(4);
    expect(bob.replies()).toEqual(bob.opening);
    const rows = await db.outboxEvent.findMany({ where: { interviewId: alice.interviewId, kind: 'send_message' } });
    expect(rows.every((r) => r.status === 'sent' && r.sentAt !== null)).toBe(true);
  });

  it('retries a failing job with growing delays, then marks it failed with a message free of answer text', async () => {
    const chat = await TestChat.open(db);
    const clock = new ManualClock('2030-01-01T00:00:00Z');
    await db.outboxEvent.create({
      data: { interviewId: chat.interviewId, kind: 'enqueue_job', payload: { name: 'score_answer', payload: { answerId: 'x' } }, dedupeKey: `${chat.interviewId}:test-failing-job`, availableAt: clock.now() },
    });
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new AppError('unavailable', 'scorer down'));
    };
    const handlers = { messenger: new MemoryMessenger(), jobs: { score_answer: failing, build_report: failing, advise_turn: failing } };
    const scope = { interviewId: chat.interviewId, maxAttempts: 3, retryDelayMs: 1_000 };

    expect(await drainOutbox(db, handlers, clock, scope)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await drainOutbox(db, handlers, clock, scope)).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    clock.advance(1_000);
    expect(await drainOutbox(db, handlers, clock, scope)).toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance(1_999);
    expect(await drainOutbox(db, handlers, clock, scope)).toEqual({ sent: 0, retried: 0, failed: 0 }); // second delay is 2 s
    clock.advance(1);
    expect(await drainOutbox(db, handlers, clock, scope)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(calls).toBe(3);
    const row = await db.outboxEvent.findUniqueOrThrow({ where: { dedupeKey: `${chat.interviewId}:test-failing-job` } });
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'unavailable: scorer down' });
  });
});
