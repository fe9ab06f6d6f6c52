/** The App Home tab: a recruiter's screens and their status; a short explanation for everyone else. */
import type { SlackContext } from '../context.js';
import { canRecruit } from '../permissions.js';
import { screensOfRecruiter } from '../store/interviews.js';
import { workspaceForTeam } from '../store/workspaces.js';
import { homeView } from '../views/home-view.js';

export async function publishHome(ctx: SlackContext, input: { teamId: string; userId: string }): Promise<void> {
  const workspace = await workspaceForTeam(ctx.db, input.teamId);
  const client = await ctx.tokens.clientFor(input.teamId);
  const recruiter = await canRecruit(workspace, client, input.userId);
  const screens = recruiter
    ? await screensOfRecruiter(ctx.db, workspace.id, input.userId, { openOnly: false, limit: 30 })
    : null;
  await client.views.publish({ user_id: input.userId, view: homeView(screens) as never });
}
