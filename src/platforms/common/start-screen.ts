/**
 * Starting a screen, the same on every platform: one start per candidate at a time, none while the candidate has
 * an open interview, the conversation the platform holds it in, the candidate and interview rows, and the engine's
 * `start` event (whose notice and consent question the outbox then delivers). What differs is data and two hooks:
 * how the conversation is opened, and (Slack) the root message the interview's thread hangs from.
 */
import type { Redis } from 'ioredis';
import { OPEN_STATUSES, type InterviewRunner, type Platform } from '../../engine/index.js';
import { tryLock } from '../../shared/lock.js';
import { AppError } from '../../shared/errors.js';
import { createInterview, ensureCandidate } from '../../store/interviews.js';
import type { Db } from '../../store/prisma.js';
import type { StoredRole } from '../../store/roles.js';
import { withQuestionCount } from './question-count.js';

export interface StartContext {
  db: Db;
  runner: InterviewRunner;
}

export interface ScreenStart {
  platform: Platform;
  workspaceId: string;
  recruiterId: string;
  candidate: { userId: string; displayName: string | null; timeZone?: string | null };
  role: StoredRole;
  /** `questions=N`; null keeps the role's default. */
  questions: number | null;
  /** Opens the conversation the interview is held in and returns its id. */
  openConversation: () => Promise<string>;
  /**
   * Posts what the interview's thread hangs from once the interview row exists, and returns the thread id; when it
   * fails the row is deleted, so that no half-started interview blocks a retry. @defaultValue no thread
   */
  openThread?: (interview: { id: string; conversationId: string; role: StoredRole }) => Promise<string>;
  /** @defaultValue the engine's */
  quietWindowMs?: number;
}

/** What a refused start tells the recruiter. */
export interface StartRefusals {
  /** Another start for the same candidate holds the lock. */
  starting: string;
  /** The candidate has an open interview, started by `recruiterId`. */
  open: (recruiterId: string) => string;
}

/** The candidate's interview on this platform that still expects answers, if any. */
export async function openInterviewOfCandidate(
  db: Db,
  platform: Platform,
  workspaceId: string,
  candidateUserId: string,
): Promise<{ recruiterId: string } | null> {
  return db.interview.findFirst({
    where: {
      workspaceId,
      platform,
      status: { in: [...OPEN_STATUSES] },
      candidate: { platformUserId: candidateUserId },
    },
    select: { recruiterId: true },
  });
}

/**
 * Starts a screen for a candidate who may already have one: two recruiters (or a double-submitted command) starting
 * the same candidate at once get one screen, and a candidate never has two open.
 */
export async function startGuardedScreen(
  ctx: StartContext & { redis: Redis; keyPrefix: string },
  start: ScreenStart,
  refusals: StartRefusals,
): Promise<{ interviewId: string }> {
  const { platform, workspaceId, candidate } = start;
  const key = `${ctx.keyPrefix}:${platform}:start:${workspaceId}:${candidate.userId}`;
  const lock = await tryLock(ctx.redis, key, 30_000);
  if (!lock) throw new AppError('conflict', 'screen already starting', { userMessage: refusals.starting });
  try {
    const open = await openInterviewOfCandidate(ctx.db, platform, workspaceId, candidate.userId);
    if (open) {
      throw new AppError('conflict', 'candidate has an open interview', {
        userMessage: refusals.open(open.recruiterId),
      });
    }
    return await startScreen(ctx, start);
  } finally {
    await lock.release();
  }
}

/** Starts a screen; the caller has made sure the candidate has no other (the sandbox's candidates are new each time). */
export async function startScreen(ctx: StartContext, start: ScreenStart): Promise<{ interviewId: string }> {
  const { platform, workspaceId, candidate } = start;
  const conversationId = await start.openConversation();
  const candidateRow = await ensureCandidate(ctx.db, {
    workspaceId,
    platformUserId: candidate.userId,
    displayName: candidate.displayName,
    ...(candidate.timeZone === undefined ? {} : { timeZone: candidate.timeZone }),
  });
  const role = withQuestionCount(start.role, start.questions);
  const interview = await createInterview(ctx.db, {
    workspaceId,
    candidateId: candidateRow.id,
    candidateUserId: candidate.userId,
    role,
    recruiterId: start.recruiterId,
    platform,
    conversationId,
    // Reminders wait for morning where the candidate is.
    ...(candidate.timeZone === undefined ? {} : { timeZone: candidate.timeZone }),
    ...(start.quietWindowMs === undefined ? {} : { quietWindowMs: start.quietWindowMs }),
  });
  const threadId = start.openThread
    ? await openThread(ctx.db, start.openThread, interview.id, conversationId, role)
    : null;
  await ctx.runner.handle(interview.id, {
    kind: 'start',
    platform,
    workspaceId,
    conversationId,
    threadId,
    userId: start.recruiterId,
    messageId: `start:${interview.id}`,
    raw: null,
  });
  return { interviewId: interview.id };
}

async function openThread(
  db: Db,
  open: NonNullable<ScreenStart['openThread']>,
  interviewId: string,
  conversationId: string,
  role: StoredRole,
): Promise<string> {
  let threadId: string;
  try {
    threadId = await open({ id: interviewId, conversationId, role });
  } catch (error) {
    await db.interview.delete({ where: { id: interviewId } });
    throw error;
  }
  await db.interview.update({ where: { id: interviewId }, data: { platformThreadId: threadId } });
  return threadId;
}
