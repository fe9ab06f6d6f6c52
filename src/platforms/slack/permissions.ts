/**
 * Who may do what in a workspace. Workspace admins and owners may do everything (they could grant it to
 * themselves anyway); recruiters start screens; hiring managers and recruiters decide.
 */
import type { WebClient } from '@slack/web-api';
import type { WorkspaceSettings } from './store/workspaces.js';

export async function isWorkspaceAdmin(client: WebClient, userId: string): Promise<boolean> {
  const info = await client.users.info({ user: userId });
  const user = info.user;
  return Boolean(user && !user.deleted && (user.is_admin || user.is_owner || user.is_primary_owner));
}

export async function canRecruit(workspace: WorkspaceSettings, client: WebClient, userId: string): Promise<boolean> {
  return workspace.recruiterIds.includes(userId) || isWorkspaceAdmin(client, userId);
}

export async function canDecide(workspace: WorkspaceSettings, client: WebClient, userId: string): Promise<boolean> {
  if (workspace.hiringManagerIds.includes(userId) || workspace.recruiterIds.includes(userId)) return true;
  return isWorkspaceAdmin(client, userId);
}
