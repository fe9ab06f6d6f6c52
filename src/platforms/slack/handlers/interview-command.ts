/** `/interview`: start a screen, or list your open ones. Runs after the command is acknowledged. */
import type { WebClient } from '@slack/web-api';
import { findRoleBySlug, listRoleSlugs } from '../../../store/roles.js';
import { parseInterviewArgs } from '../commands/interview-args.js';
import { interviewUsage } from '../commands/usage.js';
import type { SlackContext } from '../context.js';
import { startScreen } from '../interviews/start-screen.js';
import { escapeMrkdwn } from '../limits.js';
import { canRecruit } from '../permissions.js';
import { screensOfRecruiter } from '../store/interviews.js';
import { workspaceForTeam, type WorkspaceSettings } from '../store/workspaces.js';
import { screenLine } from '../views/screens.js';
import type { CommandInput, Reply } from './reply.js';

const NOT_A_RECRUITER =
  'Only recruiters and workspace admins can start screens. A workspace admin can add you with `/interview-admin recruiters add @you`.';

type Candidate = { userId: string; displayName: string | null; timeZone: string | null };

/** The candidate as Slack knows them, or why they cannot be interviewed. */
async function lookUpCandidate(client: WebClient, userId: string): Promise<Candidate | { problem: string }> {
  const info = await client.users.info({ user: userId }).catch(() => null);
  const user = info?.user;
  if (!user) return { problem: `I cannot find <@${userId}> in this workspace.` };
  if (user.is_bot || userId === 'USLACKBOT') return { problem: `<@${userId}> is a bot; screens are for people.` };
  if (user.deleted) return { problem: `<@${userId}> has been deactivated.` };
  const displayName = user.real_name || user.profile?.real_name || user.profile?.display_name || user.name || null;
  return { userId, displayName, timeZone: user.tz ?? null };
}

async function usageWith(ctx: SlackContext, workspace: WorkspaceSettings, problem: string | null): Promise<string> {
  const usage = interviewUsage(await listRoleSlugs(ctx.db, workspace.id));
  return problem ? `${problem}\n\n${usage}` : usage;
}

async function status(ctx: SlackContext, workspace: WorkspaceSettings, recruiterId: string): Promise<string> {
  const screens = await screensOfRecruiter(ctx.db, workspace.id, recruiterId, { openOnly: true, limit: 25 });
  if (screens.length === 0) return 'You have no open screens. Start one with `/interview @candidate <role>`.';
  return [`*Your open screens* (${screens.length})`, ...screens.map(screenLine)].join('\n');
}

export async function runInterviewCommand(ctx: SlackContext, input: CommandInput, reply: Reply): Promise<void> {
  const args = parseInterviewArgs(input.text);
  const workspace = await workspaceForTeam(ctx.db, input.teamId);
  if (args.kind === 'help') return reply(await usageWith(ctx, workspace, null));
  const client = await ctx.tokens.clientFor(input.teamId);
  if (!(await canRecruit(workspace, client, input.userId))) return reply(NOT_A_RECRUITER);
  if (args.kind === 'invalid') return reply(await usageWith(ctx, workspace, args.problem));
  if (args.kind === 'status') return reply(await status(ctx, workspace, input.userId));
  if (args.candidateId === input.userId)
    return reply(await usageWith(ctx, workspace, 'You cannot screen yourself; name the candidate.'));
  const role = await findRoleBySlug(ctx.db, workspace.id, args.roleSlug);
  if (!role) return reply(await usageWith(ctx, workspace, `There is no role "${escapeMrkdwn(args.roleSlug)}".`));
  const candidate = await lookUpCandidate(client, args.candidateId);
  if ('problem' in candidate) return reply(await usageWith(ctx, workspace, candidate.problem));
  await startScreen(ctx, { workspace, client, recruiterId: input.userId, candidate, role, questions: args.questions });
  const count = args.questions === null ? '' : ` with ${args.questions} question${args.questions === 1 ? '' : 's'}`;
  await reply(
    `Started a screen of <@${candidate.userId}> for *${escapeMrkdwn(role.config.title)}*${count}. I have sent them a DM; the report card will be posted in the hiring channel. \`/interview status\` shows your open screens.`,
  );
}
