/**
 * Starting a screen: a 1:1 conversation with the candidate created by the bot (Teams allows it only when the app
 * is installed for them), the interview row that remembers it, and the engine's `start` event, whose notice and
 * consent question the outbox then delivers there.
 */
import { tryLock } from '../../../shared/lock.js';
import { AppError } from '../../../shared/errors.js';
import { createInterview, ensureCandidate } from '../../../store/interviews.js';
import type { StoredRole } from '../../../store/roles.js';
import { BotNotInstalledError } from '../connector.js';
import type { TeamsContext } from '../context.js';
import { escapeTeamsMarkdown } from '../text.js';
import { openInterviewOfCandidate } from '../store/interviews.js';
import type { TeamsWorkspace } from '../store/workspaces.js';
import { withQuestionCount } from '../../common/question-count.js';

export interface TeamsScreenRequest {
  workspace: TeamsWorkspace;
  serviceUrl: string;
  recruiterId: string;
  candidate: { userId: string; displayName: string | null };
  role: StoredRole;
  questions: number | null;
}

export function notInstalledMessage(name: string): string {
  return [
    `I could not open a chat with ${name}: the Screener app is not installed for them, and Teams lets a bot write only to people who have it.`,
    'Either ask them to add it (Apps, search for Screener, Add), or have a Teams admin install it for them:',
    "Teams admin center, Setup policies, Installed apps; or Microsoft Graph `POST /users/{user-id}/teamwork/installedApps` with the app's catalog id.",
    'Then run the same command again.',
  ].join('\n\n');
}

async function openChat(ctx: TeamsContext, request: TeamsScreenRequest): Promise<string> {
  try {
    return await ctx.connector.openPersonal(request.serviceUrl, request.workspace.tenantId, request.candidate.userId);
  } catch (error) {
    if (!(error instanceof BotNotInstalledError)) throw error;
    const name = escapeTeamsMarkdown(request.candidate.displayName ?? 'the candidate');
    throw new AppError('forbidden', 'the bot is not installed for the candidate', {
      cause: error,
      userMessage: notInstalledMessage(name),
    });
  }
}

export async function startTeamsScreen(
  ctx: TeamsContext,
  request: TeamsScreenRequest,
): Promise<{ interviewId: string }> {
  const { workspace, candidate } = request;
  const lock = await tryLock(ctx.redis, `${ctx.keyPrefix}:teams:start:${workspace.id}:${candidate.userId}`, 30_000);
  if (!lock)
    throw new AppError('conflict', 'screen already starting', {
      userMessage: 'A screen for this candidate is being started right now.',
    });
  try {
    if (await openInterviewOfCandidate(ctx.db, workspace.id, candidate.userId)) {
      throw new AppError('conflict', 'candidate has an open interview', {
        userMessage:
          'This candidate already has a screen in progress. It has to finish, or the candidate has to stop it, before another can start.',
      });
    }
    const conversationId = await openChat(ctx, request);
    const candidateRow = await ensureCandidate(ctx.db, {
      workspaceId: workspace.id,
      platformUserId: candidate.userId,
      displayName: candidate.displayName,
    });
    const role = withQuestionCount(request.role, request.questions);
    const interview = await createInterview(ctx.db, {
      workspaceId: workspace.id,
      candidateId: candidateRow.id,
      candidateUserId: candidate.userId,
      role,
      recruiterId: request.recruiterId,
      platform: 'teams',
      conversationId,
    });
    const base = {
      platform: 'teams',
      workspaceId: workspace.id,
      conversationId,
      threadId: null,
      userId: request.recruiterId,
      raw: null,
    } as const;
    await ctx.runner.handle(interview.id, { ...base, kind: 'start', messageId: `start:${interview.id}` });
    return { interviewId: interview.id };
  } finally {
    await lock.release();
  }
}
