/**
 * Slack installations in Workspace.installation. The token-bearing installation is sealed whole (see seal.ts);
 * what stays readable is what an operator needs to see without the key: who installed, which bot, which scopes.
 * Org-wide (Enterprise Grid) installs are refused: Screener keys everything by workspace.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { Prisma, type Db } from '../../../store/prisma.js';
import { toJson } from '../../../store/json.js';
import { seal, unseal } from './seal.js';

const storedSchema = z.object({
  v: z.literal(1),
  teamId: z.string(),
  botUserId: z.string(),
  botId: z.string(),
  scopes: z.array(z.string()),
  installerUserId: z.string(),
  installedAt: z.string(),
  sealed: z.string(),
});
type StoredInstallation = z.infer<typeof storedSchema>;

export interface InstalledBot {
  token: string;
  userId: string;
  id: string;
}

export interface SlackInstallationStore extends InstallationStore {
  botFor(teamId: string): Promise<InstalledBot | null>;
  /** Forgets the tokens of a workspace (uninstall, revoked tokens); its interviews and settings stay. */
  forget(teamId: string): Promise<boolean>;
}

function teamOf(query: InstallationQuery<boolean>): string {
  if (query.isEnterpriseInstall || !query.teamId)
    throw new AppError('not_found', 'org-wide Slack installs are not supported; install Screener per workspace');
  return query.teamId;
}

export function prismaInstallationStore(db: Db, key: Buffer, now: () => Date): SlackInstallationStore {
  async function read(teamId: string): Promise<{ stored: StoredInstallation; installation: Installation } | null> {
    const row = await db.workspace.findUnique({
      where: { platform_externalId: { platform: 'slack', externalId: teamId } },
      select: { installation: true },
    });
    const parsed = storedSchema.safeParse(row?.installation);
    if (!parsed.success) return null;
    const installation = JSON.parse(unseal(key, parsed.data.sealed, teamId)) as Installation;
    return { stored: parsed.data, installation };
  }

  async function forget(teamId: string): Promise<boolean> {
    const result = await db.workspace.updateMany({
      where: { platform: 'slack', externalId: teamId, NOT: { installation: { equals: Prisma.DbNull } } },
      data: { installation: Prisma.DbNull },
    });
    return result.count > 0;
  }

  return {
    async storeInstallation(installation) {
      const teamId = teamOf({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
      });
      const bot = installation.bot;
      if (!bot) throw new AppError('invalid_input', 'a Slack installation without a bot token cannot run interviews');
      const stored: StoredInstallation = {
        v: 1,
        teamId,
        botUserId: bot.userId,
        botId: bot.id,
        scopes: bot.scopes,
        installerUserId: installation.user.id,
        installedAt: now().toISOString(),
        sealed: seal(key, JSON.stringify(installation), teamId),
      };
      const name = installation.team?.name ?? null;
      await db.workspace.upsert({
        where: { platform_externalId: { platform: 'slack', externalId: teamId } },
        create: { platform: 'slack', externalId: teamId, name, installation: toJson(stored) },
        update: { installation: toJson(stored), ...(name ? { name } : {}) },
      });
    },
    async fetchInstallation(query) {
      const found = await read(teamOf(query));
      if (!found) throw new AppError('not_found', `Screener is not installed in Slack workspace ${query.teamId ?? ''}`);
      return found.installation;
    },
    async deleteInstallation(query) {
      await forget(teamOf(query));
    },
    async botFor(teamId) {
      const found = await read(teamId);
      const bot = found?.installation.bot;
      return bot ? { token: bot.token, userId: bot.userId, id: bot.id } : null;
    },
    forget,
  };
}
