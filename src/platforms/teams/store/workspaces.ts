/**
 * A Teams tenant's Screener settings: one Workspace row (platform 'teams', externalId = tenant id). The tenant's
 * Bot Connector service URL and the hiring channel live in `installation`, so the worker can reach the tenant
 * without an inbound activity to answer.
 */
import { z } from 'zod';
import { ensureWorkspace } from '../../../store/interviews.js';
import type { Db } from '../../../store/prisma.js';
import { ensureDefaultRoles } from '../../../store/roles.js';

export const installationSchema = z.object({
  serviceUrl: z.string().url().nullable().default(null),
  hiringChannel: z.object({ conversationId: z.string(), teamId: z.string().nullable() }).nullable().default(null),
});
export type TeamsInstallation = z.infer<typeof installationSchema>;

export interface TeamsWorkspace {
  id: string;
  tenantId: string;
  installation: TeamsInstallation;
  recruiterIds: string[];
  hiringManagerIds: string[];
}

const SELECT = { id: true, externalId: true, installation: true, recruiterIds: true, hiringManagerIds: true } as const;

type Row = {
  id: string;
  externalId: string;
  installation: unknown;
  recruiterIds: string[];
  hiringManagerIds: string[];
};

function toWorkspace(row: Row): TeamsWorkspace {
  const parsed = installationSchema.safeParse(row.installation ?? {});
  const installation = parsed.success ? parsed.data : { serviceUrl: null, hiringChannel: null };
  return {
    id: row.id,
    tenantId: row.externalId,
    installation,
    recruiterIds: row.recruiterIds,
    hiringManagerIds: row.hiringManagerIds,
  };
}

const rolesEnsured = new Set<string>();

/** The tenant's row, created with the default roles the first time; the service URL kept current. */
export async function workspaceForTenant(db: Db, tenantId: string, serviceUrl: string | null): Promise<TeamsWorkspace> {
  // Two first activities from a new tenant race to create its row; the loser's upsert fails and finds it.
  const ensure = () => ensureWorkspace(db, { platform: 'teams', externalId: tenantId });
  const { id } = await ensure().catch(ensure);
  if (!rolesEnsured.has(id)) {
    await ensureDefaultRoles(db, id);
    rolesEnsured.add(id);
  }
  const workspace = toWorkspace(await db.workspace.findUniqueOrThrow({ where: { id }, select: SELECT }));
  if (serviceUrl && workspace.installation.serviceUrl !== serviceUrl) {
    workspace.installation = { ...workspace.installation, serviceUrl };
    await db.workspace.update({ where: { id }, data: { installation: workspace.installation } });
  }
  return workspace;
}

export async function findTeamsWorkspace(
  db: Db,
  where: { id: string } | { tenantId: string },
): Promise<TeamsWorkspace | null> {
  const filter =
    'id' in where
      ? { id: where.id, platform: 'teams' as const }
      : { externalId: where.tenantId, platform: 'teams' as const };
  const row = await db.workspace.findFirst({ where: filter, select: SELECT });
  return row ? toWorkspace(row) : null;
}

export async function setHiringChannel(
  db: Db,
  workspace: TeamsWorkspace,
  conversationId: string,
  teamId: string | null,
): Promise<void> {
  const installation = { ...workspace.installation, hiringChannel: { conversationId, teamId } };
  await db.workspace.update({ where: { id: workspace.id }, data: { installation, hiringChannelId: conversationId } });
}
