/** A Slack workspace's Screener settings: who recruits, who decides, where report cards go. */
import { ensureWorkspace } from '../../../store/interviews.js';
import type { Db } from '../../../store/prisma.js';
import { ensureDefaultRoles } from '../../../store/roles.js';

export interface WorkspaceSettings {
  id: string;
  teamId: string;
  hiringChannelId: string | null;
  recruiterIds: string[];
  hiringManagerIds: string[];
}

const SETTINGS_SELECT = {
  id: true,
  externalId: true,
  hiringChannelId: true,
  recruiterIds: true,
  hiringManagerIds: true,
} as const;

type SettingsRow = {
  id: string;
  externalId: string;
  hiringChannelId: string | null;
  recruiterIds: string[];
  hiringManagerIds: string[];
};

function toSettings(row: SettingsRow): WorkspaceSettings {
  const { externalId, ...rest } = row;
  return { ...rest, teamId: externalId };
}

/** Workspaces whose default roles this process has already made sure of: once is enough, not once a message. */
const rolesEnsured = new Set<string>();

/** The workspace row of a Slack team, created with the default roles the first time Screener hears from it. */
export async function workspaceForTeam(db: Db, teamId: string): Promise<WorkspaceSettings> {
  // Usually the row exists and its roles are ensured: one SELECT, instead of an upsert (a transaction of its own)
  // and a re-read, on every command, click and DM.
  const existing = await db.workspace.findUnique({
    where: { platform_externalId: { platform: 'slack', externalId: teamId } },
    select: SETTINGS_SELECT,
  });
  if (existing && rolesEnsured.has(existing.id)) return toSettings(existing);
  // Two first requests from a new workspace race to create its row; the loser's upsert fails on the unique key
  // and finds the row on a second try.
  const ensure = () => ensureWorkspace(db, { platform: 'slack', externalId: teamId });
  const { id } = await ensure().catch(ensure);
  if (!rolesEnsured.has(id)) {
    await ensureDefaultRoles(db, id);
    rolesEnsured.add(id);
  }
  return toSettings(await db.workspace.findUniqueOrThrow({ where: { id }, select: SETTINGS_SELECT }));
}

export async function findWorkspace(db: Db, workspaceId: string): Promise<WorkspaceSettings | null> {
  const row = await db.workspace.findFirst({ where: { id: workspaceId, platform: 'slack' }, select: SETTINGS_SELECT });
  return row ? toSettings(row) : null;
}

export async function setHiringChannel(db: Db, workspaceId: string, channelId: string): Promise<void> {
  await db.workspace.update({ where: { id: workspaceId }, data: { hiringChannelId: channelId } });
}
