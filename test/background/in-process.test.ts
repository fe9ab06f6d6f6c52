/**
 * The in-process host (the CLI demo's and the platform suites' worker): scoped delivery through the relay, and the
 * queue semantics it shares with BullMQ (deterministic ids, retries with backoff, permanent failures, postponing).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inProcessBackground } from '../../src/background/in-process.js';
import { failHandedRow } from '../../src/background/outbox-state.js';
import { defineJob, jobIdOf } from '../../src/background/queue/definition.js';
import { NO_DESTINATIONS } from '../../src/outbound/destination.js';
import { MemoryMessenger } from '../../src/outbound/messenger.js';
import { ManualClock } from '../../src/shared/clock.js';
import { AppError } from '../../src/shared/errors.js';
import { createTestDb } from '../support/db.js';
import { offlineInterviewing } from '../support/scored-interview.js';
import { TestChat } from '../engine/support/chat.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

function host(clock: ManualClock) {
  const interviewing = offlineInterviewing(db);
  return inProcessBackground({
    db,
    clock,
    runner: interviewing.runner,
    work: interviewing.work,
    messenger: new MemoryMessenger(),
    destinations: NO_DESTINATIONS,
  });
}

const failing = (calls: { n: number }) =>
  defineJob<{ answerId: string; outboxId: string }, unknown>({
    name: 'score_answer',
    queue: 'scoring',
    schema: z.object({ answerId: z.string(), outboxId: z.uuid() }),
    jobId: (p) => jobIdOf('test-failing', p.answerId),
    attempts: 3,
    backoffMs: 1_000,
    handle() {
      calls.n += 1;
      return Promise.reject(new AppError('unavailable', 'scorer down'));
    },
  });

describe('the in-process host', () => {
  it("a session delivers only its own interview's messages", async () => {
    const alice = await TestChat.open(db);
    const bob = await TestChat.open(db);
    await alice.send('yes');
    expect(alice.replies().length).toBe(4);
    expect(bob.replies()).toEqual(bob.opening);
    const rows = await db.outboxEvent.findMany({ where: { interviewId: alice.interviewId, kind: 'send_message' } });
    expect(rows.every((r) => r.status === 'sent' && r.sentAt !== null)).toBe(true);
  });

  it('retries a failing job with growing delays, then fails the outbox row it was handed, with a message free of answer text', async () => {
    const chat = await TestChat.open(db);
    const clock = new ManualClock('2030-01-01T00:00:00Z');
    const row = await db.outboxEvent.create({
      data: {
        interviewId: chat.interviewId,
        kind: 'enqueue_job',
        payload: {},
        dedupeKey: `${chat.interviewId}:test-failing-job`,
        availableAt: new Date('2999-01-01T00:00:00Z'),
      },
    });
    const calls = { n: 0 };
    const background = host(clock);
    const run = () =>
      background.queue.runDue({
        deps: null,
        logger: background.deps.logger,
        onFinalFailure: (job, error) => failHandedRow(db, job, error),
      });
    await background.queue.enqueue(failing(calls), { answerId: 'x', outboxId: row.id });

    expect(await run()).toBe(1);
    expect(await run()).toBe(0); // not due yet
    clock.advance(1_000);
    expect(await run()).toBe(1);
    clock.advance(1_999);
    expect(await run()).toBe(0); // the second delay is 2 s
    clock.advance(1);
    expect(await run()).toBe(1);
    expect(calls.n).toBe(3);
    expect(background.queue.list()).toEqual([expect.objectContaining({ state: 'failed', attemptsMade: 3 })]);
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'failed',
      lastError: 'score_answer: scorer down',
    });
  });

  it('collapses a second add of the same job id, and ensure says a finished job completed', async () => {
    const background = host(new ManualClock());
    let runs = 0;
    const once = defineJob<{ id: string }, unknown>({
      name: 'once',
      queue: 'messages',
      schema: z.object({ id: z.string() }),
      jobId: (p) => jobIdOf('once', p.id),
      handle: () => Promise.resolve(void (runs += 1)),
    });
    await background.queue.enqueue(once, { id: 'a' });
    await background.queue.enqueue(once, { id: 'a' });
    await background.queue.runDue({ deps: null, logger: background.deps.logger });
    expect(runs).toBe(1);
    expect(await background.queue.ensure(once, { id: 'a' })).toBe('completed');
    expect(await background.queue.ensure(once, { id: 'b' })).toBe('added');
  });

  it('fails a job for good on a permanent error, and postpones without spending an attempt', async () => {
    const clock = new ManualClock();
    const background = host(clock);
    const permanent = defineJob<{ id: string }, unknown>({
      name: 'permanent',
      queue: 'reports',
      schema: z.object({ id: z.string() }),
      jobId: (p) => jobIdOf('p', p.id),
      attempts: 5,
      handle: () => Promise.reject(new AppError('not_found', 'gone')),
    });
    let tries = 0;
    const patient = defineJob<{ id: string }, unknown>({
      name: 'patient',
      queue: 'posting',
      schema: z.object({ id: z.string() }),
      jobId: (p) => jobIdOf('w', p.id),
      attempts: 1,
      handle: async (_payload, _deps, context) => {
        tries += 1;
        if (tries === 1) await context.postpone(5_000);
      },
    });
    await background.queue.enqueue(permanent, { id: 'a' });
    await background.queue.enqueue(patient, { id: 'a' });
    const runner = { deps: null, logger: background.deps.logger };
    await background.queue.runDue(runner);
    expect(background.queue.list().map((j) => [j.name, j.state, j.attemptsMade])).toEqual([
      ['permanent', 'failed', 1],
      ['patient', 'delayed', 0],
    ]);
    clock.advance(5_000);
    await background.queue.runDue(runner);
    expect(background.queue.list().map((j) => [j.name, j.state])).toEqual([
      ['permanent', 'failed'],
      ['patient', 'completed'],
    ]);
  });
});
