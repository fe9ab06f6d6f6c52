/** Outbox rows leave `pending` only when their work is done (`sent`) or has failed for good (`failed`). */
import { z } from 'zod';
import type { Prisma } from '../store/prisma.js';

/** The client or a transaction: both can write outbox rows. */
type OutboxWriter = Pick<Prisma.TransactionClient, 'outboxEvent'>;

export async function markSent(db: OutboxWriter, outboxId: string, now: Date): Promise<void> {
  await db.outboxEvent.updateMany({
    where: { id: outboxId, status: 'pending' },
    data: { status: 'sent', sentAt: now },
  });
}

export async function markFailed(db: OutboxWriter, outboxId: string, reason: string): Promise<void> {
  await db.outboxEvent.updateMany({
    where: { id: outboxId, status: 'pending' },
    data: { status: 'failed', lastError: reason.slice(0, 500) },
  });
}

/** A job that failed for good fails the outbox row it was handed (its payload names it), in either queue host. */
export async function failHandedRow(
  db: OutboxWriter,
  job: { name: string; data: unknown },
  error: Error,
): Promise<void> {
  const outboxId = (job.data as { outboxId?: unknown } | null)?.outboxId;
  if (typeof outboxId === 'string') await markFailed(db, outboxId, `${job.name}: ${error.message}`);
}

/** The payload of a job the relay hands an outbox row: the engine's request, and the row the job marks sent when done. */
export function handedRow<Shape extends z.ZodRawShape>(request: z.ZodObject<Shape>) {
  return request.extend({ outboxId: z.uuid().optional() });
}

export async function markHandedRowSent(
  db: OutboxWriter,
  payload: { outboxId?: string | undefined },
  now: Date,
): Promise<void> {
  if (payload.outboxId) await markSent(db, payload.outboxId, now);
}
