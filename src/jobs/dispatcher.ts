/**
 * The in-process outbox dispatcher: delivers committed effects in order. `send_message` goes to the Messenger,
 * `enqueue_job` runs the job's handler, `schedule_timer` waits until due and is fired by `fireDueTimers`.
 * BullMQ replaces this later; the handlers are plain functions and do not know who calls them.
 */
import { z } from 'zod';
import type { InterviewRunner, JobName } from '../engine/index.js';
import { sendMessagePayloadSchema } from './outbox-payloads.js';
import type { Clock } from '../shared/clock.js';
import { isAppError } from '../shared/errors.js';
import type { Db } from '../store/prisma.js';
import type { Messenger } from '../outbound/messenger.js';
import type { JobOutcome } from './outcome.js';
import { TIMER_INTERVIEW_FIELDS, timerEvent } from './timer-event.js';

export type JobHandlers = Record<JobName, (payload: unknown) => Promise<JobOutcome>>;

export interface OutboxHandlers {
  messenger: Messenger;
  jobs: JobHandlers;
}

export interface DrainOptions {
  /** Attempts before a failing row is marked failed. @defaultValue 5 */
  maxAttempts?: number;
  /** Delay before a `retry` outcome or an error is tried again. @defaultValue 5000 */
  retryDelayMs?: number;
  /** Only this interview's rows (a local session shares the database with other sessions). @defaultValue all */
  interviewId?: string;
}

export interface DrainSummary {
  sent: number;
  retried: number;
  failed: number;
}

type OutboxRow = { id: string; interviewId: string | null; kind: string; payload: unknown; attempts: number };

const jobPayload = z.object({ name: z.enum(['score_answer', 'build_report', 'advise_turn']), payload: z.unknown() });

function nextRow(db: Db, now: Date, interviewId: string | undefined): Promise<OutboxRow | null> {
  return db.outboxEvent.findFirst({
    where: { status: 'pending', kind: { in: ['send_message', 'enqueue_job'] }, availableAt: { lte: now }, ...(interviewId ? { interviewId } : {}) },
    orderBy: [{ seq: 'asc' }],
    select: { id: true, interviewId: true, kind: true, payload: true, attempts: true },
  });
}

async function deliverMessage(db: Db, messenger: Messenger, row: OutboxRow): Promise<JobOutcome> {
  const { recipient, text } = sendMessagePayloadSchema.parse(row.payload);
  const interview = await db.interview.findUnique({ where: { id: row.interviewId ?? '' } });
  if (!interview) return { status: 'skipped', reason: 'interview_not_found' };
  await messenger.send({
    interviewId: interview.id,
    recipient,
    text,
    platform: interview.platform,
    conversationId: interview.platformConversationId,
    threadId: interview.platformThreadId,
    recruiterId: interview.recruiterId,
  });
  return { status: 'done' };
}

function runRow(db: Db, handlers: OutboxHandlers, row: OutboxRow): Promise<JobOutcome> {
  if (row.kind === 'send_message') return deliverMessage(db, handlers.messenger, row);
  const job = jobPayload.parse(row.payload);
  return handlers.jobs[job.name](job.payload);
}

/** An error message without personal data: our own errors carry a safe message, others only their name. */
function describeError(error: unknown): string {
  if (isAppError(error)) return `${error.code}: ${error.message}`.slice(0, 500);
  return error instanceof Error ? error.name : 'unknown error';
}

type Settings = { maxAttempts: number; retryDelayMs: number };

async function settle(db: Db, row: OutboxRow, outcome: JobOutcome | Error, now: Date, options: Settings): Promise<keyof DrainSummary> {
  if (!(outcome instanceof Error) && outcome.status !== 'retry') {
    await db.outboxEvent.update({ where: { id: row.id }, data: { status: 'sent', sentAt: now, attempts: row.attempts + 1 } });
    return 'sent';
  }
  const attempts = row.attempts + 1;
  const lastError = outcome instanceof Error ? describeError(outcome) : `retry: ${outcome.reason ?? 'not ready'}`;
  const giveUp = attempts >= options.maxAttempts;
  await db.outboxEvent.update({
    where: { id: row.id },
    data: { attempts, lastError, status: giveUp ? 'failed' : 'pending', availableAt: new Date(now.getTime() + options.retryDelayMs * attempts) },
  });
  return giveUp ? 'failed' : 'retried';
}

/** Runs every pending row that is available now, oldest first, including rows that running them adds. */
export async function drainOutbox(db: Db, handlers: OutboxHandlers, clock: Clock, options: DrainOptions = {}): Promise<DrainSummary> {
  const settings: Settings = { maxAttempts: options.maxAttempts ?? 5, retryDelayMs: options.retryDelayMs ?? 5_000 };
  const summary: DrainSummary = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const now = clock.now();
    const row = await nextRow(db, now, options.interviewId);
    if (!row) return summary;
    const outcome = await runRow(db, handlers, row).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    summary[await settle(db, row, outcome, now, settings)] += 1;
  }
}

/** Fires the timers due at `now` through the runner, oldest first; returns how many fired. */
export async function fireDueTimers(db: Db, runner: InterviewRunner, now: Date, scope: { interviewId?: string } = {}): Promise<number> {
  const rows = await db.outboxEvent.findMany({
    where: { status: 'pending', kind: 'schedule_timer', availableAt: { lte: now }, ...(scope.interviewId ? { interviewId: scope.interviewId } : {}) },
    orderBy: [{ availableAt: 'asc' }, { dedupeKey: 'asc' }],
    include: { interview: { select: TIMER_INTERVIEW_FIELDS } },
  });
  for (const row of rows) {
    const interview = row.interview;
    if (interview) {
      const event = timerEvent(interview, row.payload);
      // A stale timer (a newer message moved the window) is a no-op in the step, so firing twice is harmless.
      await runner.handle(interview.id, event);
    }
    await db.outboxEvent.update({ where: { id: row.id }, data: { status: 'sent', sentAt: now, attempts: row.attempts + 1 } });
  }
  return rows.length;
}

/**
 * Delivers everything due now and everything that causes, timers included, until nothing more is due: the whole
 * worker's part for one interview, in-process (the CLI demo and tests use it; the worker uses BullMQ).
 */
export async function drainUntilQuiet(db: Db, handlers: OutboxHandlers, runner: InterviewRunner, clock: Clock, scope: { interviewId?: string } = {}): Promise<void> {
  await drainOutbox(db, handlers, clock, scope);
  while ((await fireDueTimers(db, runner, clock.now(), scope)) > 0) await drainOutbox(db, handlers, clock, scope);
}
