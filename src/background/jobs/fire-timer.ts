/**
 * Job `fire_timer { outboxId }`: fires one due `schedule_timer` row through the engine. Firing twice is harmless:
 * the engine ignores a timer whose id is no longer the live one, and a row already sent is skipped.
 */
import { z } from 'zod';
import type { JobDeps } from '../deps.js';
import { markSent } from '../outbox-state.js';
import { defineJob, jobIdOf } from '../queue/definition.js';
import { SYSTEM_EVENT_INTERVIEW_FIELDS, timerEvent } from '../system-event.js';

export async function fireTimerRow(
  deps: Pick<JobDeps, 'db' | 'runner' | 'clock'>,
  outboxId: string,
): Promise<'fired' | 'skipped'> {
  const row = await deps.db.outboxEvent.findUnique({
    where: { id: outboxId },
    include: { interview: { select: SYSTEM_EVENT_INTERVIEW_FIELDS } },
  });
  if (!row || row.status !== 'pending' || row.kind !== 'schedule_timer') return 'skipped';
  if (row.interview) await deps.runner.handle(row.interview.id, timerEvent(row.interview, row.payload));
  await markSent(deps.db, row.id, deps.clock.now());
  return 'fired';
}

export const fireTimerJob = defineJob<{ outboxId: string }, JobDeps>({
  name: 'fire_timer',
  queue: 'timers',
  schema: z.object({ outboxId: z.uuid() }),
  jobId: (p) => jobIdOf('timer', p.outboxId),
  attempts: 8,
  async handle(payload, deps) {
    await fireTimerRow(deps, payload.outboxId);
  },
});
