/**
 * The outbox relay, the one consumer of the outbox: moves committed effects from PostgreSQL into the job queue
 * (BullMQ in the worker, this process's queue in the CLI demo and tests), reading each row by its contract in
 * src/engine/outbox.ts.
 *
 * A row stays `pending` until its job has done the work (the job marks it `sent`). Handing it to BullMQ only
 * leases it: `availableAt` moves one lease ahead. If Redis loses the job (a flush, a failover), the lease runs
 * out and the relay hands the row over again; if the job already ran, the row is closed; if it failed for good,
 * it is retried. So a crash between commit and enqueue, or a wiped Redis, loses nothing, and deterministic job
 * ids keep a second hand-over from doubling the work.
 */
import { Prisma } from '../store/prisma.js';
import { jobRequestPayload } from '../engine/index.js';
import type { JobDeps } from './deps.js';
import { adviseTurnJob, buildReportJob, deliverMessagesJob, fireTimerJob, scoreAnswerJob } from './jobs/index.js';
import { markFailed, markSent } from './outbox-state.js';
import type { EnsureOutcome } from './queue/definition.js';

export interface RelayOptions {
  /** Rows per pass. @defaultValue 200 */
  batch?: number;
  /** How long a handed-over row waits before it is handed over again. @defaultValue 5 minutes */
  leaseMs?: number;
  /** Hand-overs before a row is given up as failed. @defaultValue 50 */
  maxLeases?: number;
  /** Only this interview's rows (an in-process session shares the database with others). @defaultValue all */
  interviewId?: string;
}

interface PendingRow {
  id: string;
  interviewId: string | null;
  kind: string;
  payload: unknown;
  attempts: number;
  seq: bigint;
}

async function handOver(
  deps: JobDeps,
  row: PendingRow,
  lastSeqOfInterview: Map<string, bigint>,
): Promise<EnsureOutcome | 'invalid'> {
  if (row.kind === 'send_message' && row.interviewId) {
    const upToSeq = String(lastSeqOfInterview.get(row.interviewId) ?? row.seq);
    // `round`: a row handed over again gets a fresh job, since the earlier one may have completed without it.
    return deps.queue.ensure(deliverMessagesJob, { interviewId: row.interviewId, upToSeq, round: row.attempts });
  }
  if (row.kind === 'schedule_timer') return deps.queue.ensure(fireTimerJob, { outboxId: row.id });
  const job = jobRequestPayload.safeParse(row.payload);
  if (row.kind !== 'enqueue_job' || !job.success) return 'invalid';
  if (job.data.name === 'score_answer')
    return deps.queue.ensure(scoreAnswerJob, { ...job.data.payload, outboxId: row.id });
  if (job.data.name === 'advise_turn')
    return deps.queue.ensure(adviseTurnJob, { ...job.data.payload, outboxId: row.id });
  return deps.queue.ensure(buildReportJob, { interviewId: job.data.payload.interviewId, outboxId: row.id });
}

/** One pass over the due rows; returns how many it handed over. Safe to run in several processes at once. */
export async function relayOnce(deps: JobDeps, options: RelayOptions = {}): Promise<number> {
  const { batch = 200, leaseMs = 5 * 60_000, maxLeases = 50 } = options;
  const now = deps.clock.now();
  const scope = options.interviewId ? Prisma.sql`AND "interviewId" = ${options.interviewId}` : Prisma.empty;
  return deps.db.$transaction(
    async (tx) => {
      // SKIP LOCKED: two relays never take the same row; each takes the next free ones.
      const rows = await tx.$queryRaw<PendingRow[]>`
      SELECT "id", "interviewId", "kind", "payload", "attempts", "seq" FROM "OutboxEvent"
      WHERE "status" = 'pending' AND "availableAt" <= ${now} ${scope}
      ORDER BY "seq" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      const lastSeq = new Map<string, bigint>();
      for (const row of rows) if (row.kind === 'send_message' && row.interviewId) lastSeq.set(row.interviewId, row.seq);
      for (const row of rows) {
        if (row.attempts >= maxLeases) {
          await markFailed(tx, row.id, `not completed after ${maxLeases} hand-overs`);
          continue;
        }
        const outcome = await handOver(deps, row, lastSeq);
        if (outcome === 'invalid') await markFailed(tx, row.id, `unknown outbox row kind or payload: ${row.kind}`);
        else if (outcome === 'completed') await markSent(tx, row.id, now);
        else
          await tx.outboxEvent.update({
            where: { id: row.id },
            data: { availableAt: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
          });
      }
      return rows.length;
    },
    { timeout: 30_000 },
  );
}
