/** Teams-side look-ups of interviews: by the candidate's 1:1 conversation, by workspace. */
import type { DecisionKind, InterviewStatus } from '../../../engine/index.js';
import type { Db } from '../../../store/prisma.js';

export const OPEN_STATUSES: InterviewStatus[] = ['invited', 'consented', 'in_progress', 'paused'];

export interface TeamsInterviewRef {
  id: string;
  workspaceId: string;
  status: InterviewStatus;
  recruiterId: string;
  conversationId: string | null;
}

const SELECT = { id: true, workspaceId: true, status: true, recruiterId: true, platformConversationId: true } as const;
type Row = {
  id: string;
  workspaceId: string;
  status: InterviewStatus;
  recruiterId: string;
  platformConversationId: string | null;
};
const toRef = (row: Row): TeamsInterviewRef => ({
  id: row.id,
  workspaceId: row.workspaceId,
  status: row.status,
  recruiterId: row.recruiterId,
  conversationId: row.platformConversationId,
});

/** The newest interview held in this 1:1 conversation; edits may concern one that has just closed. */
export async function interviewInConversation(
  db: Db,
  workspaceId: string,
  conversationId: string,
  openOnly: boolean,
): Promise<TeamsInterviewRef | null> {
  const row = await db.interview.findFirst({
    where: {
      workspaceId,
      platform: 'teams',
      platformConversationId: conversationId,
      ...(openOnly ? { status: { in: OPEN_STATUSES } } : {}),
    },
    orderBy: { createdAt: 'desc' },
    select: SELECT,
  });
  return row ? toRef(row) : null;
}

export async function interviewInWorkspace(
  db: Db,
  workspaceId: string,
  interviewId: string,
): Promise<TeamsInterviewRef | null> {
  const row = await db.interview.findFirst({
    where: { id: interviewId, workspaceId, platform: 'teams' },
    select: SELECT,
  });
  return row ? toRef(row) : null;
}

export interface RecordedDecision {
  kind: DecisionKind;
  deciderId: string;
  at: Date;
}

export async function decisionOf(db: Db, interviewId: string): Promise<RecordedDecision | null> {
  const row = await db.decision.findUnique({ where: { interviewId } });
  return row ? { kind: row.decision, deciderId: row.deciderId, at: row.createdAt } : null;
}
