import { TIMER_INTERVIEW_FIELDS, timerEvent } from '../jobs/timer-event.js';
import type { PipelineDeps } from './deps.js';
import { markSent } from './outbox-state.js';

/**
 * Fires one timer row through the engine. Firing twice is harmless: the engine ignores a timer whose id is no
 * longer the live one, and a row already sent is skipped.
 */
export async function fireTimerRow(deps: PipelineDeps, outboxId: string): Promise<'fired' | 'skipped'> {
  const row = await deps.db.outboxEvent.findUnique({ where: { id: outboxId }, include: { interview: { select: TIMER_INTERVIEW_FIELDS } } });
  if (!row || row.status !== 'pending' || row.kind !== 'schedule_timer') return 'skipped';
  if (row.interview) await deps.runner.handle(row.interview.id, timerEvent(row.interview, row.payload));
  await markSent(deps.db, row.id, deps.clock.now());
  return 'fired';
}
