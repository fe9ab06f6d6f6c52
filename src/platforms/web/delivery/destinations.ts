/**
 * The web "hiring channel": a page that lists the reports posted to it. Posting makes nothing outside the
 * database, so the ReportPost row the pipeline writes is the post itself; the message id is derived from the
 * report key and a retried post is the same post.
 */
import type { DestinationResolver, ReportDestination } from '../../../outbound/destination.js';
import type { Db } from '../../../store/prisma.js';

const PREFIX = 'web:';

export function webDestinationId(workspaceId: string): string {
  return `${PREFIX}${workspaceId}`;
}

function webDestination(workspaceId: string): ReportDestination {
  return {
    id: webDestinationId(workspaceId),
    findPosted: () => Promise.resolve(null),
    post: (_report, reportKey) => Promise.resolve({ messageId: `web-card:${reportKey}` }),
    // The page renders the stored report and decision on every view: nothing to change.
    update: () => Promise.resolve(),
  };
}

export function webDestinations(db: Db): DestinationResolver {
  return {
    async forWorkspace(workspaceId) {
      const row = await db.workspace.findUnique({ where: { id: workspaceId }, select: { platform: true } });
      return row?.platform === 'web' ? [webDestination(workspaceId)] : [];
    },
    async byId(destinationId) {
      if (!destinationId.startsWith(PREFIX)) return null;
      const workspaceId = destinationId.slice(PREFIX.length);
      const row = await db.workspace.findUnique({ where: { id: workspaceId }, select: { platform: true } });
      return row?.platform === 'web' ? webDestination(workspaceId) : null;
    },
  };
}
