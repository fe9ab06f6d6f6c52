/**
 * The pipeline's jobs. Each names its queue, validates its payload, and has a deterministic id, so the same work
 * enqueued twice (by the outbox relay, the reconciler, or a retry) runs once.
 */
import { z } from 'zod';
import { defineJob, jobIdOf } from '../queue/definition.js';
import { enqueue, ensureJob } from '../queue/queues.js';
import { afterReportBuilt } from './after-report.js';
import type { PipelineDeps } from './deps.js';
import { deliverPendingMessages } from './deliver-messages.js';
import { fireTimerRow } from './fire-timer.js';
import { markSent } from './outbox-state.js';
import { postReport } from './post-report.js';

const outboxId = z.uuid().optional();
const SLEEP_OUT_LIMIT_MS = 5_000;

export const deliverMessagesJob = defineJob<{ interviewId: string; upToSeq: string; round: number }, PipelineDeps>({
  name: 'deliver_messages',
  queue: 'messages',
  schema: z.object({ interviewId: z.string().min(1), upToSeq: z.string().regex(/^\d+$/), round: z.number().int().min(0) }),
  jobId: (p) => jobIdOf('deliver', p.interviewId, p.upToSeq, p.round),
  attempts: 8,
  backoffMs: 1_000,
  async handle(payload, deps, context) {
    const outcome = await deliverPendingMessages(deps, payload.interviewId);
    if (outcome === 'busy') return context.postpone(250);
  },
});

export const fireTimerJob = defineJob<{ outboxId: string }, PipelineDeps>({
  name: 'fire_timer',
  queue: 'timers',
  schema: z.object({ outboxId: z.uuid() }),
  jobId: (p) => jobIdOf('timer', p.outboxId),
  attempts: 8,
  async handle(payload, deps) {
    await fireTimerRow(deps, payload.outboxId);
  },
});

export const scoreAnswerJob = defineJob<{ answerId: string; revision?: number | undefined; outboxId?: string | undefined }, PipelineDeps>({
  name: 'score_answer',
  queue: 'scoring',
  schema: z.object({ answerId: z.string().min(1), revision: z.number().int().min(1).optional(), outboxId }),
  // An edited answer is scored again: each revision is its own job (a completed job's id is kept for a day).
  jobId: (p) => (p.revision ? jobIdOf('score', p.answerId, `r${p.revision}`) : jobIdOf('score', p.answerId)),
  attempts: 6,
  backoffMs: 2_000,
  async handle(payload, deps) {
    const outcome = await deps.engineJobs.score_answer({ answerId: payload.answerId });
    if (payload.outboxId) await markSent(deps.db, payload.outboxId, deps.clock.now());
    // The last score of a closed interview is what the report waits for: it may be waiting out a retry delay, so it
    // runs now. Only then: a report job that ran too early would complete as "skipped" and, under its deterministic
    // id, block the real one.
    if (outcome.reportReady) await ensureJob(deps.queues, buildReportJob, { interviewId: outcome.reportReady });
  },
});

/** The candidate waits for this one: its own queue, so a backlog of scoring never holds up the next question. */
export const adviseTurnJob = defineJob<{ interviewId: string; requestId: string; outboxId?: string | undefined }, PipelineDeps>({
  name: 'advise_turn',
  queue: 'interviewing',
  schema: z.object({ interviewId: z.string().min(1), requestId: z.string().min(1), outboxId }),
  jobId: (p) => jobIdOf('advise', p.requestId),
  // Few and quick: past the engine's deadline the interview has moved on without the advice anyway.
  attempts: 3,
  backoffMs: 1_000,
  async handle(payload, deps) {
    await deps.engineJobs.advise_turn({ interviewId: payload.interviewId, requestId: payload.requestId });
    if (payload.outboxId) await markSent(deps.db, payload.outboxId, deps.clock.now());
  },
});

export const buildReportJob = defineJob<{ interviewId: string; outboxId?: string | undefined }, PipelineDeps>({
  name: 'build_report',
  queue: 'reports',
  schema: z.object({ interviewId: z.string().min(1), outboxId }),
  jobId: (p) => jobIdOf('report', p.interviewId),
  attempts: 10,
  backoffMs: 2_000,
  async handle(payload, deps) {
    const outcome = await deps.engineJobs.build_report({ interviewId: payload.interviewId });
    // Not every answer scored yet: a retry with backoff; the last score job also enqueues this job again.
    if (outcome.status === 'retry') throw new Error(`report not ready: ${outcome.reason ?? 'waiting'}`);
    if (payload.outboxId) await markSent(deps.db, payload.outboxId, deps.clock.now());
    if (outcome.status !== 'done') return;
    for (const destinationId of await afterReportBuilt(deps, payload.interviewId)) {
      await enqueue(deps.queues, postReportJob, { interviewId: payload.interviewId, destinationId });
    }
  },
});

export const postReportJob = defineJob<{ interviewId: string; destinationId: string }, PipelineDeps>({
  name: 'post_report',
  queue: 'posting',
  schema: z.object({ interviewId: z.string().min(1), destinationId: z.string().min(1) }),
  jobId: (p) => jobIdOf('post', p.interviewId, p.destinationId),
  attempts: 8,
  backoffMs: 2_000,
  async handle(payload, deps, context) {
    // A short wait is slept out in place; a long one (a busy channel) puts the job back without spending an attempt.
    for (let wait = await deps.postLimiter.take(payload.destinationId); wait > 0; wait = await deps.postLimiter.take(payload.destinationId)) {
      if (wait > SLEEP_OUT_LIMIT_MS) return context.postpone(wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const outcome = await postReport(
      { db: deps.db, redis: deps.redis, destinations: deps.destinations, clock: deps.clock, lockPrefix: deps.keyPrefix, lockTtlMs: deps.lockTtlMs, onPosted: (d) => deps.metrics?.reportsPosted.inc({ destination: d.split(':')[0] ?? d }) },
      payload,
      context.logger,
    );
    if (outcome === 'busy') return context.postpone(1_000);
  },
});

export const PIPELINE_JOBS = [deliverMessagesJob, fireTimerJob, adviseTurnJob, scoreAnswerJob, buildReportJob, postReportJob];
