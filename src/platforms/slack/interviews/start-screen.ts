/**
 * Starting a screen on Slack: the shared start (../../common/start-screen.ts) in the candidate's DM, with a root
 * message that names the role and the recruiter; the interview runs in that message's thread.
 */
import type { WebClient } from '@slack/web-api';
import { AppError } from '../../../shared/errors.js';
import type { StoredRole } from '../../../store/roles.js';
import { startGuardedScreen } from '../../common/start-screen.js';
import type { SlackContext } from '../context.js';
import { escapeMrkdwn } from '../limits.js';
import type { WorkspaceSettings } from '../store/workspaces.js';

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

export async function startScreen(ctx: SlackContext, request: ScreenRequest): Promise<{ interviewId: string }> {
  const { workspace, client, candidate, recruiterId } = request;
  return startGuardedScreen(
    ctx,
    {
      platform: 'slack',
      workspaceId: workspace.id,
      recruiterId,
      candidate,
      role: request.role,
      questions: request.questions,
      openConversation: () => ctx.openDm(client, workspace.teamId, candidate.userId),
      openThread: async ({ conversationId, role }) => {
        await ctx.pace(conversationId);
        const posted = await client.chat.postMessage({
          channel: conversationId,
          text: rootMessage(role.config.title, recruiterId),
          unfurl_links: false,
        });
        if (!posted.ts) throw new AppError('unavailable', 'Slack returned no timestamp for the root message');
        return posted.ts;
      },
    },
    {
      starting: `A screen for <@${candidate.userId}> is being started right now.`,
      open: (openedBy) =>
        `<@${candidate.userId}> already has a screen in progress (started by <@${openedBy}>). It has to finish, or the candidate has to stop it, before another can start.`,
    },
  );
}
