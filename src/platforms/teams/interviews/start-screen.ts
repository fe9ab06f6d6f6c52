/**
 * Starting a screen on Teams: the shared start (../../common/start-screen.ts) in a 1:1 conversation with the
 * candidate created by the bot, which Teams allows only when the app is installed for them.
 */
import { AppError } from '../../../shared/errors.js';
import type { StoredRole } from '../../../store/roles.js';
import { BotNotInstalledError } from '../connector.js';
import type { TeamsContext } from '../context.js';
import { escapeTeamsMarkdown } from '../text.js';
import type { TeamsWorkspace } from '../store/workspaces.js';
import { startGuardedScreen } from '../../common/start-screen.js';

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
  return startGuardedScreen(
    ctx,
    {
      platform: 'teams',
      workspaceId: request.workspace.id,
      recruiterId: request.recruiterId,
      candidate: request.candidate,
      role: request.role,
      questions: request.questions,
      openConversation: () => openChat(ctx, request),
    },
    {
      starting: 'A screen for this candidate is being started right now.',
      open: () =>
        'This candidate already has a screen in progress. It has to finish, or the candidate has to stop it, before another can start.',
    },
  );
}
