/**
 * Who may do what in a tenant. Teams tells a bot nothing about tenant admins without Graph permissions, so the
 * admins are the Entra object ids in TEAMS_ADMIN_IDS; they name recruiters and hiring managers with @mentions.
 */
import type { Sender } from './normalize.js';
import type { TeamsSettings } from './settings.js';
import type { TeamsWorkspace } from './store/workspaces.js';

export function isTeamsAdmin(settings: TeamsSettings, sender: Pick<Sender, 'userId' | 'aadObjectId'>): boolean {
  const ids = [sender.userId, sender.aadObjectId]
    .filter((id): id is string => Boolean(id))
    .map((id) => id.toLowerCase());
  return ids.some((id) => settings.adminIds.includes(id));
}

export function canRecruit(
  settings: TeamsSettings,
  workspace: TeamsWorkspace,
  sender: Pick<Sender, 'userId' | 'aadObjectId'>,
): boolean {
  return workspace.recruiterIds.includes(sender.userId) || isTeamsAdmin(settings, sender);
}

export function canDecide(
  settings: TeamsSettings,
  workspace: TeamsWorkspace,
  sender: Pick<Sender, 'userId' | 'aadObjectId'>,
): boolean {
  return workspace.hiringManagerIds.includes(sender.userId) || canRecruit(settings, workspace, sender);
}
