/**
 * Job `deliver_messages`: the engine's messages of one interview, in order. A candidate must see "Thank you" before
 * the next question, so one job delivers every pending message of one interview in outbox order, under a
 * per-interview lock (another delivery job for the same interview waits its turn). Each row is marked sent right
 * after its message leaves.
 *
 * Delivery is at least once: a worker killed between a platform accepting a message and the row being marked
 * sent resends that one message after the outbox lease runs out. A repeated chat line is the lesser harm than a
 * lost question.
 */
import { z } from 'zod';
import { PLATFORMS, sendMessagePayload } from '../../engine/index.js';
import { AppError } from '../../shared/errors.js';
import type { JobDeps } from '../deps.js';
import { markFailed, markSent } from '../outbox-state.js';
import { defineJob, jobIdOf } from '../queue/definition.js';

export type DeliveryOutcome = { delivered: number } | 'busy';

export async function deliverPendingMessages(deps: JobDeps, interviewId: string): Promise<DeliveryOutcome> {
  const lock = await deps.locks.tryLock(`${deps.keyPrefix}:lock:deliver:${interviewId}`, 30_000);
  if (!lock) return 'busy';
  try {
    const interview = await deps.db.interview.findUnique({ where: { id: interviewId } });
    const rows = await deps.db.outboxEvent.findMany({
      where: { interviewId, kind: 'send_message', status: 'pending' },
      orderBy: { seq: 'asc' },
    });
    if (!interview) throw new AppError('not_found', `interview ${interviewId} not found`);
    let delivered = 0;
    for (const row of rows) {
      const parsed = sendMessagePayload.safeParse(row.payload);
      if (!parsed.success) {
        await markFailed(deps.db, row.id, 'unreadable send_message payload');
        continue;
      }
      await deps.messenger.send({
        interviewId,
        recipient: parsed.data.recipient,
        text: parsed.data.text,
        platform: z.enum(PLATFORMS).parse(interview.platform),
        conversationId: interview.platformConversationId,
        threadId: interview.platformThreadId,
        recruiterId: interview.recruiterId,
      });
      await markSent(deps.db, row.id, deps.clock.now());
      delivered += 1;
    }
    return { delivered };
  } finally {
    await lock.release();
  }
}

export const deliverMessagesJob = defineJob<{ interviewId: string; upToSeq: string; round: number }, JobDeps>({
  name: 'deliver_messages',
  queue: 'messages',
  // `upToSeq` and `round` only make the id: a row handed over again gets a fresh job (see ../outbox-relay.ts).
  schema: z.object({
    interviewId: z.string().min(1),
    upToSeq: z.string().regex(/^\d+$/),
    round: z.number().int().min(0),
  }),
  jobId: (p) => jobIdOf('deliver', p.interviewId, p.upToSeq, p.round),
  attempts: 8,
  backoffMs: 1_000,
  async handle(payload, deps, context) {
    const outcome = await deliverPendingMessages(deps, payload.interviewId);
    if (outcome === 'busy') return context.postpone(250);
  },
});
