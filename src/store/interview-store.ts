/** The engine's InterviewStore over Prisma: the state, its rows and its outbox effects in one transaction. */
import {
  engineStateSchema,
  isOutward,
  type CommitRequest,
  type CommitResult,
  type InterviewStore,
  type LoadedInterview,
} from '../engine/index.js';
import { AppError } from '../shared/errors.js';
import { applyPersistenceEffect } from './apply-effects.js';
import { toJson } from './json.js';
import { outboxRow } from './outbox-rows.js';
import type { Db, Prisma } from './prisma.js';

class VersionConflict extends Error {}

/** The columns a LoadedInterview is read from; other look-ups that select them too can hand the runner the result. */
export const LOADED_INTERVIEW_SELECT = { id: true, version: true, state: true } as const;

export function toLoadedInterview(row: { id: string; version: number; state: Prisma.JsonValue }): LoadedInterview {
  const parsed = engineStateSchema.safeParse(row.state);
  if (!parsed.success) {
    // The issue paths name fields, never values: the state holds answer text.
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new AppError('internal', `interview ${row.id}: stored engine state is not readable (${fields})`);
  }
  return { id: row.id, version: row.version, state: parsed.data };
}

export async function loadInterviewState(db: Db, interviewId: string): Promise<LoadedInterview | null> {
  const row = await db.interview.findUnique({ where: { id: interviewId }, select: LOADED_INTERVIEW_SELECT });
  return row ? toLoadedInterview(row) : null;
}

async function commitInTransaction(tx: Prisma.TransactionClient, request: CommitRequest): Promise<number> {
  const { interviewId, expectedVersion, state, effects, now } = request;
  // First, so a loser of the race waits on the row lock, then sees the new version and writes nothing.
  const updated = await tx.interview.updateMany({
    where: { id: interviewId, version: expectedVersion },
    data: {
      version: { increment: 1 },
      state: toJson(state),
      lastActivityAt: now,
      // Mirrors of the engine's reminder clock, so people and queries can see what is pending.
      nextReminderAt: state.nudge?.reminderAt ? new Date(state.nudge.reminderAt) : null,
      remindersSent: state.nudge?.remindersSent ?? 0,
      expiresAt: state.nudge?.expiresAt ? new Date(state.nudge.expiresAt) : null,
    },
  });
  if (updated.count === 0) throw new VersionConflict();
  const version = expectedVersion + 1;
  const scope = { interviewId, platform: state.platform };
  const outbox: Prisma.OutboxEventCreateManyInput[] = [];
  for (const effect of effects) {
    if (isOutward(effect)) outbox.push(outboxRow(interviewId, version, outbox.length, effect, now));
    else await applyPersistenceEffect(tx, scope, effect);
  }
  if (outbox.length > 0) await tx.outboxEvent.createMany({ data: outbox, skipDuplicates: true });
  return version;
}

export function createInterviewStore(db: Db): InterviewStore {
  return {
    load: (interviewId) => loadInterviewState(db, interviewId),
    async commit(request): Promise<CommitResult> {
      try {
        const version = await db.$transaction((tx) => commitInTransaction(tx, request));
        return { ok: true, version };
      } catch (error) {
        if (error instanceof VersionConflict) return { ok: false, reason: 'conflict' };
        throw error;
      }
    },
  };
}
