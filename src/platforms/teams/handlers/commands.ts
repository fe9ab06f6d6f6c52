/** Recruiter and admin commands, typed to the bot in a channel, a group chat or a 1:1 chat. Runs after the ack. */
import { findRoleBySlug, listRoleSlugs } from '../../../store/roles.js';
import { ADMIN_USAGE, interviewUsage, parseTeamsCommand, type TeamsCommand } from '../commands/args.js';
import type { TeamsContext } from '../context.js';
import { startTeamsScreen } from '../interviews/start-screen.js';
import { channelOf, type Mention, type Sender } from '../normalize.js';
import { canRecruit, isTeamsAdmin } from '../permissions.js';
import type { Reply } from './reply.js';
import { escapeTeamsMarkdown } from '../text.js';
import { changePeople } from '../../common/people.js';
import { setHiringChannel, workspaceForTenant, type TeamsWorkspace } from '../store/workspaces.js';
import { screensText } from './status.js';

const NOT_A_RECRUITER =
  'Only recruiters can start screens. An admin can add you with `@Screener admin recruiters add @you`.';
const NOT_AN_ADMIN = "Only the admins named in Screener's configuration (TEAMS_ADMIN_IDS) can change its settings.";
const LIST_NAMES = { recruiters: 'Recruiters', managers: 'Hiring managers' } as const;

export interface CommandInput {
  sender: Sender;
  text: string;
  mentions: Mention[];
}

async function usageWith(ctx: TeamsContext, workspace: TeamsWorkspace, problem: string | null): Promise<string> {
  const usage = interviewUsage(await listRoleSlugs(ctx.db, workspace.id));
  return problem ? `${problem}\n\n${usage}` : usage;
}

function people(count: number): string {
  return count === 0 ? 'nobody yet' : `${count} ${count === 1 ? 'person' : 'people'}`;
}

export function settingsText(workspace: TeamsWorkspace): string {
  const channel = workspace.installation.hiringChannel ? 'set' : 'not set (report cards are not posted until it is)';
  return [
    `**Hiring channel**: ${channel}`,
    `**Recruiters**: ${people(workspace.recruiterIds.length)}`,
    `**Hiring managers**: ${people(workspace.hiringManagerIds.length)}`,
  ].join('\n\n');
}

async function runAdmin(
  ctx: TeamsContext,
  workspace: TeamsWorkspace,
  input: CommandInput,
  command: Extract<TeamsCommand, { kind: 'admin_people' | 'admin_channel' | 'admin_show' }>,
): Promise<string> {
  if (command.kind === 'admin_show') return `${settingsText(workspace)}\n\n${ADMIN_USAGE}`;
  if (command.kind === 'admin_channel') {
    if (input.sender.conversationType !== 'channel')
      return 'Type `@Screener admin channel` in the team channel that should get the report cards.';
    await setHiringChannel(ctx.db, workspace, channelOf(input.sender.conversationId), null);
    return 'Report cards will be posted in this channel.';
  }
  const now = await changePeople(
    ctx.db,
    workspace.id,
    command.list,
    command.change === 'add' ? { add: command.userIds } : { remove: command.userIds },
  );
  ctx.logger.info(
    { tenantId: workspace.tenantId, change: `${command.list}.${command.change}` },
    'Teams workspace settings changed',
  );
  return `${LIST_NAMES[command.list]}: ${people(now.length)}.`;
}

async function runStart(
  ctx: TeamsContext,
  workspace: TeamsWorkspace,
  input: CommandInput,
  command: Extract<TeamsCommand, { kind: 'start' }>,
): Promise<string> {
  if (command.candidateId === input.sender.userId)
    return usageWith(ctx, workspace, 'You cannot screen yourself; @mention the candidate.');
  // Bot accounts in Teams have ids starting with 28:, people 29: (or an Entra object id).
  if (command.candidateId.startsWith('28:')) return usageWith(ctx, workspace, 'That is a bot; screens are for people.');
  const role = await findRoleBySlug(ctx.db, workspace.id, command.roleSlug);
  if (!role) return usageWith(ctx, workspace, `There is no role "${escapeTeamsMarkdown(command.roleSlug)}".`);
  const name = input.mentions.find((m) => m.id === command.candidateId)?.name ?? null;
  await startTeamsScreen(ctx, {
    workspace,
    serviceUrl: input.sender.serviceUrl,
    recruiterId: input.sender.userId,
    candidate: { userId: command.candidateId, displayName: name },
    role,
    questions: command.questions,
  });
  const count =
    command.questions === null ? '' : ` with ${command.questions} question${command.questions === 1 ? '' : 's'}`;
  return `Started a screen of ${escapeTeamsMarkdown(name ?? 'the candidate')} for **${escapeTeamsMarkdown(role.config.title)}**${count}. I have written to them in a 1:1 chat; the report card will be posted in the hiring channel.`;
}

export async function runTeamsCommand(ctx: TeamsContext, input: CommandInput, reply: Reply): Promise<void> {
  const workspace = await workspaceForTenant(ctx.db, input.sender.tenantId, input.sender.serviceUrl);
  const command = parseTeamsCommand(input.text, input.mentions);
  if (command.kind === 'help') return reply(await usageWith(ctx, workspace, null));
  const admin = command.kind.startsWith('admin') || (command.kind === 'invalid' && command.admin);
  if (admin) {
    if (!isTeamsAdmin(ctx.settings, input.sender)) return reply(NOT_AN_ADMIN);
    if (command.kind === 'invalid') return reply(`${command.problem}\n\n${ADMIN_USAGE}`);
    return reply(
      await runAdmin(
        ctx,
        workspace,
        input,
        command as Extract<TeamsCommand, { kind: 'admin_people' | 'admin_channel' | 'admin_show' }>,
      ),
    );
  }
  if (!canRecruit(ctx.settings, workspace, input.sender)) return reply(NOT_A_RECRUITER);
  if (command.kind === 'invalid') return reply(await usageWith(ctx, workspace, command.problem));
  if (command.kind === 'status') return reply(await screensText(ctx, workspace, input.sender.userId));
  if (command.kind === 'start') return reply(await runStart(ctx, workspace, input, command));
}
