/** `@Screener status`: a recruiter's open screens. */
import type { TeamsContext } from '../context.js';
import { OPEN_STATUSES } from '../store/interviews.js';
import type { TeamsWorkspace } from '../store/workspaces.js';

export async function screensText(ctx: TeamsContext, workspace: TeamsWorkspace, recruiterId: string): Promise<string> {
  const rows = await ctx.db.interview.findMany({
    where: { workspaceId: workspace.id, platform: 'teams', recruiterId, status: { in: OPEN_STATUSES } },
    orderBy: { createdAt: 'desc' },
    take: 25,
    select: { status: true, createdAt: true, role: { select: { title: true } } },
  });
  if (rows.length === 0) return 'You have no open screens. Start one with `@Screener interview @candidate <role>`.';
  const lines = rows.map(
    (row) => `- ${row.role.title}: ${row.status.replace('_', ' ')} since ${row.createdAt.toISOString().slice(0, 10)}`,
  );
  return [`**Your open screens** (${rows.length})`, ...lines].join('\n');
}
