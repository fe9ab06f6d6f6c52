/** `/interview-admin`: recruiters, hiring managers and the hiring channel of a workspace. Admins and owners only. */
import { parseAdminArgs, type AdminArgs } from '../commands/admin-args.js';
import { ADMIN_USAGE } from '../commands/usage.js';
import type { SlackContext } from '../context.js';
import { isWorkspaceAdmin } from '../permissions.js';
import { changePeople } from '../../common/people.js';
import { setHiringChannel, workspaceForTeam, type WorkspaceSettings } from '../store/workspaces.js';
import type { CommandInput, Reply } from './reply.js';

const NOT_AN_ADMIN = "Only workspace admins and owners can change Screener's settings.";
const LIST_NAMES = { recruiters: 'Recruiters', managers: 'Hiring managers' } as const;

function people(ids: string[]): string {
  return ids.length ? ids.map((id) => `<@${id}>`).join(', ') : 'nobody yet';
}

export function settingsText(workspace: WorkspaceSettings): string {
  return [
    `*Hiring channel*: ${workspace.hiringChannelId ? `<#${workspace.hiringChannelId}>` : 'not set (report cards are not posted until it is)'}`,
    `*Recruiters*: ${people(workspace.recruiterIds)} (workspace admins can always recruit)`,
    `*Hiring managers*: ${people(workspace.hiringManagerIds)}`,
  ].join('\n');
}

async function apply(
  ctx: SlackContext,
  workspace: WorkspaceSettings,
  args: Exclude<AdminArgs, { kind: 'invalid' | 'show' }>,
): Promise<string> {
  if (args.kind === 'channel') {
    await setHiringChannel(ctx.db, workspace.id, args.channelId);
    return `Report cards will be posted in <#${args.channelId}>. Invite me there if I am not in it yet: \`/invite @Screener\`.`;
  }
  const change = args.change === 'add' ? { add: args.userIds } : { remove: args.userIds };
  const now = await changePeople(ctx.db, workspace.id, args.list, change);
  return `${LIST_NAMES[args.list]}: ${people(now)}.`;
}

export async function runAdminCommand(ctx: SlackContext, input: CommandInput, reply: Reply): Promise<void> {
  const client = await ctx.tokens.clientFor(input.teamId);
  if (!(await isWorkspaceAdmin(client, input.userId))) return reply(NOT_AN_ADMIN);
  const workspace = await workspaceForTeam(ctx.db, input.teamId);
  const args = parseAdminArgs(input.text);
  if (args.kind === 'show') return reply(`${settingsText(workspace)}\n\n${ADMIN_USAGE}`);
  if (args.kind === 'invalid') return reply(`${args.problem}\n\n${ADMIN_USAGE}`);
  await reply(await apply(ctx, workspace, args));
  ctx.logger.info(
    {
      teamId: input.teamId,
      by: input.userId,
      change: args.kind === 'people' ? `${args.list}.${args.change}` : 'channel',
    },
    'Slack workspace settings changed',
  );
}
