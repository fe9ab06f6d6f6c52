import { z } from 'zod';
import { PLATFORMS, TIMER_NAMES, type InboundEvent } from '../engine/index.js';
import type { PipelineDeps } from './deps.js';
import { markSent } from './outbox-state.js';

const timerPayload = z.object({ timer: z.enum(TIMER_NAMES), timerId: z.string() });

/**
 * Fires one timer row through the engine. Firing twice is harmless: the engine ignores a timer whose id is no
 * longer the live one, and a row already sent is skipped.
 */
export async function fireTimerRow(deps: PipelineDeps, outboxId: string): Promise<'fired' | 'skipped'> {
  const row = await deps.db.outboxEvent.findUnique({
    where: { id: outboxId },
    include: { interview: { select: { id: true, workspaceId: true, platform: true, platformConversationId: true, platformThreadId: true } } },
  });
  if (!row || row.status !== 'pending' || row.kind !== 'schedule_timer') return 'skipped';
  const interview = row.interview;
  if (interview) {
    const { timer, timerId } = timerPayload.parse(row.payload);
    const event: InboundEvent = {
      kind: 'timer',
      timer,
      timerId,
      platform: z.enum(PLATFORMS).parse(interview.platform),
      workspaceId: interview.workspaceId,
      conversationId: interview.platformConversationId ?? '',
      threadId: interview.platformThreadId,
      userId: 'system',
      messageId: timerId,
      raw: null,
    };
    await deps.runner.handle(interview.id, event);
  }
  await markSent(deps.db, row.id, deps.clock.now());
  return 'fired';
}
