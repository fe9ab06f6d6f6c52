/**
 * Starting a screen: the candidate's DM, a root message that names the role and the recruiter, the interview row
 * that remembers both, and the engine's `start` event (whose notice and consent question the outbox delivers in
 * the root message's thread).
 */
import type { WebClient } from '@slack/web-api';
import { tryLock } from '../../../shared/lock.js';
import { AppError } from '../../../shared/errors.js';
import { createInterview, ensureCandidate } from '../../../store/interviews.js';
import type { StoredRole } from '../../../store/roles.js';
import type { SlackContext } from '../context.js';
import { escapeMrkdwn } from '../limits.js';
import { openInterviewOfCandidate, setThread } from '../store/interviews.js';
import type { WorkspaceSettings } from '../store/workspaces.js';
import { withQuestionCount } from '../../common/question-count.js';

export interface ScreenRequest {
  workspace: WorkspaceSettings;
  client: WebClient;
  recruiterId: string;
  candidate: { userId: string; displayName: string | null; timeZone: string | null };
  role: StoredRole;
  questions: number | null;
}

export function rootMessage(roleTitle: string, recruiterId: string): string {
  return `Screening interview for the *${escapeMrkdwn(roleTitle)}* role, requested by <@${recruiterId}>. I will ask the questions in this thread: please answer here, in the thread.`;
}

async function alreadyOpen(ctx: SlackContext, request: ScreenRequest): Promise<void> {
  const open = await openInterviewOfCandidate(ctx.db, request.workspace.id, request.candidate.userId);
  if (open) {
    throw new AppError('conflict', 'candidate has an open interview', {
      userMessage: `<@${request.candidate.userId}> already has a screen in progress (started by <@${open.recruiterId}>). It has to finish, or the candidate has to stop it, before another can start.`,
    });
  }
}

export async function startScreen(ctx: SlackContext, request: ScreenRequest): Promise<{ interviewId: string }> {
  const { workspace, client, candidate } = request;
  // Two recruiters (or a double-submitted command) starting the same candidate at once get one screen.
  const lock = await tryLock(ctx.redis, `${ctx.keyPrefix}:slack:start:${workspace.id}:${candidate.userId}`, 30_000);
  if (!lock)
    throw new AppError('conflict', 'screen already starting', {
      userMessage: `A screen for <@${candidate.userId}> is being started right now.`,
    });
  try {
    await alreadyOpen(ctx, request);
    const candidateRow = await ensureCandidate(ctx.db, {
      workspaceId: workspace.id,
      platformUserId: candidate.userId,
      displayName: candidate.displayName,
      timeZone: candidate.timeZone,
    });
    const channel = await ctx.openDm(client, workspace.teamId, candidate.userId);
    const role = withQuestionCount(request.role, request.questions);
    const interview = await createInterview(ctx.db, {
      workspaceId: workspace.id,
      candidateId: candidateRow.id,
      candidateUserId: candidate.userId,
      role,
      recruiterId: request.recruiterId,
      platform: 'slack',
      conversationId: channel,
      // Reminders wait for morning where the candidate is.
      timeZone: candidate.timeZone,
    });
    const threadTs = await postRoot(ctx, client, channel, role.config.title, request.recruiterId, interview.id);
    await setThread(ctx.db, interview.id, threadTs);
    const base = {
      platform: 'slack',
      workspaceId: workspace.id,
      conversationId: channel,
      threadId: threadTs,
      userId: request.recruiterId,
      raw: null,
    } as const;
    await ctx.runner.handle(interview.id, { ...base, kind: 'start', messageId: `start:${interview.id}` });
    return { interviewId: interview.id };
  } finally {
    await lock.release();
  }
}

async function postRoot(
  ctx: SlackContext,
  client: WebClient,
  channel: string,
  roleTitle: string,
  recruiterId: string,
  interviewId: string,
): Promise<string> {
  try {
    await ctx.pace(channel);
    const posted = await client.chat.postMessage({
      channel,
      text: rootMessage(roleTitle, recruiterId),
      unfurl_links: false,
    });
    if (!posted.ts) throw new AppError('unavailable', 'Slack returned no timestamp for the root message');
    return posted.ts;
  } catch (error) {
    // Without its thread the interview cannot run; leave no half-started row that would block a retry.
    await ctx.db.interview.delete({ where: { id: interviewId } });
    throw error;
  }
}
