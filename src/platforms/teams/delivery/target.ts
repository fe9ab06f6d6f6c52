/** The tenant behind a Teams interview: its id and the Bot Connector service URL proactive messages go to. */
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../../../store/prisma.js';
import { findTeamsWorkspace } from '../store/workspaces.js';

export interface TenantEndpoint {
  tenantId: string;
  serviceUrl: string;
}

export async function tenantOfWorkspace(db: Db, workspaceId: string): Promise<TenantEndpoint> {
  const workspace = await findTeamsWorkspace(db, { id: workspaceId });
  if (!workspace) throw new AppError('not_found', `workspace ${workspaceId} is not a Teams tenant`);
  if (!workspace.installation.serviceUrl)
    throw new AppError('not_found', `Teams tenant of workspace ${workspaceId} has no service URL yet`);
  return { tenantId: workspace.tenantId, serviceUrl: workspace.installation.serviceUrl };
}

export async function tenantOfInterview(db: Db, interviewId: string): Promise<TenantEndpoint> {
  const row = await db.interview.findUnique({
    where: { id: interviewId },
    select: { workspaceId: true, platform: true },
  });
  if (!row || row.platform !== 'teams')
    throw new AppError('not_found', `interview ${interviewId} is not a Teams interview`);
  return tenantOfWorkspace(db, row.workspaceId);
}
