/** Workspaces, candidates and interviews: the rows an interview needs before its first event. */
import { randomUUID } from 'node:crypto';
import { createInitialState, type Platform, type ReminderPolicy } from '../engine/index.js';
import { toJson } from './json.js';
import type { Db } from './prisma.js';
import type { StoredRole } from './roles.js';

export async function ensureWorkspace(
  db: Db,
  input: { platform: Platform; externalId: string; name?: string },
): Promise<{ id: string }> {
  return db.workspace.upsert({
    where: { platform_externalId: { platform: input.platform, externalId: input.externalId } },
    create: { platform: input.platform, externalId: input.externalId, name: input.name ?? null },
    update: {},
    select: { id: true },
  });
}

export async function ensureCandidate(
  db: Db,
  input: { workspaceId: string; platformUserId: string; displayName?: string | null; timeZone?: string | null },
): Promise<{ id: string }> {
  const details = { displayName: input.displayName ?? null, timeZone: input.timeZone ?? null };
  return db.candidate.upsert({
    where: { workspaceId_platformUserId: { workspaceId: input.workspaceId, platformUserId: input.platformUserId } },
    create: { workspaceId: input.workspaceId, platformUserId: input.platformUserId, ...details },
    update: details,
    select: { id: true },
  });
}

export interface NewInterview {
  workspaceId: string;
  candidateId: string;
  candidateUserId: string;
  role: StoredRole;
  recruiterId: string;
  platform: Platform;
  conversationId: string;
  threadId?: string | null;
  /** @defaultValue 15000 (the engine's default) */
  quietWindowMs?: number;
  /** The candidate's IANA time zone, when the platform knows it. */
  timeZone?: string | null;
  /** @defaultValue the engine's DEFAULT_REMINDER_POLICY */
  reminderPolicy?: ReminderPolicy;
}

/** Creates the interview with the engine's initial state; the recruiter's `start` event comes next. */
export async function createInterview(db: Db, input: NewInterview): Promise<{ id: string }> {
  const id = randomUUID();
  const state = createInitialState({
    interviewId: id,
    candidateUserId: input.candidateUserId,
    platform: input.platform,
    role: input.role.config,
    ...(input.quietWindowMs === undefined ? {} : { quietWindowMs: input.quietWindowMs }),
    timeZone: input.timeZone ?? null,
    ...(input.reminderPolicy ? { reminderPolicy: input.reminderPolicy } : {}),
  });
  return db.interview.create({
    data: {
      id,
      workspaceId: input.workspaceId,
      candidateId: input.candidateId,
      roleId: input.role.id,
      recruiterId: input.recruiterId,
      platform: input.platform,
      platformConversationId: input.conversationId,
      platformThreadId: input.threadId ?? null,
      state: toJson(state),
    },
    select: { id: true },
  });
}
