/** Slack-side look-ups of interviews: by DM thread, by workspace, by recruiter. */
import type { DecisionKind, InterviewStatus, LoadedInterview } from '../../../engine/index.js';
import { LOADED_INTERVIEW_SELECT, toLoadedInterview } from '../../../store/index.js';
import type { Db } from '../../../store/prisma.js';

/** Not finished and not ended: a candidate may have only one of these at a time. */
export const OPEN_STATUSES: InterviewStatus[] = ['invited', 'consented', 'in_progress', 'paused'];

export interface InterviewRef {
  id: string;
  workspaceId: string;
  status: InterviewStatus;
  recruiterId: string;
  conversationId: string | null;
  threadId: string | null;
}

const REF_SELECT = {
  id: true,
  workspaceId: true,
  status: true,
  recruiterId: true,
  platformConversationId: true,
  platformThreadId: true,
} as const;

type RefRow = {
  id: string;
  workspaceId: string;
  status: InterviewStatus;
  recruiterId: string;
  platformConversationId: string | null;
  platformThreadId: string | null;
};

function toRef(row: RefRow): InterviewRef {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    status: row.status,
    recruiterId: row.recruiterId,
    conversationId: row.platformConversationId,
    threadId: row.platformThreadId,
  };
}

/**
 * The interview a candidate's thread reply belongs to, with the state the runner steps, in one statement: the
 * workspace is matched by team id in the same query (an interview means its workspace row exists), and the runner
 * is handed the state instead of reading the row again.
 */
export async function interviewTurnByThread(
  db: Db,
  teamId: string,
  channelId: string,
  threadTs: string,
): Promise<{ ref: InterviewRef; loaded: LoadedInterview } | null> {
  const row = await db.interview.findFirst({
    where: {
      workspace: { platform: 'slack', externalId: teamId },
      platform: 'slack',
      platformConversationId: channelId,
      platformThreadId: threadTs,
    },
    select: { ...REF_SELECT, ...LOADED_INTERVIEW_SELECT },
  });
  return row ? { ref: toRef(row), loaded: toLoadedInterview(row) } : null;
}

/** The newest interview held in this DM that still expects answers. */
export async function openInterviewInDm(db: Db, workspaceId: string, channelId: string): Promise<InterviewRef | null> {
  const row = await db.interview.findFirst({
    where: { workspaceId, platform: 'slack', platformConversationId: channelId, status: { in: OPEN_STATUSES } },
    orderBy: { createdAt: 'desc' },
    select: REF_SELECT,
  });
  return row ? toRef(row) : null;
}

export async function interviewInWorkspace(
  db: Db,
  workspaceId: string,
  interviewId: string,
): Promise<InterviewRef | null> {
  const row = await db.interview.findFirst({ where: { id: interviewId, workspaceId }, select: REF_SELECT });
  return row ? toRef(row) : null;
}

export interface ScreenSummary {
  id: string;
  status: InterviewStatus;
  candidateUserId: string | null;
  roleTitle: string;
  createdAt: Date;
  decision: { kind: DecisionKind; deciderId: string; at: Date } | null;
}

/** A recruiter's screens, newest first; `openOnly` keeps the ones still waiting for the candidate. */
export async function screensOfRecruiter(
  db: Db,
  workspaceId: string,
  recruiterId: string,
  options: { openOnly: boolean; limit: number },
): Promise<ScreenSummary[]> {
  const rows = await db.interview.findMany({
    where: {
      workspaceId,
      platform: 'slack',
      recruiterId,
      ...(options.openOnly ? { status: { in: OPEN_STATUSES } } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take: options.limit,
    select: {
      id: true,
      status: true,
      createdAt: true,
      candidate: { select: { platformUserId: true } },
      role: { select: { title: true } },
      decisions: { select: { decision: true, deciderId: true, createdAt: true }, take: 1 },
    },
  });
  return rows.map((row) => {
    const decision = row.decisions[0];
    return {
      id: row.id,
      status: row.status,
      candidateUserId: row.candidate?.platformUserId ?? null,
      roleTitle: row.role.title,
      createdAt: row.createdAt,
      decision: decision ? { kind: decision.decision, deciderId: decision.deciderId, at: decision.createdAt } : null,
    };
  });
}

export async function decisionOf(
  db: Db,
  interviewId: string,
): Promise<{ kind: DecisionKind; deciderId: string; at: Date } | null> {
  const row = await db.decision.findUnique({ where: { interviewId } });
  return row ? { kind: row.decision, deciderId: row.deciderId, at: row.createdAt } : null;
}
